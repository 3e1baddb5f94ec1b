import { describe, expect, it } from 'vitest';
import { hashDefinition } from '../../src/definitions/hash.js';
import { start, step } from '../../src/flow/step.js';
import { actors, DATA, fixtureFlow, ok } from './fixtures.js';

const NOW = '2025-03-03T01:00:00.000Z';

describe('the data hash of audit entries', () => {
  const { flow } = fixtureFlow();

  it('is hashDefinition of { answers, data, materials } by default', () => {
    const started = ok(start(flow, { actor: actors.applicant, now: NOW, answers: { settle: true }, data: DATA }));
    expect(started.audit.dataHash).toBe(hashDefinition({ answers: { settle: true }, data: DATA, materials: {} }));
  });

  it('comes from the hash function the caller passes, for start, for a step that changes the data and never for one that does not', () => {
    const seen: unknown[] = [];
    const hash = (value: unknown) => {
      seen.push(value);
      return `hash-${seen.length}`;
    };
    const started = ok(start(flow, { actor: actors.applicant, now: NOW, answers: { settle: true } }, { hash }));
    expect(started.audit.dataHash).toBe('hash-1');
    expect(seen[0]).toEqual({ answers: { settle: true }, data: {}, materials: {} });

    const saved = ok(step(flow, started.snapshot, { type: 'SAVE', data: DATA }, actors.applicant, NOW, { hash }));
    expect(saved.audit.dataHash).toBe('hash-2');
    expect(seen[1]).toEqual({ answers: { settle: true }, data: DATA, materials: {} });

    const submitted = ok(step(flow, saved.snapshot, { type: 'SUBMIT' }, actors.applicant, NOW, { hash }));
    expect(submitted.audit.dataHash).toBeUndefined();
    expect(seen).toHaveLength(2);
  });
});
