import { describe, expect, it } from 'vitest';
import { step } from '../../src/flow/step.js';
import type { ApplicationSnapshot, FlowEvent } from '../../src/flow/types.js';
import { actors, fixtureFlow, ok, refused, run, TO_ACCEPTANCE } from './fixtures.js';

const { flow } = fixtureFlow('1.0.0', { preReview: { limitDays: 3 }, supplement: { limitDays: 10, maxRounds: 2 } });

/** Submitted and claimed at the window: pre-review, where the clerk may ask for a supplement. */
const claimed = () => run(flow, TO_ACCEPTANCE.slice(0, 2)).snapshot;
const AT = '2025-03-04T02:00:00.000Z';
const request = (payload: Omit<FlowEvent, 'type'>, snapshot: ApplicationSnapshot = claimed()) =>
  step(flow, snapshot, { type: 'REQUEST_SUPPLEMENT', ...payload }, actors.clerk, AT);

describe('a supplement request with a reason for each flagged field and material', () => {
  it('keeps each entry’s own reason beside the flagged lists, with no overall reason when every entry has its own', () => {
    const r = ok(
      request({
        fields: [
          { path: 'hukou.address', reason: ' 与户口簿不一致 ' },
          { path: 'child.name', reason: 'misspelt name' },
        ],
        materials: [{ id: 'id-card', reason: '照片不清晰' }],
      }),
    );
    expect(r.snapshot.context.supplements).toEqual([
      {
        round: 1,
        scope: 'bundle',
        requestedBy: { id: 'clerk-1', role: 'clerk', department: 'window' },
        requestedAt: AT,
        // the lists stay plain and sorted: what the applicant may change
        fields: ['child.name', 'hukou.address'],
        materials: ['id-card'],
        fieldReasons: { 'child.name': 'misspelt name', 'hukou.address': '与户口簿不一致' },
        materialReasons: { 'id-card': '照片不清晰' },
      },
    ]);
    // the applicant is told the same, entry by entry
    expect(r.effects.find((e) => e.type === 'notify')).toEqual({
      type: 'notify',
      to: 'applicant',
      template: 'onething.supplement-requested',
      params: {
        round: 1,
        fields: ['child.name', 'hukou.address'],
        materials: ['id-card'],
        fieldReasons: { 'child.name': 'misspelt name', 'hukou.address': '与户口簿不一致' },
        materialReasons: { 'id-card': '照片不清晰' },
      },
    });
  });

  it('lets the overall reason cover the entries given without one of their own', () => {
    const r = ok(request({ fields: ['hukou.address', { path: 'child.name', reason: '姓名有误' }], materials: ['id-card'], reason: '请按以下意见补正' }));
    expect(r.snapshot.context.supplements[0]).toMatchObject({
      fields: ['child.name', 'hukou.address'],
      materials: ['id-card'],
      reason: '请按以下意见补正',
      fieldReasons: { 'child.name': '姓名有误' },
    });
    expect(r.snapshot.context.supplements[0]).not.toHaveProperty('materialReasons');
  });

  it('still lets the applicant change only what was flagged', () => {
    const asked = ok(request({ fields: [{ path: 'hukou.address', reason: '与户口簿不一致' }] })).snapshot;
    const tooMuch = refused(step(flow, asked, { type: 'SUPPLEMENT', data: { hukou: { address: '新地址' }, child: { name: '小红' } } }, actors.applicant, '2025-03-05T01:00:00.000Z'));
    expect(tooMuch).toMatchObject({ code: 'field-not-editable', details: { fields: ['child.name'] } });
    const answered = ok(step(flow, asked, { type: 'SUPPLEMENT', data: { hukou: { address: '新地址' } } }, actors.applicant, '2025-03-05T01:00:00.000Z'));
    expect(answered.snapshot.context.supplements[0]).toMatchObject({ fieldReasons: { 'hukou.address': '与户口簿不一致' }, answer: { fields: ['hukou.address'] } });
  });

  it('refuses an entry without any reason, an empty or too long reason, a bad entry, an entry named twice and too many entries', () => {
    const snapshot = claimed();
    const problem = (payload: Omit<FlowEvent, 'type'>) => {
      const r = refused(request(payload, snapshot));
      expect(r.code).toBe('invalid-event');
      return r.message;
    };
    expect(problem({ fields: [{ path: 'child.name', reason: '姓名有误' }, 'hukou.address'], materials: ['id-card'] })).toMatchInlineSnapshot(`
      {
        "en": "Invalid event: give a reason: an overall one, or one for each of hukou.address, id-card",
        "zh-CN": "事件无效：give a reason: an overall one, or one for each of hukou.address, id-card",
      }
    `);
    expect(problem({ fields: [{ path: 'child.name', reason: '  ' }], reason: '请补正' }).en).toBe(
      'Invalid event: the reason of child.name must be a non-empty string of at most 500 characters',
    );
    expect(problem({ fields: [{ path: 'child.name', reason: 'x'.repeat(501) }] }).en).toBe('Invalid event: the reason of child.name must be a non-empty string of at most 500 characters');
    expect(problem({ fields: ['child.name'], reason: 'x'.repeat(2001) }).en).toBe('Invalid event: reason must be a string of at most 2000 characters');
    expect(problem({ fields: [{ path: 'child.name', reason: '有误', note: 'x' }], reason: '请补正' }).en).toBe(
      'Invalid event: fields must be an array of field paths or { path, reason } objects',
    );
    expect(problem({ materials: [{ path: 'id-card', reason: '不清晰' }] }).en).toBe('Invalid event: materials must be an array of material ids or { id, reason } objects');
    expect(problem({ fields: ['child.name', { path: 'child.name', reason: '有误' }], reason: '请补正' }).en).toBe('Invalid event: fields names child.name twice');
    expect(problem({ fields: Array.from({ length: 201 }, (_, i) => `f${i}`), reason: '请补正' }).en).toBe('Invalid event: fields may name at most 200 entries');
    expect(problem({ fields: [{ path: 'nope.field', reason: '有误' }] }).en).toBe('Invalid event: unknown fields: nope.field');
    // at the bounds it is taken
    ok(request({ fields: [{ path: 'child.name', reason: 'x'.repeat(500) }], reason: 'y'.repeat(2000) }, snapshot));
  });

  it('works the same in an item chart’s own supplement loop', () => {
    const accepted = run(flow, TO_ACCEPTANCE).snapshot;
    const r = ok(step(flow, accepted, { type: 'REQUEST_SUPPLEMENT', item: 'birth-cert', fields: [{ path: 'child.name', reason: '姓名有误' }], materials: [{ id: 'birth-proof', reason: '缺少盖章' }] }, actors.health, AT));
    expect(r.snapshot.context.supplements[0]).toMatchObject({ scope: 'birth-cert', fieldReasons: { 'child.name': '姓名有误' }, materialReasons: { 'birth-proof': '缺少盖章' } });
    expect(r.snapshot.context.supplements[0]).not.toHaveProperty('reason');
  });
});

describe('rounds recorded before per-entry reasons', () => {
  // A snapshot as an earlier version stored it: one round with only the overall reason.
  const stored = (): ApplicationSnapshot => {
    const asked = ok(request({ fields: ['hukou.address'], materials: ['id-card'], reason: '住址与户口簿不一致' })).snapshot;
    const old = JSON.parse(JSON.stringify(asked)) as ApplicationSnapshot;
    old.context.supplements = [
      {
        round: 1,
        scope: 'bundle',
        requestedBy: { id: 'clerk-1', role: 'clerk', department: 'window' },
        requestedAt: AT,
        fields: ['hukou.address'],
        materials: ['id-card'],
        reason: '住址与户口簿不一致',
      },
    ];
    return JSON.parse(JSON.stringify(old)) as ApplicationSnapshot;
  };

  it('restore, are answered and are followed by a round with per-entry reasons, the old round unchanged', () => {
    const answered = ok(step(flow, stored(), { type: 'SUPPLEMENT', data: { hukou: { address: '江滩路 1 号' } } }, actors.applicant, '2025-03-05T01:00:00.000Z'));
    expect(answered.snapshot.value).toEqual({ reception: 'preReview' });
    const next = ok(step(flow, answered.snapshot, { type: 'REQUEST_SUPPLEMENT', fields: [{ path: 'child.name', reason: '姓名有误' }] }, actors.clerk, '2025-03-05T02:00:00.000Z'));
    expect(next.snapshot.context.supplements).toEqual([
      {
        round: 1,
        scope: 'bundle',
        requestedBy: { id: 'clerk-1', role: 'clerk', department: 'window' },
        requestedAt: AT,
        fields: ['hukou.address'],
        materials: ['id-card'],
        reason: '住址与户口簿不一致',
        answer: { by: 'citizen-1', at: '2025-03-05T01:00:00.000Z', fields: ['hukou.address'], materials: [] },
      },
      {
        round: 2,
        scope: 'bundle',
        requestedBy: { id: 'clerk-1', role: 'clerk', department: 'window' },
        requestedAt: '2025-03-05T02:00:00.000Z',
        fields: ['child.name'],
        materials: [],
        fieldReasons: { 'child.name': '姓名有误' },
      },
    ]);
  });

  it('are what a request with bare paths and an overall reason still records', () => {
    const r = ok(request({ fields: ['hukou.address'], materials: ['id-card'], reason: '住址与户口簿不一致' }));
    expect(r.snapshot.context.supplements).toEqual(stored().context.supplements);
  });
});
