import { describe, expect, it } from 'vitest';
import { step } from '../../src/flow/step.js';
import type { ApplicationSnapshot, FlowEvent, StepResult } from '../../src/flow/types.js';
import { actors, fixtureFlow, ok, refused, run, TO_ACCEPTANCE } from './fixtures.js';

// The window has 3 working days to accept; the applicant 10 working days to supplement.
const { flow } = fixtureFlow('1.0.0', { preReview: { limitDays: 3 }, supplement: { limitDays: 10, maxRounds: 2 } });

const REQUEST: FlowEvent = { type: 'REQUEST_SUPPLEMENT', fields: ['hukou.address'], materials: ['id-card'], reason: '住址与户口簿不一致 / address differs from the household register' };

/** Submitted Monday 2025-03-03 09:00, claimed at once, supplement requested Tuesday 10:00 (Beijing). */
function requested(): StepResult {
  return run(flow, [
    [{ type: 'SUBMIT' }, actors.applicant, '2025-03-03T01:00:00.000Z'],
    [{ type: 'CLAIM' }, actors.clerk, '2025-03-03T01:30:00.000Z'],
    [REQUEST, actors.clerk, '2025-03-04T02:00:00.000Z'],
  ]);
}

describe('the supplement loop (补正)', () => {
  it('records exactly what the window flagged and why, pauses the acceptance clock and gives the applicant a deadline', () => {
    const r = requested();
    expect(r.snapshot.value).toBe('supplement');
    expect(r.snapshot.context.supplements).toEqual([
      {
        round: 1,
        scope: 'bundle',
        requestedBy: { id: 'clerk-1', role: 'clerk', department: 'window' },
        requestedAt: '2025-03-04T02:00:00.000Z',
        fields: ['hukou.address'],
        materials: ['id-card'],
        reason: REQUEST.reason,
      },
    ]);
    // The clock keeps the time spent; its limit (3 working days) is the flow's.
    expect(r.snapshot.clocks.reception).toEqual({
      elapsedDays: 1, // Tuesday; the day of submission does not count
      status: 'paused',
    });
    expect(r.effects).toEqual([
      { type: 'cancelDeadline', key: 'reception' },
      { type: 'notify', to: 'applicant', template: 'onething.supplement-requested', params: { round: 1, fields: ['hukou.address'], materials: ['id-card'], reason: REQUEST.reason } },
      { type: 'deadline', key: 'supplement', due: '2025-03-18T16:00:00.000Z', event: 'SUPPLEMENT_EXPIRED' },
    ]);
  });

  it('lets the applicant change only the flagged fields', () => {
    const r = requested();
    const tooMuch = refused(
      step(flow, r.snapshot, { type: 'SUPPLEMENT', data: { hukou: { address: '新地址' }, mother: { name: '王芳' } } }, actors.applicant, '2025-03-10T01:00:00.000Z'),
    );
    expect(tooMuch).toMatchInlineSnapshot(`
      {
        "code": "field-not-editable",
        "details": {
          "fields": [
            "mother.name",
          ],
        },
        "message": {
          "en": "A supplement may change only the flagged fields; these may not change: mother.name",
          "zh-CN": "补正只能修改被指出的字段，以下字段不可修改：mother.name",
        },
      }
    `);
  });

  it('lets the applicant replace only the flagged materials', () => {
    const r = requested();
    const upload = { files: [{ sha256: 'a'.repeat(64), name: 'proof.pdf', size: 10, type: 'application/pdf' }] };
    const wrong = refused(step(flow, r.snapshot, { type: 'SUPPLEMENT', materials: { 'birth-proof': upload } }, actors.applicant, '2025-03-10T01:00:00.000Z'));
    expect(wrong.code).toBe('material-not-editable');
    expect(wrong.details).toEqual({ materials: ['birth-proof'] });
    const right = ok(step(flow, r.snapshot, { type: 'SUPPLEMENT', materials: { 'id-card': upload } }, actors.applicant, '2025-03-10T01:00:00.000Z'));
    expect(right.snapshot.context.materials).toEqual({ 'id-card': upload });
  });

  it('replaces a flagged material as a whole: an upload replacing an e-licence does not merge into it', () => {
    const r = run(flow, [
      [{ type: 'SUBMIT', materials: { 'id-card': { eLicense: { type: 'id-card', number: '420703199001011234' } } } }, actors.applicant, '2025-03-03T01:00:00.000Z'],
      [{ type: 'CLAIM' }, actors.clerk, '2025-03-03T01:30:00.000Z'],
      [REQUEST, actors.clerk, '2025-03-04T02:00:00.000Z'],
    ]);
    const upload = { files: [{ sha256: 'b'.repeat(64), name: 'id.png', size: 10, type: 'image/png' }] };
    const answered = ok(step(flow, r.snapshot, { type: 'SUPPLEMENT', materials: { 'id-card': upload } }, actors.applicant, '2025-03-05T01:00:00.000Z'));
    expect(answered.snapshot.context.materials).toEqual({ 'id-card': upload });
    expect(answered.snapshot.context.supplements[0]!.answer).toMatchObject({ fields: [], materials: ['id-card'] });
  });

  it('merges the answer, keeps it in the history and resumes the clock with the days that were left', () => {
    const r = requested();
    // hukou.age is computed by a rule, so it may follow the edit.
    const answered = ok(
      step(flow, r.snapshot, { type: 'SUPPLEMENT', data: { hukou: { address: '华容区江滩路 1 号', age: 0 } } }, actors.applicant, '2025-03-10T01:00:00.000Z'),
    );
    expect(answered.snapshot.value).toEqual({ reception: 'preReview' });
    expect(answered.snapshot.context.data.hukou).toEqual({ address: '华容区江滩路 1 号', age: 0 });
    expect(answered.snapshot.context.supplements[0]!.answer).toEqual({ by: 'citizen-1', at: '2025-03-10T01:00:00.000Z', fields: ['hukou.address', 'hukou.age'], materials: [] });
    // 1 of 3 days was spent before the pause; the 4 working days waiting do not count: 2 days from Monday 10 March.
    expect(answered.snapshot.clocks.reception).toMatchObject({ elapsedDays: 1, status: 'running', since: '2025-03-10T01:00:00.000Z' });
    expect(answered.effects).toEqual([
      { type: 'cancelDeadline', key: 'supplement' },
      { type: 'notify', to: 'clerk:window', template: 'onething.supplemented', params: { round: 1, fields: ['hukou.address', 'hukou.age'], materials: [] } },
      { type: 'deadline', key: 'reception', due: '2025-03-12T16:00:00.000Z', event: 'OVERDUE' },
    ]);
    expect(answered.audit.dataHash).toMatch(/^[0-9a-f]{64}$/);
    const accepted = ok(step(flow, answered.snapshot, { type: 'ACCEPT' }, actors.clerk, '2025-03-11T01:00:00.000Z'));
    expect(accepted.snapshot.clocks.reception).toMatchObject({ elapsedDays: 2, status: 'done' });
  });

  it(`allows at most the bundle's number of rounds (一次性告知)`, () => {
    let s: ApplicationSnapshot = requested().snapshot;
    const answer: FlowEvent = { type: 'SUPPLEMENT', data: { hukou: { address: '第二次' } } };
    s = ok(step(flow, s, answer, actors.applicant, '2025-03-05T01:00:00.000Z')).snapshot;
    s = ok(step(flow, s, REQUEST, actors.clerk, '2025-03-05T02:00:00.000Z')).snapshot;
    s = ok(step(flow, s, { ...answer, data: { hukou: { address: '第三次' } } }, actors.applicant, '2025-03-05T03:00:00.000Z')).snapshot;
    expect(s.context.supplements.map((r) => [r.round, r.answer?.fields])).toEqual([
      [1, ['hukou.address']],
      [2, ['hukou.address']],
    ]);
    expect(refused(step(flow, s, REQUEST, actors.clerk, '2025-03-05T04:00:00.000Z'))).toMatchObject({ code: 'supplement-rounds-exhausted', details: { max: 2 } });
  });

  it('refuses a request that does not say what is wrong and why', () => {
    const claimed = run(flow, TO_ACCEPTANCE.slice(0, 2)).snapshot;
    const at = '2025-03-04T02:00:00.000Z';
    const problem = (event: FlowEvent) => refused(step(flow, claimed, event, actors.clerk, at)).details?.problem;
    expect(problem({ type: 'REQUEST_SUPPLEMENT', fields: [], materials: [], reason: 'x' })).toBe('name at least one field or material');
    expect(problem({ type: 'REQUEST_SUPPLEMENT', fields: ['hukou.address'] })).toBe('give a reason: an overall one, or one for each of hukou.address');
    expect(problem({ type: 'REQUEST_SUPPLEMENT', fields: ['nope.field'], reason: 'x' })).toBe('unknown fields: nope.field');
    expect(problem({ type: 'REQUEST_SUPPLEMENT', materials: ['passport'], reason: 'x' })).toBe('unknown materials: passport');
  });
});

describe('an item chart’s own supplement loop', () => {
  const accepted = () => run(flow, TO_ACCEPTANCE);
  const request: FlowEvent = { type: 'REQUEST_SUPPLEMENT', item: 'birth-cert', fields: ['child.name'], reason: '姓名有误 / misspelt name' };

  it('numbers its rounds on its own: the item’s first request is round 1, after rounds at the window', () => {
    const atWindow = run(flow, [
      [{ type: 'SUBMIT' }, actors.applicant, '2025-03-03T01:00:00.000Z'],
      [{ type: 'CLAIM' }, actors.clerk, '2025-03-03T01:30:00.000Z'],
      [REQUEST, actors.clerk, '2025-03-03T02:00:00.000Z'],
      [{ type: 'SUPPLEMENT', data: { hukou: { address: '新地址' } } }, actors.applicant, '2025-03-03T03:00:00.000Z'],
      [{ type: 'ACCEPT' }, actors.clerk, '2025-03-03T04:00:00.000Z'],
    ]);
    const r = ok(step(flow, atWindow.snapshot, request, actors.health, '2025-03-04T02:00:00.000Z'));
    expect(r.snapshot.context.supplements.map((s) => [s.scope, s.round])).toEqual([
      ['bundle', 1],
      ['birth-cert', 1],
    ]);
    expect(r.effects.find((e) => e.type === 'notify')).toMatchObject({ template: 'onething.supplement-requested', params: { round: 1 }, item: 'birth-cert' });
  });

  it('may flag only the item’s own fields', () => {
    const r = refused(step(flow, accepted().snapshot, { ...request, fields: ['hukou.address'] }, actors.health, '2025-03-04T02:00:00.000Z'));
    expect(r.details).toEqual({ problem: 'unknown fields: hukou.address' });
  });

  it('holds the item’s clocks while waiting — and only that item’s', () => {
    const r = ok(step(flow, accepted().snapshot, request, actors.health, '2025-03-04T02:00:00.000Z'));
    expect(r.snapshot.value).toMatchObject({ processing: { 'birth-cert': 'waiting', hukou: 'review' } });
    expect(r.snapshot.context.supplements[0]).toMatchObject({ round: 1, scope: 'birth-cert', fields: ['child.name'], materials: [] });
    expect(r.snapshot.clocks['processing.birth-cert']).toMatchObject({ status: 'held', elapsedDays: 1 });
    expect(r.snapshot.clocks['processing.birth-cert.review']).toMatchObject({ status: 'paused', elapsedDays: 1 });
    expect(r.snapshot.clocks['processing.hukou']).toMatchObject({ status: 'running', elapsedDays: 0 });
    expect(r.effects.filter((e) => e.type !== 'notify')).toEqual([
      { type: 'cancelDeadline', key: 'processing.birth-cert.review' },
      { type: 'cancelDeadline', key: 'processing.birth-cert' },
      // 15 calendar days, as the chart's waiting state says
      { type: 'deadline', key: 'processing.birth-cert.waiting', due: '2025-03-19T16:00:00.000Z', event: 'EXPIRE', item: 'birth-cert' },
    ]);
  });

  it('resumes them with the days left when the applicant answers', () => {
    const waiting = ok(step(flow, accepted().snapshot, request, actors.health, '2025-03-04T02:00:00.000Z')).snapshot;
    const wrongItem = refused(step(flow, waiting, { type: 'SUPPLEMENT', item: 'hukou', data: { child: { name: '小红' } } }, actors.applicant, '2025-03-07T02:00:00.000Z'));
    expect(wrongItem.code).toBe('event-not-accepted');
    const r = ok(step(flow, waiting, { type: 'SUPPLEMENT', item: 'birth-cert', data: { child: { name: '小红' } } }, actors.applicant, '2025-03-07T02:00:00.000Z'));
    expect(r.snapshot.value).toMatchObject({ processing: { 'birth-cert': 'review' } });
    expect(r.snapshot.context.data.child).toEqual({ name: '小红', birthDate: '2025-02-20' });
    expect(r.effects.filter((e) => e.type === 'deadline')).toEqual([
      // region: 3 promised days, 1 spent → 2 from Friday 7 March = Tuesday 11 March
      { type: 'deadline', key: 'processing.birth-cert', due: '2025-03-11T16:00:00.000Z', event: 'OVERDUE', item: 'birth-cert' },
      // review state: 2 days, 1 spent → 1 from Friday = Monday 10 March
      { type: 'deadline', key: 'processing.birth-cert.review', due: '2025-03-10T16:00:00.000Z', event: 'OVERDUE', item: 'birth-cert' },
    ]);
    expect(refused(step(flow, r.snapshot, request, actors.health, '2025-03-07T03:00:00.000Z')).code).toBe('supplement-rounds-exhausted');
  });
});
