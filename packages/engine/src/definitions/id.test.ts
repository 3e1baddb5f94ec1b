import { describe, expect, it } from 'vitest';
import { definitionId } from './id.js';
import { validateDefinition } from './meta-validate.js';

const idProblems = (id: string) => validateDefinition('concepts', { kind: 'concepts', id, version: '1.0.0', concepts: {} }).filter((p) => p.pointer === '/id');

describe('definitionId: the meta-schema’s id, for checks outside the engine (the API)', () => {
  it('accepts exactly the ids the meta-schema accepts', () => {
    const ids = ['newborn-birth', 'a', 'a1-b2', 'Bad Id!', 'Newborn', '1st', 'a--b', 'a-', '-a', 'a_b', 'a'.repeat(80), 'a'.repeat(81)];
    const byPattern = ids.map((id) => new RegExp(definitionId.pattern).test(id) && id.length <= definitionId.maxLength);
    expect(byPattern).toEqual(ids.map((id) => idProblems(id).length === 0));
    expect(byPattern.filter(Boolean)).toHaveLength(4);
  });

  it('says what an id looks like in both languages', () => {
    expect(definitionId.message).toMatchInlineSnapshot(`
      {
        "en": "must be lower-case letters, digits and single hyphens, starting with a letter, at most 80 characters (e.g. newborn-birth)",
        "zh-CN": "须为小写字母、数字和单个连字符，以字母开头，不超过 80 个字符（如 newborn-birth）",
      }
    `);
  });
});
