import { describe, expect, it } from 'vitest';
import { start, step, deadlineEvent } from '../../src/flow/step.js';
import { createApplicationFlow } from '../../src/flow/create.js';
import { actors, bundleDefinition, composedOf, DATA, fixtureFlow, items, ok, refused, registryOf, run, TO_ACCEPTANCE } from './fixtures.js';

const { flow } = fixtureFlow();

describe('the generated bundle orchestration', () => {
  it('starts in draft for the applicant, with an audit entry and no deadline', () => {
    const r = ok(start(flow, { actor: actors.applicant, now: '2025-03-03T01:00:00.000Z', answers: { settle: true }, data: DATA }));
    expect(r.snapshot.value).toBe('draft');
    expect(r.snapshot.definition).toEqual(flow.definition);
    expect(r.effects).toEqual([]);
    expect(r.audit).toMatchObject({ event: 'START', from: null, to: 'draft', actor: actors.applicant });
    expect(r.audit.dataHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes a submission to the window with the acceptance deadline and tells the lead clerk', () => {
    const r = run(flow, [[{ type: 'SUBMIT' }, actors.applicant, '2025-03-03T01:00:00.000Z']]);
    expect(r.snapshot.value).toEqual({ reception: 'submitted' });
    expect(r.effects).toEqual([
      { type: 'notify', to: 'clerk:window', template: 'onething.submitted', params: {} },
      { type: 'deadline', key: 'reception', due: '2025-03-04T16:00:00.000Z', event: 'OVERDUE' },
    ]);
    expect(r.snapshot.context.active).toEqual(['birth-cert', 'hukou', 'insurance']);
  });

  it('dispatches every active item to its department in parallel on acceptance', () => {
    const r = run(flow, TO_ACCEPTANCE);
    expect(r.snapshot.value).toEqual({ processing: { 'birth-cert': 'review', hukou: 'review', insurance: { handling: 'checking' } } });
    expect(r.effects.filter((e) => e.type === 'notify').map((e) => [e.to, e.template])).toEqual([
      ['applicant', 'onething.accepted'],
      ['reviewer:health', 'onething.dispatched'],
      ['reviewer:police', 'onething.dispatched'],
      ['reviewer:insurance', 'onething.dispatched'],
    ]);
    expect(Object.fromEntries(r.effects.filter((e) => e.type !== 'notify').map((e) => [e.key, e.type === 'deadline' ? e.due : 'cancel']))).toEqual({
      reception: 'cancel',
      'processing.birth-cert': '2025-03-06T16:00:00.000Z', // promised 3 working days
      'processing.birth-cert.review': '2025-03-05T16:00:00.000Z', // the review state's own 2 days
      'processing.hukou': '2025-03-10T16:00:00.000Z',
      'processing.insurance': '2025-03-17T16:00:00.000Z',
      'insurance:callback': '2025-03-06T16:00:00.000Z', // setDeadline in the chart
    });
    expect(r.snapshot.clocks.reception).toMatchObject({ status: 'done', elapsedDays: 0 });
    expect(r.audit).toMatchObject({ event: 'ACCEPT', from: { reception: 'preReview' }, actor: actors.clerk });
    expect(r.audit.dataHash).toBeUndefined();
  });

  it('completes when every item is approved, recording each outcome and the handling days', () => {
    const accepted = run(flow, TO_ACCEPTANCE);
    let s = accepted.snapshot;
    const next = (event: Parameters<typeof step>[2], actor: Parameters<typeof step>[3], now: string) => {
      const r = ok(step(flow, s, event, actor, now));
      s = r.snapshot;
      return r;
    };
    next({ type: 'APPROVE', item: 'birth-cert' }, actors.health, '2025-03-04T02:00:00.000Z');
    next({ type: 'CHECK', item: 'hukou' }, actors.police, '2025-03-04T03:00:00.000Z');
    next({ type: 'APPROVE', item: 'hukou' }, actors.police, '2025-03-05T03:00:00.000Z');
    next({ type: 'VERIFIED', item: 'insurance' }, actors.insurer, '2025-03-06T03:00:00.000Z');
    const last = next({ type: 'ISSUE', item: 'insurance' }, actors.insurer, '2025-03-07T03:00:00.000Z');
    expect(s.value).toBe('completed');
    expect(s.status).toBe('done');
    expect(s.context.outcome).toBe('completed');
    expect(Object.fromEntries(Object.entries(s.context.items).map(([id, i]) => [id, [i.outcome, i.decidedAt]]))).toEqual({
      'birth-cert': ['approved', '2025-03-04T02:00:00.000Z'],
      hukou: ['approved', '2025-03-05T03:00:00.000Z'],
      insurance: ['approved', '2025-03-07T03:00:00.000Z'],
    });
    expect(s.clocks['processing.hukou']).toMatchObject({ status: 'done', elapsedDays: 2 });
    expect(s.clocks['processing.insurance']).toMatchObject({ status: 'done', elapsedDays: 4 });
    expect(s.deadlines).toEqual({});
    expect(last.effects).toContainEqual({ type: 'notify', to: 'applicant', template: 'onething.decided', params: { outcome: 'completed' } });
    expect(refused(step(flow, s, { type: 'ACCEPT' }, actors.clerk, '2025-03-08T00:00:00.000Z')).code).toBe('application-done');
  });

  it('runs item charts on the item’s own projected data and context (rule guards, assign, notify)', () => {
    const accepted = run(flow, TO_ACCEPTANCE);
    // hukou may be approved only after a check (context.checks > 0) and with an address (data.address).
    const early = refused(step(flow, accepted.snapshot, { type: 'APPROVE', item: 'hukou' }, actors.police, '2025-03-04T02:00:00.000Z'));
    expect(early).toMatchInlineSnapshot(`
      {
        "code": "event-not-accepted",
        "details": {
          "event": "APPROVE",
          "reason": "guard",
        },
        "message": {
          "en": ""APPROVE" is not allowed under the current conditions",
          "zh-CN": "当前条件下不能执行“APPROVE”",
        },
      }
    `);
    const checked = ok(step(flow, accepted.snapshot, { type: 'CHECK', item: 'hukou' }, actors.police, '2025-03-04T02:00:00.000Z'));
    expect(checked.snapshot.context.items.hukou?.context).toEqual({ checks: 1 });
    expect(checked.effects).toEqual([{ type: 'notify', to: 'applicant', template: 'hukou.checked', params: { address: '华容区' }, item: 'hukou' }]);
    const approved = ok(step(flow, checked.snapshot, { type: 'APPROVE', item: 'hukou' }, actors.police, '2025-03-04T03:00:00.000Z'));
    expect(approved.snapshot.value).toMatchObject({ processing: { hukou: 'approved' } });
  });

  it('fires a chart’s own setDeadline through the scheduler, and clears it when the state is left', () => {
    const accepted = run(flow, TO_ACCEPTANCE);
    const deadline = accepted.effects.find((e) => e.type === 'deadline' && e.key === 'insurance:callback');
    expect(deadline).toBeDefined();
    const reminded = ok(step(flow, accepted.snapshot, deadlineEvent(deadline as never), actors.system, '2025-03-06T16:00:00.000Z'));
    // A fired deadline is always cancelled by an effect: the scheduler just follows the effects.
    expect(reminded.effects).toEqual([
      { type: 'notify', to: 'reviewer:insurance', template: 'insurance.remind', params: {}, item: 'insurance' },
      { type: 'cancelDeadline', key: 'insurance:callback' },
    ]);
    expect(reminded.snapshot.deadlines['insurance:callback']).toBeUndefined();
    const verified = ok(step(flow, accepted.snapshot, { type: 'VERIFIED', item: 'insurance' }, actors.insurer, '2025-03-04T03:00:00.000Z'));
    expect(verified.effects).toEqual([{ type: 'cancelDeadline', key: 'insurance:callback' }]);
  });

  it('skips items the guidance answers leave out', () => {
    const r = run(flow, TO_ACCEPTANCE, { settle: false });
    expect(r.snapshot.context.active).toEqual(['birth-cert']);
    expect(r.snapshot.value).toEqual({ processing: { 'birth-cert': 'review', hukou: '@skipped', insurance: '@skipped' } });
    expect(Object.keys(r.snapshot.deadlines).sort()).toEqual(['processing.birth-cert', 'processing.birth-cert.review']);
    const done = ok(step(flow, r.snapshot, { type: 'APPROVE', item: 'birth-cert' }, actors.health, '2025-03-04T02:00:00.000Z'));
    expect(done.snapshot.value).toBe('completed');
    expect(refused(step(flow, r.snapshot, { type: 'APPROVE', item: 'hukou' }, actors.police, '2025-03-04T02:00:00.000Z')).code).toBe('event-not-accepted');
  });

  it('refuses a submission for which no item applies', () => {
    const bundle = bundleDefinition();
    bundle.items[0].when = { '===': [{ var: 'settle' }, true] };
    const conditional = createApplicationFlow(composedOf(bundle), registryOf(Object.values(items), [bundle])).value!;
    const draft = ok(start(conditional, { actor: actors.applicant, now: '2025-03-03T01:00:00.000Z' }));
    expect(refused(step(conditional, draft.snapshot, { type: 'SUBMIT', answers: { settle: false } }, actors.applicant, '2025-03-03T01:00:00.000Z')).message).toMatchInlineSnapshot(`
      {
        "en": "No item applies for the guidance answers",
        "zh-CN": "按情形引导的回答，没有任何适用的事项",
      }
    `);
  });

  it('saves drafts, replacing answers, data and materials', () => {
    const r = ok(start(flow, { actor: actors.applicant, now: '2025-03-03T01:00:00.000Z' }));
    const saved = ok(step(flow, r.snapshot, { type: 'SAVE', answers: { settle: true }, data: DATA }, actors.applicant, '2025-03-03T01:05:00.000Z'));
    expect(saved.snapshot.value).toBe('draft');
    expect(saved.snapshot.context.data).toEqual(DATA);
    expect(saved.audit.dataHash).not.toBe(r.audit.dataHash);
    expect(refused(step(flow, r.snapshot, { type: 'SAVE', data: [1] as never }, actors.applicant, '2025-03-03T01:05:00.000Z')).code).toBe('invalid-event');
  });
});
