import { describe, expect, it } from 'vitest';
import { deadlineEvent, step } from '../../src/flow/step.js';
import type { DeadlineEffect } from '../../src/flow/types.js';
import { createApplicationFlow } from '../../src/flow/create.js';
import { actors, bundleDefinition, composedOf, fixtureFlow, items, ok, refused, registryOf, run, TO_ACCEPTANCE } from './fixtures.js';

const { flow } = fixtureFlow();

const deadlineOf = (effects: ReturnType<typeof run>['effects'], key: string) =>
  effects.find((e): e is DeadlineEffect => e.type === 'deadline' && e.key === key)!;

describe('deadlines are data the server fires', () => {
  const waiting = () =>
    run(flow, [...TO_ACCEPTANCE.slice(0, 2), [{ type: 'REQUEST_SUPPLEMENT', fields: ['child.name'], reason: '姓名有误' }, actors.clerk, '2025-03-03T03:00:00.000Z']]);

  it('an unanswered supplement request expires: the application is deemed withdrawn (视为撤回)', () => {
    const r = waiting();
    const due = deadlineOf(r.effects, 'supplement');
    expect(due).toEqual({ type: 'deadline', key: 'supplement', due: '2025-03-17T16:00:00.000Z', event: 'SUPPLEMENT_EXPIRED' });
    expect(deadlineEvent(due)).toEqual({ type: 'SUPPLEMENT_EXPIRED', deadline: 'supplement' });
    const expired = ok(step(flow, r.snapshot, deadlineEvent(due), actors.system, due.due));
    expect(expired.snapshot.value).toBe('withdrawn');
    expect(expired.effects).toEqual([
      { type: 'cancelDeadline', key: 'supplement' },
      { type: 'notify', to: 'applicant', template: 'onething.supplement-expired', params: {} },
    ]);
    expect(expired.snapshot.deadlines).toEqual({});
    expect(expired.audit).toMatchObject({ event: 'SUPPLEMENT_EXPIRED', actor: actors.system, from: 'supplement', to: 'withdrawn' });
  });

  it('is refused before it is due', () => {
    const r = waiting();
    expect(refused(step(flow, r.snapshot, deadlineEvent(deadlineOf(r.effects, 'supplement')), actors.system, '2025-03-17T15:59:59.000Z'))).toMatchInlineSnapshot(`
      {
        "code": "deadline-not-due",
        "details": {
          "deadline": "supplement",
          "due": "2025-03-17T16:00:00.000Z",
        },
        "message": {
          "en": "Deadline "supplement" is not due yet (2025-03-17T16:00:00.000Z)",
          "zh-CN": "期限“supplement”尚未到期（2025-03-17T16:00:00.000Z）",
        },
      }
    `);
  });

  it('is refused once it is stale (the applicant answered in time)', () => {
    const r = waiting();
    const due = deadlineOf(r.effects, 'supplement');
    const answered = ok(step(flow, r.snapshot, { type: 'SUPPLEMENT', data: { child: { name: '小红' } } }, actors.applicant, '2025-03-05T01:00:00.000Z'));
    expect(refused(step(flow, answered.snapshot, deadlineEvent(due), actors.system, due.due)).code).toBe('deadline-not-active');
  });

  it('only the scheduler (system) may fire a timeout', () => {
    const r = waiting();
    const due = deadlineOf(r.effects, 'supplement');
    expect(refused(step(flow, r.snapshot, deadlineEvent(due), actors.admin, due.due)).code).toBe('role-forbidden');
  });

  it('an item chart’s own timeout ends the item (here: supplement not answered → rejected)', () => {
    const accepted = run(flow, TO_ACCEPTANCE);
    const asked = ok(step(flow, accepted.snapshot, { type: 'REQUEST_SUPPLEMENT', item: 'birth-cert', fields: ['child.name'], reason: 'x' }, actors.health, '2025-03-04T02:00:00.000Z'));
    const due = deadlineOf(asked.effects, 'processing.birth-cert.waiting');
    expect(deadlineEvent(due)).toEqual({ type: 'EXPIRE', item: 'birth-cert', deadline: 'processing.birth-cert.waiting' });
    const expired = ok(step(flow, asked.snapshot, deadlineEvent(due), actors.system, due.due));
    expect(expired.snapshot.context.items['birth-cert']?.outcome).toBe('rejected');
    // The item's clocks stop for good when it is decided.
    expect(expired.snapshot.clocks['processing.birth-cert']).toMatchObject({ status: 'done', elapsedDays: 1 });
    expect(Object.keys(expired.snapshot.deadlines).filter((k) => k.startsWith('processing.birth-cert'))).toEqual([]);
  });

  it('a limit without onTimeout is informational: when it passes the clock is marked overdue and supervisors are told (督办)', () => {
    const accepted = run(flow, TO_ACCEPTANCE);
    const due = deadlineOf(accepted.effects, 'processing.hukou');
    expect(deadlineEvent(due)).toEqual({ type: 'OVERDUE', item: 'hukou', deadline: 'processing.hukou' });
    const r = ok(step(flow, accepted.snapshot, deadlineEvent(due), actors.system, '2025-03-11T00:00:00.000Z'));
    expect(r.snapshot.value).toEqual(accepted.snapshot.value);
    expect(r.snapshot.clocks['processing.hukou']).toMatchObject({ status: 'running', overdueAt: '2025-03-11T00:00:00.000Z' });
    expect(r.snapshot.deadlines['processing.hukou']).toBeUndefined();
    expect(r.effects).toEqual([
      { type: 'cancelDeadline', key: 'processing.hukou' },
      { type: 'notify', to: 'admin', template: 'onething.overdue', params: { deadline: 'processing.hukou', item: 'hukou' }, item: 'hukou' },
    ]);
    expect(r.audit).toMatchObject({ event: 'OVERDUE', item: 'hukou', from: accepted.snapshot.value, to: accepted.snapshot.value });
  });

  it('a due deadline whose event the application can no longer take lapses (consumed, clock overdue, supervisors told) instead of staying issued forever', () => {
    // The insurance chart sets a REMIND deadline in `checking` and forgets to clear it; only `checking` takes REMIND.
    const forgetful = structuredClone(items.insurance);
    const handling = forgetful.flow.states.handling!;
    const checking = handling.states!.checking!;
    delete checking.exit;
    checking.on = { ...checking.on, REMIND: handling.on!.REMIND! };
    delete handling.on!.REMIND;
    const bundle = bundleDefinition();
    const flow = createApplicationFlow(composedOf(bundle), registryOf([items['birth-cert'], items.hukou, forgetful], [bundle])).value!;
    const accepted = run(flow, TO_ACCEPTANCE);
    const remind = deadlineOf(accepted.effects, 'insurance:callback');
    const verified = ok(step(flow, accepted.snapshot, { type: 'VERIFIED', item: 'insurance' }, actors.insurer, '2025-03-04T02:00:00.000Z'));
    expect(verified.snapshot.deadlines['insurance:callback']).toEqual({ due: remind.due, event: 'REMIND', item: 'insurance' });

    const lapsed = ok(step(flow, verified.snapshot, deadlineEvent(remind), actors.system, remind.due));
    expect(lapsed.snapshot.value).toEqual(verified.snapshot.value);
    expect(lapsed.snapshot.deadlines['insurance:callback']).toBeUndefined();
    expect(lapsed.effects).toEqual([
      { type: 'cancelDeadline', key: 'insurance:callback' },
      { type: 'notify', to: 'admin', template: 'onething.overdue', params: { deadline: 'insurance:callback', item: 'insurance' }, item: 'insurance' },
    ]);
    expect(lapsed.audit).toMatchObject({ event: 'REMIND', item: 'insurance', actor: actors.system, from: verified.snapshot.value, to: verified.snapshot.value });
    // Anyone else sending the same event is still just refused.
    expect(refused(step(flow, verified.snapshot, deadlineEvent(remind), actors.insurer, remind.due)).code).toBe('event-not-accepted');
  });

  it('working-day limits skip the holidays of the calendar', () => {
    // Submitted on Tuesday 30 September 2025: the National Day holiday runs 1–8 October.
    const r = run(flow, [[{ type: 'SUBMIT' }, actors.applicant, '2025-09-30T02:00:00.000Z']]);
    expect(deadlineOf(r.effects, 'reception').due).toBe('2025-10-09T16:00:00.000Z');
  });

  it('a deadline past the published holiday years is marked provisional', () => {
    const r = run(flow, [[{ type: 'SUBMIT' }, actors.applicant, '2026-12-31T02:00:00.000Z']]);
    expect(deadlineOf(r.effects, 'reception')).toMatchObject({ due: '2027-01-01T16:00:00.000Z', provisional: true });
  });
});
