import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../json.js';
import { fallbackMessage } from './keyword-messages.js';
import { compileValidator, createValidator, SchemaCompileError, validateData, ValidatorCache } from './validator.js';

const title = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describe('strict mode and our annotation keywords', () => {
  it('accepts x-concept, x-title, x-description, x-enumTitles and any other x- keyword', () => {
    const schema = {
      type: 'object',
      'x-title': title('申请人', 'Applicant'),
      properties: {
        idNumber: { type: 'string', format: 'resident-id', 'x-concept': 'applicant.idNumber', 'x-title': title('身份证号', 'ID number') },
        relation: {
          type: 'string',
          enum: ['mother', 'father'],
          'x-enumTitles': { mother: title('母亲', 'Mother'), father: title('父亲', 'Father') },
          'x-description': title('与孩子的关系', 'Relation to the child'),
          'x-regionalHint': { anything: true },
        },
      },
    };
    const { value, diagnostics } = compileValidator(schema, { cache: new ValidatorCache() });
    expect(diagnostics).toEqual([]);
    expect(value!({ idNumber: '11010519491231002X', relation: 'mother' })).toEqual([]);
  });

  it('rejects a misspelt keyword with a diagnostic instead of ignoring it', () => {
    const { value, diagnostics } = compileValidator({ type: 'string', minLenght: 2 }, { cache: new ValidatorCache() });
    expect(value).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'schema-compile-failed', severity: 'error', pointer: '' }]);
    expect(diagnostics[0]!.message.en).toContain('unknown keyword: "minLenght"');
  });

  it('points at the place of a meta-schema error and of an unknown format', () => {
    const cache = new ValidatorCache();
    const bad = compileValidator({ type: 'object', properties: { a: { type: 'text' } } }, { cache });
    expect(bad.diagnostics[0]).toMatchObject({ code: 'schema-compile-failed', pointer: '/properties/a/type' });
    const unknown = compileValidator({ type: 'object', properties: { a: { type: 'string', format: 'passport' } } }, { cache });
    expect(unknown.diagnostics[0]).toMatchObject({ code: 'schema-compile-failed', pointer: '/properties/a' });
    expect(unknown.diagnostics[0]!.message).toMatchInlineSnapshot(`
      {
        "en": "The schema cannot be compiled into a validator: unknown format "passport" ignored in schema at path "#/properties/a"",
        "zh-CN": "数据结构无法编译为校验器：unknown format "passport" ignored in schema at path "#/properties/a"",
      }
    `);
  });

  it('throws a SchemaCompileError carrying the diagnostics from createValidator', () => {
    expect(() => createValidator({ minLength: 2 }, { cache: new ValidatorCache() })).toThrow(SchemaCompileError);
    try {
      createValidator({ minLength: 2 }, { cache: new ValidatorCache() });
    } catch (error) {
      expect((error as SchemaCompileError).diagnostics[0]!.code).toBe('schema-compile-failed');
    }
  });
});

describe('validating data', () => {
  const schema = {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 20 },
      mobile: { type: 'string', format: 'mobile' },
      children: { type: 'array', maxItems: 2, items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
    },
  };

  it('returns no errors for valid data', () => {
    expect(validateData(schema, { name: '张三', mobile: '13800138000', children: [{ name: '小明' }] })).toEqual([]);
  });

  it('reports every error of invalid data, not only the first, each with a message', () => {
    const errors = validateData(schema, { name: '', mobile: '123', children: [{}, {}, {}] });
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}: ${e.message['zh-CN']} / ${e.message.en}`)).toMatchInlineSnapshot(`
      [
        "/name minLength: 此项不能为空 / This field cannot be empty",
        "/mobile format: 请输入有效的11位手机号码 / Enter a valid 11-digit mobile number",
        "/children maxItems: 最多添加2项 / Add no more than 2 entries",
        "/children/0 required: 请填写此项 / This field is required",
        "/children/1 required: 请填写此项 / This field is required",
        "/children/2 required: 请填写此项 / This field is required",
      ]
    `);
  });

  it('gives each keyword ajv reports its own message, never the generic fallback', () => {
    // `false` is a valid (sub)schema that JsonSchema's type does not spell.
    const FALSE_SCHEMA = false as unknown as JsonSchema;
    const everything = {
      type: 'object',
      properties: {
        s: { type: 'string', minLength: 3, maxLength: 1, pattern: '^x', format: 'date' },
        day: { type: 'string', format: 'date', formatMinimum: '2030-01-01' },
        n: { type: 'number', minimum: 10, maximum: 1, exclusiveMinimum: 10, exclusiveMaximum: 1, multipleOf: 0.5 },
        i: { type: 'integer' },
        e: { enum: ['a'] },
        c: { const: true },
        a: { type: 'array', minItems: 5, maxItems: 1, uniqueItems: true, contains: { const: 9 } },
        t: { type: 'array', prefixItems: [{}], items: false, minItems: 1 },
        o: { type: 'object', minProperties: 5, maxProperties: 1, propertyNames: { pattern: '^[a-z]+$' }, additionalProperties: false },
        u: { type: 'object', properties: { k: {} }, unevaluatedProperties: false },
        d: { type: 'object', dependentRequired: { p: ['q'] } },
        any: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        one: { oneOf: [{ type: 'number' }, { type: 'integer' }] },
        not: { not: { type: 'number' } },
        cond: { type: 'number', if: { minimum: 0 }, then: { minimum: 100 } },
        never: FALSE_SCHEMA,
      },
    };
    const errors = validateData(
      everything,
      {
        s: 'yy', day: '2024-01-01', n: 5.25, i: 1.5, e: 'b', c: false, a: [1, 1, 1], t: [1, 2], o: { A: 1, b: 2 }, u: { k: 1, extra: 2 }, d: { p: 1 },
        any: true, one: 1, not: 1, cond: 5, never: 1,
      },
      { cache: new ValidatorCache() },
    );
    const keywords = new Set(errors.map((e) => e.keyword));
    expect([...keywords].sort()).toEqual(
      [
        'additionalProperties', 'anyOf', 'const', 'contains', 'dependentRequired', 'enum', 'exclusiveMaximum',
        'exclusiveMinimum', 'false schema', 'format', 'formatMinimum', 'if', 'items', 'maxItems', 'maxLength',
        'maxProperties', 'maximum', 'minItems', 'minLength', 'minProperties', 'minimum', 'multipleOf', 'not', 'oneOf',
        'pattern', 'propertyNames', 'type', 'unevaluatedProperties', 'uniqueItems',
      ].sort(),
    );
    expect(errors.filter((e) => e.message === fallbackMessage || e.message.en === fallbackMessage.en)).toEqual([]);
  });
});

describe('the validator cache', () => {
  const schema = () => ({ type: 'object', properties: { n: { type: 'integer', minimum: 0 } } });

  it('compiles a schema once and serves it from the cache by key', () => {
    const cache = new ValidatorCache();
    const first = createValidator(schema(), { key: 'item@1.0.0#abc', cache });
    const second = createValidator(schema(), { key: 'item@1.0.0#abc', cache });
    expect(second).toBe(first);
    expect(cache.stats()).toMatchObject({ compiles: 1, hits: 1, size: 1 });
  });

  it('uses the schema object as the key when no key is given', () => {
    const cache = new ValidatorCache();
    const s = schema();
    for (let i = 0; i < 5; i++) validateData(s, { n: i }, { cache });
    validateData(schema(), { n: 1 }, { cache });
    expect(cache.stats()).toMatchObject({ compiles: 2, hits: 4, size: 2 });
  });

  it('compiles the all-errors validator only when some data is invalid, and only once', () => {
    const cache = new ValidatorCache();
    const validate = createValidator(schema(), { cache });
    expect(validate({ n: 1 })).toEqual([]);
    expect(cache.stats()).toMatchObject({ compiles: 1, errorCompiles: 0 });
    expect(validate({ n: -1 })).toHaveLength(1);
    expect(validate({ n: 'x' })).toHaveLength(1);
    expect(cache.stats()).toMatchObject({ compiles: 1, errorCompiles: 1 });
  });

  it('is bounded: the least recently used validator is evicted and compiled again when asked for', () => {
    const cache = new ValidatorCache({ max: 2 });
    createValidator(schema(), { key: 'a', cache });
    createValidator(schema(), { key: 'b', cache });
    createValidator(schema(), { key: 'a', cache }); // a is now the most recent
    createValidator(schema(), { key: 'c', cache }); // evicts b
    expect(cache.stats()).toMatchObject({ size: 2, evictions: 1, compiles: 3 });
    createValidator(schema(), { key: 'a', cache });
    expect(cache.stats().compiles).toBe(3);
    createValidator(schema(), { key: 'b', cache });
    expect(cache.stats()).toMatchObject({ size: 2, evictions: 2, compiles: 4 });
  });

  it('keeps nothing with max 0 (every call compiles), and can be cleared', () => {
    const none = new ValidatorCache({ max: 0 });
    const s = schema();
    validateData(s, { n: 1 }, { cache: none });
    validateData(s, { n: 1 }, { cache: none });
    expect(none.stats()).toMatchObject({ size: 0, compiles: 2 });
    const some = new ValidatorCache();
    validateData(s, { n: 1 }, { cache: some });
    some.clear();
    expect(some.stats().size).toBe(0);
  });
});
