import { describe, expect, it } from 'vitest';
import { flagProblem, MAX_REASON } from '../src/model/supplement.js';
import { textBudget } from '../src/model/text-limit.js';

describe('the count under a reason', () => {
  it('gives the characters left, quietly until the last tenth of the limit', () => {
    expect(textBudget('', 500)).toEqual({ left: 500, over: 0, near: false });
    expect(textBudget('名'.repeat(449), 500)).toEqual({ left: 51, over: 0, near: false });
    expect(textBudget('名'.repeat(450), 500)).toEqual({ left: 50, over: 0, near: true });
    expect(textBudget('名'.repeat(500), 500)).toEqual({ left: 0, over: 0, near: true });
  });

  it('says by how much a text is too long instead of cutting it', () => {
    expect(textBudget('补'.repeat(600), 500)).toEqual({ left: 0, over: 100, near: true });
  });

  it('warns at least 20 characters ahead for a short limit', () => {
    expect(textBudget('a'.repeat(80), 100)).toEqual({ left: 20, over: 0, near: true });
    expect(textBudget('a'.repeat(79), 100)).toEqual({ left: 21, over: 0, near: false });
  });

  it('counts as the send check does: spaces around the text do not count, so "fits" never meets a refusal', () => {
    const reason = `  ${'名'.repeat(MAX_REASON)}  `;
    expect(textBudget(reason, MAX_REASON)).toEqual({ left: 0, over: 0, near: true });
    expect(flagProblem({ fields: new Map([['child.name', reason]]), materials: new Map(), note: '' })).toBeUndefined();
    const over = `${'名'.repeat(MAX_REASON)}多`;
    expect(textBudget(over, MAX_REASON).over).toBe(1);
    expect(flagProblem({ fields: new Map([['child.name', over]]), materials: new Map(), note: '' })).toEqual({ code: 'too-long', length: 501 });
  });
});
