import { describe, expect, it } from 'vitest';
import { supplementRequest } from '../src/status/supplement.js';

const both = (s: string) => ({ 'zh-CN': s, en: s });

describe('the supplement form built from a round', () => {
  it('shows each flagged field and material with its own reason, and the overall reason at the top', () => {
    const round = {
      fields: ['child.name', 'mother.idNumber'],
      materials: ['mother-id-card'],
      reason: '请按以下意见补正',
      fieldReasons: { 'child.name': '与出生医学证明上的姓名不一致' },
      materialReasons: { 'mother-id-card': '照片不清晰' },
    };
    expect(supplementRequest(round)).toEqual({
      reason: both('请按以下意见补正'),
      fields: [
        { path: 'child.name', reason: both('与出生医学证明上的姓名不一致') },
        // no reason of its own: the overall one beside it
        { path: 'mother.idNumber', reason: both('请按以下意见补正') },
      ],
      materials: [{ id: 'mother-id-card', reason: both('照片不清晰') }],
    });
  });

  it('has no overall reason when the round has none', () => {
    const request = supplementRequest({ fields: ['child.name'], materials: [], fieldReasons: { 'child.name': '姓名有误' } });
    expect(request).toEqual({ fields: [{ path: 'child.name', reason: both('姓名有误') }], materials: [] });
  });

  it('shows a round recorded before per-entry reasons as it did: the one reason at the top and beside each entry', () => {
    const request = supplementRequest({ fields: ['child.name'], materials: ['household-register'], reason: '姓名与户口簿不一致' });
    expect(request).toEqual({
      reason: both('姓名与户口簿不一致'),
      fields: [{ path: 'child.name', reason: both('姓名与户口簿不一致') }],
      materials: [{ id: 'household-register', reason: both('姓名与户口簿不一致') }],
    });
  });
});
