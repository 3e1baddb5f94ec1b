import { text, type Text } from '../text.js';

/** Builds the message of one ajv keyword from the error's params. */
export type KeywordMessage = (params: Record<string, any>) => Text;

const n = (v: unknown): string => String(v);

const TYPES: Record<string, Text> = {
  string: text('请输入文字', 'Enter text'),
  number: text('请输入数字', 'Enter a number'),
  integer: text('请输入整数', 'Enter a whole number'),
  boolean: text('请选择“是”或“否”', 'Choose yes or no'),
  array: text('此项应为一组条目', 'This should be a list of entries'),
  object: text('此项应为一组信息', 'This should be a group of fields'),
  null: text('此项应为空', 'This should be empty'),
};

/** 0.01 → 2: a `multipleOf` that only limits decimal places. */
function decimalPlaces(step: number): number | undefined {
  for (let k = 1; k <= 10; k++) if (Math.abs(step - 10 ** -k) < 1e-15) return k;
  return undefined;
}

const atMost = (params: Record<string, any>) =>
  text(`最多添加${n(params.limit)}项`, `Add no more than ${n(params.limit)} ${params.limit === 1 ? 'entry' : 'entries'}`);

/**
 * A message for a citizen for every keyword ajv (2020-12, ajv-formats) can report — what is
 * wrong and what to do, never the schema's vocabulary. `format` is handled by the caller
 * (each format has its own message); this entry is the fallback for an unknown format.
 */
export const keywordMessages: Readonly<Record<string, KeywordMessage>> = {
  type: ({ type }) => TYPES[String(type)] ?? text('此项的类型不正确', 'This value has the wrong type'),
  required: () => text('请填写此项', 'This field is required'),
  dependentRequired: ({ property }) =>
    text(`填写了“${n(property)}”时，此项必填`, `This field is required when "${n(property)}" is filled in`),
  dependencies: (params) => keywordMessages.dependentRequired!(params),
  minLength: ({ limit }) =>
    limit === 1
      ? text('此项不能为空', 'This field cannot be empty')
      : text(`请至少输入${n(limit)}个字`, `Enter at least ${n(limit)} characters`),
  maxLength: ({ limit }) => text(`最多输入${n(limit)}个字`, `Enter no more than ${n(limit)} characters`),
  pattern: () => text('格式不正确，请检查后重新输入', 'This is not in the expected format; check it and try again'),
  format: () => text('格式不正确，请检查后重新输入', 'This is not in the expected format; check it and try again'),
  minimum: ({ limit }) => text(`不能小于${n(limit)}`, `Enter ${n(limit)} or more`),
  maximum: ({ limit }) => text(`不能大于${n(limit)}`, `Enter ${n(limit)} or less`),
  exclusiveMinimum: ({ limit }) => text(`必须大于${n(limit)}`, `Enter a number greater than ${n(limit)}`),
  exclusiveMaximum: ({ limit }) => text(`必须小于${n(limit)}`, `Enter a number less than ${n(limit)}`),
  multipleOf: ({ multipleOf }) => {
    const places = decimalPlaces(Number(multipleOf));
    if (places !== undefined) return text(`最多保留${places}位小数`, `Use at most ${places} decimal place${places === 1 ? '' : 's'}`);
    if (multipleOf === 1) return keywordMessages.type!({ type: 'integer' });
    return text(`必须是${n(multipleOf)}的整数倍`, `Enter a multiple of ${n(multipleOf)}`);
  },
  enum: () => text('请从给定选项中选择', 'Choose one of the given options'),
  const: ({ allowedValue }) =>
    allowedValue === true
      ? text('请勾选以确认', 'Tick the box to confirm')
      : text('此项的值不符合要求', 'This value is not allowed here'),
  minItems: ({ limit }) =>
    text(`请至少添加${n(limit)}项`, `Add at least ${n(limit)} ${limit === 1 ? 'entry' : 'entries'}`),
  maxItems: atMost,
  items: atMost,
  additionalItems: atMost,
  unevaluatedItems: atMost,
  uniqueItems: ({ i, j }) => {
    const [a, b] = [Number(i) + 1, Number(j) + 1].sort((x, y) => x - y);
    return text(`第${a}项与第${b}项重复`, `Entries ${a} and ${b} are the same`);
  },
  contains: ({ minContains, maxContains }) =>
    maxContains === undefined
      ? text(`至少需要${n(minContains ?? 1)}项符合要求`, `At least ${n(minContains ?? 1)} of the entries must meet the requirements`)
      : text(
          `符合要求的条目应在${n(minContains)}至${n(maxContains)}项之间`,
          `Between ${n(minContains)} and ${n(maxContains)} of the entries must meet the requirements`,
        ),
  minProperties: ({ limit }) => text(`请至少填写${n(limit)}项`, `Fill in at least ${n(limit)} fields`),
  maxProperties: ({ limit }) => text(`最多填写${n(limit)}项`, `Fill in no more than ${n(limit)} fields`),
  additionalProperties: ({ additionalProperty }) =>
    text(`不应有字段“${n(additionalProperty)}”`, `The field "${n(additionalProperty)}" is not expected here`),
  unevaluatedProperties: ({ unevaluatedProperty }) =>
    text(`不应有字段“${n(unevaluatedProperty)}”`, `The field "${n(unevaluatedProperty)}" is not expected here`),
  propertyNames: ({ propertyName }) =>
    text(`字段名“${n(propertyName)}”无效`, `The field name "${n(propertyName)}" is not allowed`),
  if: () => text('此项不符合适用的条件', 'This does not meet the conditions that apply'),
  anyOf: () => text('此项不符合任何一种允许的填写方式', 'This matches none of the allowed ways to fill it in'),
  oneOf: () => text('此项须恰好符合一种允许的填写方式', 'This must match exactly one of the allowed ways to fill it in'),
  not: () => text('此项的值不被允许', 'This value is not allowed'),
  'false schema': () => text('此处不应填写内容', 'Nothing should be filled in here'),
  discriminator: ({ tag }) => text(`类型标识“${n(tag)}”无效`, `The type marker "${n(tag)}" is not valid`),
  formatMinimum: ({ limit }) => text(`不能早于${n(limit)}`, `Enter ${n(limit)} or later`),
  formatExclusiveMinimum: ({ limit }) => text(`必须晚于${n(limit)}`, `Enter a date after ${n(limit)}`),
  formatMaximum: ({ limit }) => text(`不能晚于${n(limit)}`, `Enter ${n(limit)} or earlier`),
  formatExclusiveMaximum: ({ limit }) => text(`必须早于${n(limit)}`, `Enter a date before ${n(limit)}`),
};

/** For a keyword nothing above knows (a custom keyword): says the value is invalid. */
export const fallbackMessage: Text = text('此项填写有误，请检查', 'This value is not valid; check it');
