import { describe, expect, it } from 'vitest';
import { flagProblem, MAX_REASON, noFlags, preview, roundEntries, supplementPayload } from '../src/model/supplement.js';
import type { SupplementRoundView } from '../src/api/types.js';

const titles: Record<string, string> = { 'child.name': '新生儿姓名', 'mother.idNumber': '母亲公民身份号码', 'mother-id-card': '母亲居民身份证' };
const title = (_kind: 'field' | 'material', id: string) => titles[id] ?? id;

describe('a supplement request as the workbench sends it', () => {
  it('sends each flagged field and material with its own reason, and the general note as the overall reason', () => {
    const flags = {
      fields: new Map([
        ['child.name', '与出生医学证明不一致'],
        ['mother.idNumber', ' 校验位错误 '],
      ]),
      materials: new Map([['mother-id-card', '照片不清晰']]),
      note: ' 请按以下意见补正 ',
    };
    expect(supplementPayload(flags)).toEqual({
      fields: [
        { path: 'child.name', reason: '与出生医学证明不一致' },
        { path: 'mother.idNumber', reason: '校验位错误' },
      ],
      materials: [{ id: 'mother-id-card', reason: '照片不清晰' }],
      reason: '请按以下意见补正',
    });
    // no note: no overall reason at all (nothing folded into one text)
    expect(supplementPayload({ ...flags, note: '  ' })).not.toHaveProperty('reason');
  });

  it('previews each entry with the reason the applicant reads beside it', () => {
    const flags = { fields: new Map([['child.name', '与出生医学证明不一致']]), materials: new Map([['mother-id-card', '照片不清晰']]), note: '' };
    expect(preview(supplementPayload(flags), title)).toEqual({
      fields: [{ title: '新生儿姓名', reason: '与出生医学证明不一致' }],
      materials: [{ title: '母亲居民身份证', reason: '照片不清晰' }],
    });
    // an entry without its own reason (a request another client sent) reads the overall one
    expect(preview({ fields: [{ path: 'child.name', reason: '' }], materials: [], reason: '请补正' }, title).fields).toEqual([{ title: '新生儿姓名', reason: '请补正' }]);
  });

  it('is not sent with nothing flagged, with a flag without its reason, or with a reason longer than the engine keeps', () => {
    expect(flagProblem(noFlags())).toEqual({ code: 'nothing-flagged' });
    const flags = { fields: new Map([['child.name', ' ']]), materials: new Map([['mother-id-card', '']]), note: '请补正' };
    expect(flagProblem(flags)).toEqual({ code: 'reasons-missing', fields: ['child.name'], materials: ['mother-id-card'] });
    const ok = { fields: new Map([['child.name', '有误']]), materials: new Map(), note: '' };
    expect(flagProblem({ ...ok, fields: new Map([['child.name', 'x'.repeat(MAX_REASON + 1)]]) })).toEqual({ code: 'too-long', length: MAX_REASON + 1 });
    expect(flagProblem({ ...ok, note: 'x'.repeat(MAX_REASON + 1) })).toEqual({ code: 'too-long', length: MAX_REASON + 1 });
    expect(flagProblem(ok)).toBeUndefined();
  });
});

describe('a supplement round as the timeline lists it', () => {
  const base: SupplementRoundView = { round: 1, scope: 'bundle', requestedBy: { id: 'clerk-1', role: 'clerk' }, requestedAt: '2025-03-04T02:00:00.000Z', fields: ['child.name', 'mother.idNumber'], materials: ['mother-id-card'] };

  it('gives each entry its own reason, and the overall reason when there is one', () => {
    expect(roundEntries({ ...base, fieldReasons: { 'child.name': '姓名有误' }, materialReasons: { 'mother-id-card': '照片不清晰' } })).toEqual({
      fields: [{ id: 'child.name', reason: '姓名有误' }, { id: 'mother.idNumber' }],
      materials: [{ id: 'mother-id-card', reason: '照片不清晰' }],
    });
  });

  it('reads a round recorded before per-entry reasons: the overall reason and the bare entries', () => {
    expect(roundEntries({ ...base, reason: '1. 新生儿姓名：有误\n2. 母亲公民身份号码：请核对' })).toEqual({
      reason: '1. 新生儿姓名：有误\n2. 母亲公民身份号码：请核对',
      fields: [{ id: 'child.name' }, { id: 'mother.idNumber' }],
      materials: [{ id: 'mother-id-card' }],
    });
  });
});
