import { describe, expect, it } from 'vitest';
import { residentId } from './formats/index.js';
import { keywordMessages } from './keyword-messages.js';
import { collectCustomMessages, errorMessage, toValidationErrors } from './messages.js';
import { ValidatorCache, validateData } from './validator.js';

const message = (keyword: string, params: Record<string, unknown> = {}) =>
  errorMessage({ keyword, instancePath: '/x', params });

describe('messages for citizens, in zh-CN and en', () => {
  it('says what to do for the common keywords', () => {
    expect(message('required', { missingProperty: 'name' })).toMatchInlineSnapshot(`
      {
        "en": "This field is required",
        "zh-CN": "请填写此项",
      }
    `);
    expect(message('type', { type: 'integer' })).toMatchInlineSnapshot(`
      {
        "en": "Enter a whole number",
        "zh-CN": "请输入整数",
      }
    `);
    expect(message('minLength', { limit: 1 })).toMatchInlineSnapshot(`
      {
        "en": "This field cannot be empty",
        "zh-CN": "此项不能为空",
      }
    `);
    expect(message('minLength', { limit: 2 })).toMatchInlineSnapshot(`
      {
        "en": "Enter at least 2 characters",
        "zh-CN": "请至少输入2个字",
      }
    `);
    expect(message('maxLength', { limit: 50 })).toMatchInlineSnapshot(`
      {
        "en": "Enter no more than 50 characters",
        "zh-CN": "最多输入50个字",
      }
    `);
    expect(message('pattern', { pattern: '^[A-Z]{2}\\d{6}$' })).toMatchInlineSnapshot(`
      {
        "en": "This is not in the expected format; check it and try again",
        "zh-CN": "格式不正确，请检查后重新输入",
      }
    `);
    expect(message('minimum', { comparison: '>=', limit: 0 })).toMatchInlineSnapshot(`
      {
        "en": "Enter 0 or more",
        "zh-CN": "不能小于0",
      }
    `);
    expect(message('exclusiveMaximum', { comparison: '<', limit: 100 })).toMatchInlineSnapshot(`
      {
        "en": "Enter a number less than 100",
        "zh-CN": "必须小于100",
      }
    `);
    expect(message('enum', { allowedValues: ['a', 'b'] })).toMatchInlineSnapshot(`
      {
        "en": "Choose one of the given options",
        "zh-CN": "请从给定选项中选择",
      }
    `);
    expect(message('const', { allowedValue: true })).toMatchInlineSnapshot(`
      {
        "en": "Tick the box to confirm",
        "zh-CN": "请勾选以确认",
      }
    `);
    expect(message('minItems', { limit: 1 })).toMatchInlineSnapshot(`
      {
        "en": "Add at least 1 entry",
        "zh-CN": "请至少添加1项",
      }
    `);
    expect(message('uniqueItems', { i: 3, j: 1 })).toMatchInlineSnapshot(`
      {
        "en": "Entries 2 and 4 are the same",
        "zh-CN": "第2项与第4项重复",
      }
    `);
    expect(message('formatMaximum', { comparison: '<=', limit: '2024-12-31' })).toMatchInlineSnapshot(`
      {
        "en": "Enter 2024-12-31 or earlier",
        "zh-CN": "不能晚于2024-12-31",
      }
    `);
  });

  it('turns multipleOf 0.01 into a rule about decimal places', () => {
    expect(message('multipleOf', { multipleOf: 0.01 })).toMatchInlineSnapshot(`
      {
        "en": "Use at most 2 decimal places",
        "zh-CN": "最多保留2位小数",
      }
    `);
    expect(message('multipleOf', { multipleOf: 5 })).toMatchInlineSnapshot(`
      {
        "en": "Enter a multiple of 5",
        "zh-CN": "必须是5的整数倍",
      }
    `);
  });

  it('gives every format its own message, the Chinese ones from their descriptors', () => {
    const format = (name: string) =>
      errorMessage({ keyword: 'format', instancePath: '/x', params: { format: name } }, { formats: { 'resident-id': residentId } });
    expect(format('resident-id')).toMatchInlineSnapshot(`
      {
        "en": "Enter a valid 18-character resident ID number",
        "zh-CN": "请输入有效的18位居民身份证号码",
      }
    `);
    expect(format('date')).toMatchInlineSnapshot(`
      {
        "en": "Enter a real date, such as 2024-01-31",
        "zh-CN": "请输入有效日期，如 2024-01-31",
      }
    `);
    expect(format('email')).toMatchInlineSnapshot(`
      {
        "en": "Enter a valid email address, such as name@example.com",
        "zh-CN": "请输入有效的电子邮箱地址，如 name@example.com",
      }
    `);
    expect(format('some-regional-format')).toMatchInlineSnapshot(`
      {
        "en": "This is not in the expected format; check it and try again",
        "zh-CN": "格式不正确，请检查后重新输入",
      }
    `);
  });

  it('has a message of its own for every keyword ajv 2020-12 and ajv-formats report (none falls back)', () => {
    // The keywords of ajv's error definitions (draft 2020-12 vocabularies) and of ajv-formats.
    const reported = [
      'type', 'required', 'dependentRequired', 'dependencies', 'minLength', 'maxLength', 'pattern', 'format',
      'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'enum', 'const', 'minItems',
      'maxItems', 'items', 'additionalItems', 'unevaluatedItems', 'uniqueItems', 'contains', 'minProperties',
      'maxProperties', 'additionalProperties', 'unevaluatedProperties', 'propertyNames', 'if', 'anyOf', 'oneOf',
      'not', 'false schema', 'discriminator', 'formatMinimum', 'formatMaximum', 'formatExclusiveMinimum',
      'formatExclusiveMaximum',
    ];
    expect(reported.filter((k) => !keywordMessages[k])).toEqual([]);
  });

  it('falls back to a generic message for a keyword it does not know', () => {
    expect(message('someCustomKeyword')).toMatchInlineSnapshot(`
      {
        "en": "This value is not valid; check it",
        "zh-CN": "此项填写有误，请检查",
      }
    `);
  });
});

describe('x-errorMessage: a schema can say what is wrong in its own words', () => {
  const plate = { 'zh-CN': '请输入车牌号，如 京A12345', en: 'Enter a plate number such as 京A12345' };
  const schema = {
    type: 'object',
    properties: {
      plate: { type: 'string', allOf: [{ pattern: '^[京沪粤]' }, { pattern: '^.[A-Z]' }], 'x-errorMessage': plate },
      code: { type: 'string', maxLength: 4, pattern: '^\\d+$', 'x-errorMessage': { pattern: { 'zh-CN': '只能输入数字', en: 'Digits only' } } },
    },
  };

  it('collects the messages by schema location', () => {
    expect(Object.keys(collectCustomMessages(schema))).toEqual(['#/properties/plate', '#/properties/code']);
  });

  it('uses one text for every error of the schema, including those of allOf branches', () => {
    const errors = validateData(schema, { plate: 'X' }, { cache: new ValidatorCache() });
    expect(errors.map((e) => [e.schemaPath, e.message.en])).toEqual([
      ['#/properties/plate/allOf/0/pattern', plate.en],
      ['#/properties/plate/allOf/1/pattern', plate.en],
    ]);
  });

  it('uses a per-keyword text only for that keyword', () => {
    const errors = validateData(schema, { code: 'abcde' }, { cache: new ValidatorCache() });
    expect(errors.map((e) => [e.keyword, e.message.en])).toEqual([
      ['maxLength', 'Enter no more than 4 characters'],
      ['pattern', 'Digits only'],
    ]);
  });
});

describe('toValidationErrors', () => {
  it('keeps the ajv shape and adds the message', () => {
    expect(
      toValidationErrors([{ keyword: 'maxItems', instancePath: '/children', schemaPath: '#/properties/children/maxItems', params: { limit: 3 } }]),
    ).toMatchInlineSnapshot(`
      [
        {
          "instancePath": "/children",
          "keyword": "maxItems",
          "message": {
            "en": "Add no more than 3 entries",
            "zh-CN": "最多添加3项",
          },
          "params": {
            "limit": 3,
          },
          "schemaPath": "#/properties/children/maxItems",
        },
      ]
    `);
  });

  it('returns no errors for null (ajv after a valid run)', () => {
    expect(toValidationErrors(null)).toEqual([]);
  });
});
