import { describe, expect, it } from 'vitest';
import { optionsText, parseOptions } from '../src/model/questions.js';

describe('options of a choice question, one per line', () => {
  it('reads value=中文=English lines, filling a missing title from the other language or the value', () => {
    expect(parseOptions('small=小型=Small\nlarger=较大\n\nother\nsmall=重复=Again')).toEqual({
      enum: ['small', 'larger', 'other'],
      titles: {
        small: { 'zh-CN': '小型', en: 'Small' },
        larger: { 'zh-CN': '较大', en: '较大' },
        other: { 'zh-CN': 'other', en: 'other' },
      },
    });
  });

  it('writes them back the same way', () => {
    const q = { type: 'string', enum: ['small', 'larger'], 'x-enumTitles': { small: { 'zh-CN': '小型', en: 'Small' }, larger: { 'zh-CN': '较大', en: 'Larger' } } } as const;
    expect(optionsText(q as never)).toBe('small=小型=Small\nlarger=较大=Larger');
    expect(parseOptions(optionsText(q as never)).enum).toEqual(['small', 'larger']);
  });
});
