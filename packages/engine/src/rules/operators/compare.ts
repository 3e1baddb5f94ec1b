import { text } from '../../text.js';
import { lessThan, looseEquals } from '../coerce.js';
import type { EagerOperator } from '../types.js';

/** `{"==": [a, b]}`: JavaScript loose equality (`1 == "1"`), on JSON values. */
export const equals: EagerOperator = {
  name: '==',
  title: text('等于', 'Equals'),
  args: { min: 2, max: 2 },
  apply: ([a, b], ctx) => looseEquals(a, b, ctx),
};

/** `{"===": [a, b]}`: strict equality (same type and value; arrays only when identical). */
export const strictEquals: EagerOperator = {
  name: '===',
  title: text('严格等于', 'Strictly equals'),
  args: { min: 2, max: 2 },
  apply: ([a, b]) => (a ?? null) === (b ?? null),
};

/** `{"!=": [a, b]}`: not loosely equal. */
export const notEquals: EagerOperator = {
  name: '!=',
  title: text('不等于', 'Does not equal'),
  args: { min: 2, max: 2 },
  apply: ([a, b], ctx) => !looseEquals(a, b, ctx),
};

/** `{"!==": [a, b]}`: not strictly equal. */
export const strictNotEquals: EagerOperator = {
  name: '!==',
  title: text('严格不等于', 'Strictly does not equal'),
  args: { min: 2, max: 2 },
  apply: ([a, b]) => (a ?? null) !== (b ?? null),
};

/** `{">": [a, b]}` */
export const greater: EagerOperator = {
  name: '>',
  title: text('大于', 'Greater than'),
  args: { min: 2, max: 2 },
  apply: ([a, b], ctx) => lessThan(b, a, ctx, false),
};

/** `{">=": [a, b]}` */
export const greaterOrEqual: EagerOperator = {
  name: '>=',
  title: text('大于等于', 'Greater than or equal'),
  args: { min: 2, max: 2 },
  apply: ([a, b], ctx) => lessThan(b, a, ctx, true),
};

/** `{"<": [a, b]}`, or between exclusive: `{"<": [1, x, 10]}` is 1 < x < 10. */
export const less: EagerOperator = {
  name: '<',
  title: text('小于', 'Less than'),
  args: { min: 2, max: 3 },
  apply: (v, ctx) => lessThan(v[0], v[1], ctx, false) && (v.length < 3 || lessThan(v[1], v[2], ctx, false)),
};

/** `{"<=": [a, b]}`, or between inclusive: `{"<=": [1, x, 10]}` is 1 ≤ x ≤ 10. */
export const lessOrEqual: EagerOperator = {
  name: '<=',
  title: text('小于等于', 'Less than or equal'),
  args: { min: 2, max: 3 },
  apply: (v, ctx) => lessThan(v[0], v[1], ctx, true) && (v.length < 3 || lessThan(v[1], v[2], ctx, true)),
};

export const compareOperators = [equals, strictEquals, notEquals, strictNotEquals, greater, greaterOrEqual, less, lessOrEqual];
