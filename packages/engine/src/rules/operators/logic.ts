import type { Json } from '../../json.js';
import { text } from '../../text.js';
import { truthy } from '../coerce.js';
import type { EagerOperator, LazyOperator } from '../types.js';

function conditional(name: string): LazyOperator {
  return {
    name,
    title: text('条件', 'If / else'),
    args: { min: 0 },
    lazy: true,
    // {"if": [c1, v1, c2, v2, …, else]}: the value after the first truthy condition, else the last odd argument.
    evaluate(args, ctx, data) {
      let i = 0;
      for (; i < args.length - 1; i += 2) {
        if (truthy(ctx.evaluate(args[i], data))) return ctx.evaluate(args[i + 1], data);
      }
      return i === args.length - 1 ? ctx.evaluate(args[i], data) : null;
    },
  };
}

/** `{"if": [cond, then, cond2, then2, else]}` — evaluates only the branch it takes. */
export const ifOperator = conditional('if');
/** `{"?:": [cond, then, else]}` — the ternary spelling of `if`. */
export const ternary = conditional('?:');

/** `{"and": [a, b, …]}`: the first falsy value, else the last; stops at the first falsy one. */
export const and: LazyOperator = {
  name: 'and',
  title: text('并且', 'And'),
  args: { min: 1 },
  lazy: true,
  evaluate(args, ctx, data) {
    let current: Json = null;
    for (const arg of args) {
      current = ctx.evaluate(arg, data);
      if (!truthy(current)) return current;
    }
    return current;
  },
};

/** `{"or": [a, b, …]}`: the first truthy value, else the last; stops at the first truthy one. */
export const or: LazyOperator = {
  name: 'or',
  title: text('或者', 'Or'),
  args: { min: 1 },
  lazy: true,
  evaluate(args, ctx, data) {
    let current: Json = null;
    for (const arg of args) {
      current = ctx.evaluate(arg, data);
      if (truthy(current)) return current;
    }
    return current;
  },
};

/** `{"!": [a]}`: logical not, with JSON Logic truthiness (`[]` is falsy). */
export const not: EagerOperator = {
  name: '!',
  title: text('非', 'Not'),
  args: { min: 1, max: 1 },
  apply: ([a]) => !truthy(a),
};

/** `{"!!": [a]}`: the truthiness of a value as a boolean. */
export const doubleNot: EagerOperator = {
  name: '!!',
  title: text('是否为真', 'Is truthy'),
  args: { min: 1, max: 1 },
  apply: ([a]) => truthy(a),
};

export const logicOperators = [ifOperator, ternary, and, or, not, doubleNot];
