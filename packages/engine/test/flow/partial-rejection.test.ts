import { describe, expect, it } from 'vitest';
import { step } from '../../src/flow/step.js';
import type { ApplicationSnapshot, FlowEvent } from '../../src/flow/types.js';
import type { Actor } from '../../src/flow/types.js';
import { createApplicationFlow } from '../../src/flow/create.js';
import { actors, bundleDefinition, composedOf, fixtureFlow, items, ok, refused, registryOf, run, TO_ACCEPTANCE } from './fixtures.js';

const { flow } = fixtureFlow();
const AT = '2025-03-05T02:00:00.000Z';

function decide(events: Array<[FlowEvent, Actor]>): ApplicationSnapshot {
  let s = run(flow, TO_ACCEPTANCE).snapshot;
  for (const [event, actor] of events) s = ok(step(flow, s, event, actor, AT)).snapshot;
  return s;
}

const approveBirth: [FlowEvent, Actor] = [{ type: 'APPROVE', item: 'birth-cert' }, actors.health];
const rejectBirth: [FlowEvent, Actor] = [{ type: 'REJECT', item: 'birth-cert', reason: '非本院出生' }, actors.health];
const approveHukou: Array<[FlowEvent, Actor]> = [
  [{ type: 'CHECK', item: 'hukou' }, actors.police],
  [{ type: 'APPROVE', item: 'hukou' }, actors.police],
];
const rejectHukou: [FlowEvent, Actor] = [{ type: 'REJECT', item: 'hukou' }, actors.police];
const insure: Array<[FlowEvent, Actor]> = [
  [{ type: 'VERIFIED', item: 'insurance' }, actors.insurer],
  [{ type: 'ISSUE', item: 'insurance' }, actors.insurer],
];

describe('a bundle ends when every included item is decided, with a result per item', () => {
  it('partly completed when some items are approved and others rejected', () => {
    const s = decide([approveBirth, rejectHukou, ...insure]);
    expect(s.value).toBe('partlyCompleted');
    expect(s.context.outcome).toBe('partlyCompleted');
    expect(Object.fromEntries(Object.entries(s.context.items).map(([id, i]) => [id, i.outcome]))).toEqual({
      'birth-cert': 'approved',
      hukou: 'rejected',
      insurance: 'approved',
    });
  });

  it('rejected when every item is rejected', () => {
    const s = decide([rejectBirth, rejectHukou, [{ type: 'WITHDRAW', item: 'insurance' }, actors.applicant]]);
    expect(s.value).toBe('rejected');
  });

  it('still processing while one item is undecided', () => {
    const s = decide([approveBirth, rejectHukou]);
    expect(s.value).toEqual({ processing: { 'birth-cert': 'approved', hukou: 'rejected', insurance: { handling: 'checking' } } });
    expect(s.status).toBe('active');
  });

  it('a rejection needs what the chart’s guard asks for (here a reason)', () => {
    const accepted = run(flow, TO_ACCEPTANCE).snapshot;
    expect(refused(step(flow, accepted, { type: 'REJECT', item: 'birth-cert' }, actors.health, AT)).code).toBe('event-not-accepted');
  });

  it('the window may refuse to accept at all (不予受理)', () => {
    const r = run(flow, [...TO_ACCEPTANCE.slice(0, 2), [{ type: 'REJECT', reason: '不属于本中心受理范围' }, actors.clerk, AT]]);
    expect([r.snapshot.value, r.snapshot.context.outcome, r.snapshot.context.reason]).toEqual(['rejected', 'rejected', '不属于本中心受理范围']);
    expect(r.effects).toEqual([
      { type: 'cancelDeadline', key: 'reception' },
      { type: 'notify', to: 'applicant', template: 'onething.decided', params: { outcome: 'rejected' } },
    ]);
  });

  it('a decided item takes no more events, even where its chart gives the deciding state a transition', () => {
    // XState lets a final state inside a parallel region take events; a decided item must not.
    const reopening = structuredClone(items['birth-cert']);
    reopening.flow.states.approved!.on = { REOPEN: { target: 'review', meta: { roles: ['reviewer'] } } };
    reopening.flow.on = { RESTART: { target: '.review', meta: { roles: ['reviewer'] } } };
    const bundle = bundleDefinition();
    const f = createApplicationFlow(composedOf(bundle), registryOf([reopening, items.hukou, items.insurance], [bundle])).value!;
    const approved = ok(step(f, run(f, TO_ACCEPTANCE).snapshot, approveBirth[0], actors.health, AT));
    expect(approved.snapshot.context.items['birth-cert']?.outcome).toBe('approved');
    expect(refused(step(f, approved.snapshot, { type: 'REOPEN', item: 'birth-cert' }, actors.health, AT)).code).toBe('event-not-accepted');
    // …nor through a transition of the chart's root, which XState would take from any state of the region.
    expect(refused(step(f, approved.snapshot, { type: 'RESTART', item: 'birth-cert' }, actors.health, AT)).code).toBe('event-not-accepted');
  });
});
