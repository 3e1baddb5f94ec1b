import { describe, expect, it } from 'vitest';
import { start, step } from '../../src/flow/step.js';
import { createApplicationFlow } from '../../src/flow/create.js';
import type { BundleDefinition } from '../../src/definitions/types.generated.js';
import { actors, bundleDefinition, composedOf, fixtureFlow, items, ok, refused, registryOf, run, TO_ACCEPTANCE } from './fixtures.js';

const { flow } = fixtureFlow();
const AT = '2025-03-04T02:00:00.000Z';

describe('withdrawal by the applicant', () => {
  it('ends a draft', () => {
    const draft = ok(start(flow, { actor: actors.applicant, now: '2025-03-03T01:00:00.000Z' }));
    const r = ok(step(flow, draft.snapshot, { type: 'WITHDRAW' }, actors.applicant, AT));
    expect([r.snapshot.value, r.snapshot.status, r.snapshot.context.outcome]).toEqual(['withdrawn', 'done', 'withdrawn']);
  });

  it('ends a submitted application and cancels the window’s deadline, keeping the reason', () => {
    const submitted = run(flow, TO_ACCEPTANCE.slice(0, 1));
    const r = ok(step(flow, submitted.snapshot, { type: 'WITHDRAW', reason: '已在线下办理' }, actors.applicant, AT));
    expect(r.snapshot.value).toBe('withdrawn');
    expect(r.snapshot.context.reason).toBe('已在线下办理');
    expect(r.effects).toEqual([{ type: 'cancelDeadline', key: 'reception' }]);
    expect(r.snapshot.deadlines).toEqual({});
  });

  it('ends an application waiting for a supplement, and the paused clock with it', () => {
    const waiting = run(flow, [
      ...TO_ACCEPTANCE.slice(0, 2),
      [{ type: 'REQUEST_SUPPLEMENT', fields: ['child.name'], reason: 'x' }, actors.clerk, '2025-03-03T03:00:00.000Z'],
    ]);
    const r = ok(step(flow, waiting.snapshot, { type: 'WITHDRAW' }, actors.applicant, AT));
    expect(r.snapshot.value).toBe('withdrawn');
    expect(r.effects).toEqual([{ type: 'cancelDeadline', key: 'supplement' }]);
    expect(r.snapshot.clocks.reception?.status).toBe('done');
  });

  it('is no longer possible once the window has accepted', () => {
    const accepted = run(flow, TO_ACCEPTANCE);
    expect(refused(step(flow, accepted.snapshot, { type: 'WITHDRAW' }, actors.applicant, AT))).toMatchInlineSnapshot(`
      {
        "code": "event-not-accepted",
        "details": {
          "event": "WITHDRAW",
        },
        "message": {
          "en": "The application cannot take "WITHDRAW" in its current state",
          "zh-CN": "办件当前状态不能接受“WITHDRAW”",
        },
      }
    `);
  });

  it('is for the applicant only — not the window, and not another citizen', () => {
    const submitted = run(flow, TO_ACCEPTANCE.slice(0, 1));
    expect(refused(step(flow, submitted.snapshot, { type: 'WITHDRAW' }, actors.clerk, AT)).code).toBe('role-forbidden');
    expect(refused(step(flow, submitted.snapshot, { type: 'WITHDRAW' }, actors.stranger, AT)).code).toBe('role-forbidden');
  });

  it('of one item after acceptance, where the item’s chart allows it, counts as not approved', () => {
    const accepted = run(flow, TO_ACCEPTANCE);
    let s = ok(step(flow, accepted.snapshot, { type: 'WITHDRAW', item: 'insurance' }, actors.applicant, AT)).snapshot;
    expect(s.context.items.insurance?.outcome).toBe('withdrawn');
    s = ok(step(flow, s, { type: 'APPROVE', item: 'birth-cert' }, actors.health, AT)).snapshot;
    s = ok(step(flow, s, { type: 'CHECK', item: 'hukou' }, actors.police, AT)).snapshot;
    s = ok(step(flow, s, { type: 'APPROVE', item: 'hukou' }, actors.police, AT)).snapshot;
    expect(s.value).toBe('partlyCompleted');
  });

  it('of every item after acceptance ends the application withdrawn, not rejected', () => {
    const bundle: BundleDefinition = { ...bundleDefinition(), items: [{ item: 'insurance', version: '^1.0.0' }] };
    const only = createApplicationFlow(composedOf(bundle), registryOf(Object.values(items), [bundle])).value!;
    const accepted = run(only, TO_ACCEPTANCE);
    const r = ok(step(only, accepted.snapshot, { type: 'WITHDRAW', item: 'insurance' }, actors.applicant, AT));
    expect([r.snapshot.value, r.snapshot.status, r.snapshot.context.outcome]).toEqual(['withdrawn', 'done', 'withdrawn']);
    expect(r.effects.filter((e) => e.type === 'notify')).toEqual([]);
  });
});
