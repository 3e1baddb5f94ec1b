import { describe, expect, it } from 'vitest';
import type { Json, Rule } from '../json.js';
import { evaluate } from './evaluate.js';
import { operators } from './operators/index.js';

/** [rule, data, expected] rows, from the operation reference at https://jsonlogic.com/operations.html. */
type Case = [rule: Rule, data: Json, expected: Json];

function table(cases: Case[]) {
  it.each(cases.map(([rule, data, expected]) => ({ rule, data, expected, name: JSON.stringify(rule) })))(
    '$name',
    ({ rule, data, expected }) => {
      expect(evaluate(rule, data)).toEqual(expected);
    },
  );
}

describe('accessing data', () => {
  describe('var', () => {
    table([
      [{ var: ['a'] }, { a: 1, b: 2 }, 1],
      [{ var: 'a' }, { a: 1 }, 1],
      [{ var: ['z', 26] }, { a: 1 }, 26],
      [{ var: 'champ.name' }, { champ: { name: 'Fezzig', height: 223 } }, 'Fezzig'],
      [{ var: 1 }, ['zero', 'one', 'two'], 'one'],
      [{ var: 'children.1.name' }, { children: [{ name: 'A' }, { name: 'B' }] }, 'B'],
      [{ var: '' }, 'I am the data', 'I am the data'],
      [{ var: [] }, { a: 1 }, { a: 1 }],
      [{ var: 'a.b' }, { a: null }, null],
      [{ var: ['a.b', 'x'] }, { a: null }, 'x'],
      [{ var: ['a', 'x'] }, { a: null }, null],
      [{ var: 'list.length' }, { list: [1, 2, 3] }, 3],
      [{ var: { cat: ['a', '.', 'b'] } }, { a: { b: 7 } }, 7],
    ]);
  });

  describe('missing', () => {
    table([
      [{ missing: ['a', 'b'] }, { a: 'apple', c: 'carrot' }, ['b']],
      [{ missing: ['a', 'b'] }, { a: 'apple', b: 'banana' }, []],
      [{ missing: ['a', 'b'] }, { a: '', b: null }, ['a', 'b']],
      [{ missing: 'a' }, {}, ['a']],
      [{ missing: { merge: ['vin', { if: [{ var: 'financing' }, ['apr', 'term'], []] }] } }, { financing: true, vin: 'x' }, ['apr', 'term']],
      [{ if: [{ missing: ['a', 'b'] }, 'Not enough fruit', 'OK to proceed'] }, { a: 'apple', b: 'banana' }, 'OK to proceed'],
    ]);
  });

  describe('missing_some', () => {
    table([
      [{ missing_some: [1, ['a', 'b', 'c']] }, { a: 'apple' }, []],
      [{ missing_some: [2, ['a', 'b', 'c']] }, { a: 'apple' }, ['b', 'c']],
      [{ missing_some: [0, ['a']] }, {}, []],
    ]);
  });
});

describe('logic and boolean operations', () => {
  describe('if and ?:', () => {
    table([
      [{ if: [true, 'yes', 'no'] }, null, 'yes'],
      [{ if: [false, 'yes', 'no'] }, null, 'no'],
      [{ if: [{ '<': [{ var: 'temp' }, 0] }, 'freezing', { '<': [{ var: 'temp' }, 100] }, 'liquid', 'gas'] }, { temp: 55 }, 'liquid'],
      [{ if: [{ '<': [{ var: 'temp' }, 0] }, 'freezing', { '<': [{ var: 'temp' }, 100] }, 'liquid', 'gas'] }, { temp: 200 }, 'gas'],
      [{ if: [false, 'yes'] }, null, null],
      [{ if: ['else only'] }, null, 'else only'],
      [{ if: [] }, null, null],
      [{ if: [[], 'empty array is falsy', 'else'] }, null, 'else'],
      [{ '?:': [true, 1, 2] }, null, 1],
    ]);
  });

  describe('==, ===, != and !==', () => {
    table([
      [{ '==': [1, 1] }, null, true],
      [{ '==': [1, '1'] }, null, true],
      [{ '==': [0, false] }, null, true],
      [{ '==': [null, 0] }, null, false],
      [{ '==': [[1], 1] }, null, true],
      [{ '==': [[1, 2], '1,2'] }, null, true],
      [{ '===': [1, 1] }, null, true],
      [{ '===': [1, '1'] }, null, false],
      [{ '!=': [1, 2] }, null, true],
      [{ '!=': [1, '1'] }, null, false],
      [{ '!==': [1, 2] }, null, true],
      [{ '!==': [1, '1'] }, null, true],
    ]);
  });

  describe('! and !!', () => {
    table([
      [{ '!': [true] }, null, false],
      [{ '!': true }, null, false],
      [{ '!': [[]] }, null, true],
      [{ '!!': [['0']] }, null, true],
      [{ '!!': ['0'] }, null, true],
      [{ '!!': [''] }, null, false],
      [{ '!!': [0] }, null, false],
    ]);
  });

  describe('or and and', () => {
    table([
      [{ or: [true, false] }, null, true],
      [{ or: [false, 'a'] }, null, 'a'],
      [{ or: [false, 0, 'a'] }, null, 'a'],
      [{ or: [false, 0] }, null, 0],
      [{ and: [true, 'a', 3] }, null, 3],
      [{ and: [true, '', 3] }, null, ''],
      [{ and: [] }, null, null],
      // short-circuit: the unknown operator after the decisive value is never evaluated
      [{ and: [false, { log: 'never' }] }, null, false],
    ]);
  });
});

describe('numeric operations', () => {
  describe('>, >=, <, <= and between', () => {
    table([
      [{ '>': [2, 1] }, null, true],
      [{ '>=': [1, 1] }, null, true],
      [{ '<': [1, 2] }, null, true],
      [{ '<=': [1, 1] }, null, true],
      [{ '<': [1, 2, 3] }, null, true],
      [{ '<': [1, 1, 3] }, null, false],
      [{ '<': [1, 4, 3] }, null, false],
      [{ '<=': [1, 1, 3] }, null, true],
      [{ '<=': [1, 4, 3] }, null, false],
      [{ '<': [{ var: 'temp' }, 110] }, { temp: 100 }, true],
      [{ '>': ['10', 9] }, null, true],
      [{ '<': ['a', 'b'] }, null, true],
    ]);
  });

  describe('max and min', () => {
    table([
      [{ max: [1, 2, 3] }, null, 3],
      [{ min: [1, 2, 3] }, null, 1],
      [{ max: ['5', 2] }, null, 5],
      [{ max: [] }, null, null],
      [{ min: ['x', 1] }, null, null],
    ]);
  });

  describe('arithmetic', () => {
    table([
      [{ '+': [4, 2] }, null, 6],
      [{ '+': [2, 2, 2, 2, 2] }, null, 10],
      [{ '+': '3.14' }, null, 3.14],
      [{ '+': [] }, null, 0],
      [{ '-': [4, 2] }, null, 2],
      [{ '-': [2] }, null, -2],
      [{ '*': [4, 2] }, null, 8],
      [{ '*': [2, 2, 2, 2, 2] }, null, 32],
      [{ '/': [4, 2] }, null, 2],
      [{ '/': [1, 0] }, null, null],
      [{ '%': [101, 2] }, null, 1],
      [{ '+': ['1 apple', 1] }, null, 2],
      [{ '*': ['x', 1] }, null, null],
    ]);
  });
});

describe('array operations', () => {
  describe('map, filter and reduce', () => {
    table([
      [{ map: [{ var: 'integers' }, { '*': [{ var: '' }, 2] }] }, { integers: [1, 2, 3, 4, 5] }, [2, 4, 6, 8, 10]],
      [{ filter: [{ var: 'integers' }, { '%': [{ var: '' }, 2] }] }, { integers: [1, 2, 3, 4, 5] }, [1, 3, 5]],
      [
        { reduce: [{ var: 'integers' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] },
        { integers: [1, 2, 3, 4, 5] },
        15,
      ],
      [{ map: [{ var: 'missing' }, 1] }, {}, []],
      [{ filter: ['not an array', true] }, {}, []],
      [{ reduce: [null, { var: 'current' }, 'initial'] }, {}, 'initial'],
      [{ reduce: [[1, 2], { var: 'current' }] }, {}, 2],
    ]);
  });

  describe('all, none and some', () => {
    table([
      [{ all: [[1, 2, 3], { '>': [{ var: '' }, 0] }] }, null, true],
      [{ all: [[1, -2, 3], { '>': [{ var: '' }, 0] }] }, null, false],
      [{ all: [[], true] }, null, false],
      [{ some: [[-1, 0, 1], { '>': [{ var: '' }, 0] }] }, null, true],
      [{ some: [[], true] }, null, false],
      [{ none: [[-3, -2], { '>': [{ var: '' }, 0] }] }, null, true],
      [{ none: [[], true] }, null, true],
      [{ none: [[1], { '>': [{ var: '' }, 0] }] }, null, false],
      [
        { some: [{ var: 'pies' }, { '==': [{ var: 'filling' }, 'apple'] }] },
        { pies: [{ filling: 'pumpkin' }, { filling: 'apple' }] },
        true,
      ],
    ]);
  });

  describe('merge and in', () => {
    table([
      [{ merge: [[1, 2], [3, 4]] }, null, [1, 2, 3, 4]],
      [{ merge: [1, 2, [3, 4]] }, null, [1, 2, 3, 4]],
      [{ merge: [[[1]], 2] }, null, [[1], 2]],
      [{ merge: [] }, null, []],
      [{ in: ['Ringo', ['John', 'Paul', 'George', 'Ringo']] }, null, true],
      [{ in: ['Spring', 'Springfield'] }, null, true],
      [{ in: ['x', null] }, null, false],
      [{ in: [1, ['1']] }, null, false],
      [{ in: [null, [null]] }, null, true],
    ]);

    it('finds a missing value in no text (the text "null" is not a missing value)', () => {
      // given a field not filled in yet, when a rule asks whether the text contains it
      expect(evaluate({ in: [{ var: 'word' }, 'nullable'] }, {})).toBe(false);
      expect(evaluate({ in: [null, 'nullable'] }, null)).toBe(false);
    });
  });
});

describe('string operations', () => {
  table([
    [{ cat: ['I love', ' pie'] }, null, 'I love pie'],
    [{ cat: ['I love ', { var: 'filling' }, ' pie'] }, { filling: 'apple' }, 'I love apple pie'],
    [{ cat: ['a', null, 1, true, [1, 2]] }, null, 'a1true1,2'],
    [{ substr: ['jsonlogic', 4] }, null, 'logic'],
    [{ substr: ['jsonlogic', -5] }, null, 'logic'],
    [{ substr: ['jsonlogic', 1, 3] }, null, 'son'],
    [{ substr: ['jsonlogic', 4, -2] }, null, 'log'],
    [{ substr: ['jsonlogic', 0, -20] }, null, ''],
    [{ substr: [12345, 1, 2] }, null, '23'],
    [{ substr: [null, 0, 4] }, null, null],
    [{ substr: ['', 0, 4] }, null, ''],
    [{ cat: [null] }, null, ''],
    [{ cat: ['No. ', { var: 'missing' }] }, {}, 'No. '],
  ]);

  it('computes no substring of a field not filled in yet (it gave the text "null")', () => {
    // given the coverage year computed from the birth date, as medical-insurance-enrolment does
    const coverageYear: Rule = { substr: [{ var: 'child.birthDate' }, 0, 4] };
    // when the birth date is missing, then the year is absent; when it is entered, it is its year
    expect(evaluate(coverageYear, {})).toBeNull();
    expect(evaluate(coverageYear, { child: { birthDate: null } })).toBeNull();
    expect(evaluate(coverageYear, { child: { birthDate: '2024-03-01' } })).toBe('2024');
  });
});

describe('not allowed', () => {
  it('has no `log` operator: it would be a side effect', () => {
    expect(operators.map((op) => op.name)).not.toContain('log');
    expect(evaluate({ log: 'hello' }, null)).toBeNull();
  });

  it('evaluates unknown operators to null instead of throwing', () => {
    expect(evaluate({ eval: 'process.exit()' }, null)).toBeNull();
    expect(evaluate({ toString: [] }, null)).toBeNull();
    expect(evaluate(JSON.parse('{"__proto__": ["a"]}') as Rule, { a: 1 })).toBeNull();
    expect(evaluate({ 'hasOwnProperty': ['a'] }, { a: 1 })).toBeNull();
    expect(evaluate({ 'var.length': ['a'] }, { a: 1 })).toBeNull();
  });

  it('treats an object with several keys as a literal, as JSON Logic does', () => {
    expect(evaluate({ a: 1, b: { var: 'x' } }, { x: 1 })).toEqual({ a: 1, b: { var: 'x' } });
  });
});

it('lists every operator once, each with a bilingual title and argument counts', () => {
  const names = operators.map((op) => op.name);
  expect(new Set(names).size).toBe(names.length);
  expect(names.sort()).toMatchInlineSnapshot(`
    [
      "!",
      "!!",
      "!=",
      "!==",
      "%",
      "*",
      "+",
      "-",
      "/",
      "<",
      "<=",
      "==",
      "===",
      ">",
      ">=",
      "?:",
      "add_days",
      "age",
      "all",
      "and",
      "cat",
      "days_between",
      "filter",
      "if",
      "in",
      "item_active",
      "map",
      "max",
      "merge",
      "min",
      "missing",
      "missing_some",
      "none",
      "or",
      "reduce",
      "some",
      "substr",
      "today",
      "var",
    ]
  `);
  for (const op of operators) {
    expect(op.title['zh-CN'] && op.title.en).toBeTruthy();
    expect(op.args.min).toBeGreaterThanOrEqual(0);
  }
});
