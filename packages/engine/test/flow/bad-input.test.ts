import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { start, step } from '../../src/flow/step.js';
import type { ApplicationSnapshot, FlowEvent } from '../../src/flow/types.js';
import { actors, fixtureFlow, refused, run, TO_ACCEPTANCE } from './fixtures.js';

const { flow } = fixtureFlow();
const AT = '2025-03-05T02:00:00.000Z';
const accepted = run(flow, TO_ACCEPTANCE).snapshot;

describe('bad input is refused as data, never thrown', () => {
  it('a time that is not an ISO date-time', () => {
    for (const now of ['yesterday', '2025-03-05', '', 5 as never, '2025-13-40T00:00:00Z']) {
      expect(refused(step(flow, accepted, { type: 'APPROVE', item: 'hukou' }, actors.police, now)).code).toBe('invalid-time');
    }
  });

  it('an actor without id or with an unknown role', () => {
    for (const actor of [null, {}, { id: 'x' }, { id: 'x', role: 'mayor' }, { id: '', role: 'clerk' }]) {
      expect(refused(step(flow, accepted, { type: 'APPROVE', item: 'hukou' }, actor as never, AT)).code).toBe('invalid-actor');
    }
    expect(refused(start(flow, { actor: actors.clerk, now: AT })).code).toBe('role-forbidden');
  });

  it('an event that is not a well-formed event', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 100; i++) cursor = cursor.a = {};
    const cases: Array<[unknown, string]> = [
      [null, 'an event is an object'],
      [[], 'an event is an object'],
      [{ type: 'approve' }, 'type must be upper snake case, e.g. ACCEPT'],
      [{ type: 'xstate.init' }, 'type must be upper snake case, e.g. ACCEPT'],
      [{ type: 'APPROVE', item: 3 }, 'item must be an item id'],
      [{ type: 'APPROVE', payload: () => 1 }, 'not JSON (function)'],
      [{ type: 'APPROVE', n: Number.NaN }, 'a number is not finite'],
      [{ type: 'APPROVE', deep }, 'nested too deeply'],
    ];
    for (const [event, problem] of cases) {
      expect(refused(step(flow, accepted, event as FlowEvent, actors.police, AT)).details).toEqual({ problem });
    }
  });

  it('a snapshot that is not one, or whose state the flow does not have', () => {
    expect(refused(step(flow, 'garbage' as never, { type: 'ACCEPT' }, actors.clerk, AT))).toMatchObject({ code: 'invalid-snapshot', details: { problem: 'not an object' } });
    const { context, ...noContext } = accepted;
    void context;
    expect(refused(step(flow, noContext as never, { type: 'ACCEPT' }, actors.clerk, AT)).code).toBe('invalid-snapshot');
    const tampered: ApplicationSnapshot = { ...accepted, value: { processing: { hukou: 'teleported' } } };
    expect(refused(step(flow, tampered, { type: 'APPROVE', item: 'hukou' }, actors.police, AT)).code).toBe('invalid-snapshot');
  });

  it('whatever arrives, step answers with a result or a refusal and leaves its input untouched', () => {
    const frozen = JSON.stringify(accepted);
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ type: fc.constantFrom('APPROVE', 'CHECK', 'SUPPLEMENT', 'OVERDUE', 'REJECT'), item: fc.constantFrom('hukou', 'birth-cert', 'x') }, { requiredKeys: ['type'] })),
        fc.constantFrom(...Object.values(actors)),
        (event, actor) => {
          const r = step(flow, accepted, event as FlowEvent, actor, AT);
          expect('refused' in r || 'snapshot' in r).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    expect(JSON.stringify(accepted)).toBe(frozen);
  });
});
