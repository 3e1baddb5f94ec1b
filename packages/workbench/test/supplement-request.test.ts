import { describe, expect, it } from 'vitest';
import { flagProblem, MAX_REASON, noFlags, supplementPayload } from '../src/model/supplement.js';

const titles: Record<string, string> = { 'child.name': '新生儿 · 姓名', 'mother.idNumber': '母亲 · 公民身份号码', 'mother-id-card': '母亲居民身份证（材料）' };
const title = (_kind: 'field' | 'material', id: string) => titles[id] ?? id;

describe('a supplement request as the applicant reads it', () => {
  it('lists every flagged field and material with its own reason, after the general note', () => {
    const flags = {
      fields: new Map([
        ['child.name', '与出生医学证明不一致'],
        ['mother.idNumber', ' 校验位错误 '],
      ]),
      materials: new Map([['mother-id-card', '照片不清晰']]),
      note: '请按以下意见补正：',
    };
    expect(supplementPayload(flags, title, 'zh-CN')).toEqual({
      fields: ['child.name', 'mother.idNumber'],
      materials: ['mother-id-card'],
      reason: '请按以下意见补正：\n1. 新生儿 · 姓名：与出生医学证明不一致\n2. 母亲 · 公民身份号码：校验位错误\n3. 母亲居民身份证（材料）：照片不清晰',
    });
    expect(supplementPayload({ ...flags, note: '', materials: new Map() }, title, 'en').reason).toBe('1. 新生儿 · 姓名: 与出生医学证明不一致\n2. 母亲 · 公民身份号码: 校验位错误');
  });

  it('is not sent with nothing flagged, with a flag without its reason, or longer than the engine keeps', () => {
    expect(flagProblem(noFlags(), '')).toEqual({ code: 'nothing-flagged' });
    const flags = { fields: new Map([['child.name', ' ']]), materials: new Map([['mother-id-card', '']]), note: '' };
    expect(flagProblem(flags, 'x')).toEqual({ code: 'reasons-missing', fields: ['child.name'], materials: ['mother-id-card'] });
    const ok = { fields: new Map([['child.name', '有误']]), materials: new Map(), note: '' };
    expect(flagProblem(ok, 'x'.repeat(MAX_REASON + 1))).toEqual({ code: 'too-long', length: MAX_REASON + 1 });
    expect(flagProblem(ok, 'x')).toBeUndefined();
  });
});
