import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refusal, refusalMessages, refusalStatus, type RefusalCode } from '@onething/engine';
import { refusalError } from '../src/applications/refusal-error.js';

const codes = Object.keys(refusalMessages) as RefusalCode[];

/** The rows of the refusal table in docs/flows.md: code → the HTTP status column as written. */
function docsTable(): Map<string, string> {
  const page = readFileSync(new URL('../../../docs/flows.md', import.meta.url), 'utf8');
  const table = page.slice(page.indexOf('<!-- refusals:start -->'), page.indexOf('<!-- refusals:end -->'));
  const rows = new Map<string, string>();
  for (const match of table.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|/gm)) rows.set(match[1]!, match[2]!.trim());
  return rows;
}

describe('one list of refusal statuses: the engine’s refusalStatus, read by the server and written in docs/flows.md', () => {
  it('gives every refusal code a status (and no more codes than there are)', () => {
    expect(Object.keys(refusalStatus).sort()).toEqual([...codes].sort());
  });

  it('lists every code in the docs table with the engine’s status (“scheduler only” for none)', () => {
    const rows = docsTable();
    expect([...rows.keys()].sort()).toEqual([...codes].sort());
    for (const code of codes) expect(rows.get(code), code).toBe(refusalStatus[code] === null ? 'scheduler only' : String(refusalStatus[code]));
  });

  it('answers each refusal a request can meet with its status, its own code and message, and its details', () => {
    for (const code of codes) {
      const status = refusalStatus[code];
      if (status === null || status === 500) continue;
      const error = refusalError(refusal(code, { event: 'ACCEPT' }));
      expect(error.status, code).toBe(status);
      expect(error.body('en'), code).toEqual({ code, message: refusal(code, { event: 'ACCEPT' }).message.en, errors: [{ event: 'ACCEPT' }] });
    }
  });

  it('throws (logged, answered 500 internal) for a refusal only a server bug or the scheduler can cause', () => {
    expect(() => refusalError(refusal('invalid-snapshot', { problem: 'no state' }))).toThrowErrorMatchingInlineSnapshot(
      `[Error: flow failed: invalid-snapshot Invalid application snapshot: no state]`,
    );
    expect(() => refusalError(refusal('deadline-not-due', { deadline: 'accept', due: '2026-01-05T00:00:00Z' }))).toThrow(/deadline-not-due/);
  });
});
