import type { Json, Rule } from '../../json.js';
import { text, type Text } from '../../text.js';
import { stringOf, truthy } from '../coerce.js';
import type { EagerOperator, EvalContext, LazyOperator } from '../types.js';

/** Evaluates the first argument; scoped operators iterate over it only when it is an array. */
function source(args: Rule[], ctx: EvalContext, data: unknown): Json[] | undefined {
  const list = ctx.evaluate(args[0], data);
  if (!Array.isArray(list)) return undefined;
  ctx.charge(list.length);
  return list;
}

/** `{"map": [array, rule]}`: the rule applied to each element (the element is its data). */
export const map: LazyOperator = {
  name: 'map',
  title: text('逐项映射', 'Map'),
  args: { min: 2, max: 2 },
  scoped: 1,
  lazy: true,
  evaluate(args, ctx, data) {
    const list = source(args, ctx, data);
    if (!list) return [];
    ctx.produce(list.length);
    return list.map((element) => ctx.evaluate(args[1], element));
  },
};

/** `{"filter": [array, rule]}`: the elements for which the rule is truthy. */
export const filter: LazyOperator = {
  name: 'filter',
  title: text('筛选', 'Filter'),
  args: { min: 2, max: 2 },
  scoped: 1,
  lazy: true,
  evaluate(args, ctx, data) {
    const list = source(args, ctx, data);
    if (!list) return [];
    return list.filter((element) => truthy(ctx.evaluate(args[1], element)));
  },
};

/**
 * `{"reduce": [array, rule, initial]}`: folds the array; the rule reads `current` and
 * `accumulator`. A non-array gives the initial value.
 */
export const reduce: LazyOperator = {
  name: 'reduce',
  title: text('归约', 'Reduce'),
  args: { min: 2, max: 3 },
  scoped: 1,
  lazy: true,
  evaluate(args, ctx, data) {
    const list = source(args, ctx, data);
    let accumulator: Json = args[2] === undefined ? null : ctx.evaluate(args[2], data);
    if (!list) return accumulator;
    for (const current of list) accumulator = ctx.evaluate(args[1], { current, accumulator });
    return accumulator;
  },
};

/**
 * A quantifier: `empty` for a missing or empty array; otherwise stops with `result` at the first
 * element whose rule truthiness equals `stopWhen`, and gives `!result` when none does.
 */
function quantifier(name: string, title: Text, empty: boolean, stopWhen: boolean, result: boolean): LazyOperator {
  return {
    name,
    title,
    args: { min: 2, max: 2 },
    scoped: 1,
    lazy: true,
    evaluate(args, ctx, data) {
      const list = source(args, ctx, data);
      if (!list || list.length === 0) return empty;
      for (const element of list) {
        if (truthy(ctx.evaluate(args[1], element)) === stopWhen) return result;
      }
      return !result;
    },
  };
}

/** `{"all": [array, rule]}`: true when the rule holds for every element; false for an empty array. */
export const all = quantifier('all', text('全部满足', 'All'), false, false, false);
/** `{"none": [array, rule]}`: true when the rule holds for no element; true for an empty array. */
export const none = quantifier('none', text('均不满足', 'None'), true, true, false);
/** `{"some": [array, rule]}`: true when the rule holds for at least one element. */
export const some = quantifier('some', text('部分满足', 'Some'), false, true, true);

/** `{"merge": [a, [b, c], d]}`: one flat array (arrays are flattened one level). */
export const merge: EagerOperator = {
  name: 'merge',
  title: text('合并数组', 'Merge arrays'),
  args: { min: 0 },
  apply(values, ctx) {
    let length = 0;
    for (const v of values) length += Array.isArray(v) ? v.length : 1;
    ctx.produce(length);
    const out: Json[] = [];
    for (const v of values) {
      if (Array.isArray(v)) for (const element of v) out.push(element);
      else out.push(v);
    }
    return out;
  },
};

/**
 * `{"in": [a, list]}`: whether `list` (an array) contains `a`, or `list` (a string) contains the
 * text `a`. A missing `a` (`null`) is in no string (json-logic-js finds the text "null" in "nullable").
 */
export const inOperator: EagerOperator = {
  name: 'in',
  title: text('包含于', 'Is in'),
  args: { min: 2, max: 2 },
  apply([needle, haystack], ctx) {
    // As in json-logic-js, an empty string contains nothing (not even "").
    if (typeof haystack === 'string' && haystack !== '') {
      if (needle === null || needle === undefined) return false;
      ctx.charge(haystack.length);
      return haystack.includes(stringOf(needle, ctx));
    }
    if (!Array.isArray(haystack)) return false;
    ctx.charge(haystack.length);
    return haystack.some((element) => element === (needle ?? null));
  },
};

export const arrayOperators = [map, filter, reduce, all, none, some, merge, inOperator];
