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

  it('words the meta-schema’s problem with a malformed id or id-named property in the same way, never as the expression', () => {
    const problems = validateDefinition('overlay', {
      kind: 'overlay',
      id: 'Bad Id!',
      version: '1.0.0',
      region: '420703',
      base: { kind: 'item', id: 'newborn-birth', version: '^1.0.0' },
      remap: { departments: { 'Old Dept': { id: 'new-dept', title: { 'zh-CN': '新部门', en: 'New department' } } } },
    });
    expect(problems.map((p) => [p.pointer, p.problem.en])).toMatchInlineSnapshot(`
      [
        [
          "/id",
          ""Bad Id!" must be lower-case letters, digits and single hyphens, starting with a letter, at most 80 characters (e.g. newborn-birth)",
        ],
        [
          "/remap/departments/Old Dept",
          "property name "Old Dept" is not valid: it must be lower-case letters, digits and single hyphens, starting with a letter, at most 80 characters (e.g. newborn-birth)",
        ],
      ]
    `);
    expect(problems.map((p) => p.problem['zh-CN'])).toMatchInlineSnapshot(`
      [
        ""Bad Id!" 须为小写字母、数字和单个连字符，以字母开头，不超过 80 个字符（如 newborn-birth）",
        "属性名“Old Dept”无效：须为小写字母、数字和单个连字符，以字母开头，不超过 80 个字符（如 newborn-birth）",
      ]
    `);
  });
});
