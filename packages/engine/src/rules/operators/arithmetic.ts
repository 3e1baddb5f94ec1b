import { text } from '../../text.js';
import { floatOf, numberOf } from '../coerce.js';
import type { EagerOperator } from '../types.js';

/** `{"+": [a, b, …]}`: the sum of the arguments read as numbers (`"3"` → 3); `{"+": "3"}` casts. */
export const plus: EagerOperator = {
  name: '+',
  title: text('加', 'Add'),
  args: { min: 0 },
  apply(values, ctx) {
    let sum = 0;
    for (const v of values) sum += floatOf(v, ctx);
    return sum;
  },
};

/** `{"*": [a, b, …]}`: the product of the arguments read as numbers. */
export const times: EagerOperator = {
  name: '*',
  title: text('乘', 'Multiply'),
  args: { min: 1 },
  apply(values, ctx) {
    if (values.length === 0) return null;
    let product = 1;
    for (const v of values) product *= floatOf(v, ctx);
    return product;
  },
};

/** `{"-": [a, b]}`: a − b; `{"-": [a]}` negates. */
export const minus: EagerOperator = {
  name: '-',
  title: text('减', 'Subtract'),
  args: { min: 1, max: 2 },
  apply(values, ctx) {
    if (values.length === 0) return null;
    if (values.length === 1) return -numberOf(values[0], ctx);
    return numberOf(values[0], ctx) - numberOf(values[1], ctx);
  },
};

/** `{"/": [a, b]}`: a ÷ b (a result of division by zero is `null`). */
export const divide: EagerOperator = {
  name: '/',
  title: text('除', 'Divide'),
  args: { min: 2, max: 2 },
  apply: ([a, b], ctx) => numberOf(a, ctx) / numberOf(b, ctx),
};

/** `{"%": [a, b]}`: the remainder of a ÷ b. */
export const modulo: EagerOperator = {
  name: '%',
  title: text('取余', 'Remainder'),
  args: { min: 2, max: 2 },
  apply: ([a, b], ctx) => numberOf(a, ctx) % numberOf(b, ctx),
};

/** `{"max": [a, b, …]}`: the largest argument read as a number; `null` when there is none. */
export const max: EagerOperator = {
  name: 'max',
  title: text('最大值', 'Maximum'),
  args: { min: 1 },
  apply(values, ctx) {
    ctx.charge(values.length);
    return Math.max(...values.map((v) => numberOf(v, ctx)));
  },
};

/** `{"min": [a, b, …]}`: the smallest argument read as a number; `null` when there is none. */
export const min: EagerOperator = {
  name: 'min',
  title: text('最小值', 'Minimum'),
  args: { min: 1 },
  apply(values, ctx) {
    ctx.charge(values.length);
    return Math.min(...values.map((v) => numberOf(v, ctx)));
  },
};

export const arithmeticOperators = [plus, minus, times, divide, modulo, max, min];
