import { text } from '../../text.js';
import { joinPart, numberOf, stringOf } from '../coerce.js';
import type { EagerOperator } from '../types.js';

/** `{"cat": ["a", 1, null]}`: the arguments joined as text (`null` → ""): `"a1"`. */
export const cat: EagerOperator = {
  name: 'cat',
  title: text('拼接文本', 'Concatenate'),
  args: { min: 0 },
  apply(values, ctx) {
    const parts = values.map((v) => joinPart(v, ctx));
    let length = 0;
    for (const part of parts) length += part.length;
    ctx.produce(length);
    return parts.join('');
  },
};

/** ToIntegerOrInfinity: NaN → 0, fractions truncated toward zero. */
function integerOf(n: number): number {
  return Number.isNaN(n) ? 0 : Math.trunc(n);
}

/**
 * `{"substr": [text, start, length]}`: `start` < 0 counts from the end; `length` < 0 drops
 * that many characters from the end. `{"substr": ["jsonlogic", 4, -2]}` → `"log"`.
 * A missing text (`null`) gives `null`, not the text `"null"` as in json-logic-js: a value
 * computed from a field not filled in yet stays absent.
 */
export const substr: EagerOperator = {
  name: 'substr',
  title: text('截取文本', 'Substring'),
  args: { min: 2, max: 3 },
  apply(values, ctx) {
    if (values[0] === null || values[0] === undefined) return null;
    const source = stringOf(values[0], ctx);
    ctx.charge(source.length);
    let from = integerOf(numberOf(values[1], ctx));
    if (from < 0) from = Math.max(source.length + from, 0);
    const tail = source.slice(Math.min(from, source.length));
    if (values.length < 3) return tail;
    const length = integerOf(numberOf(values[2], ctx));
    return length < 0 ? tail.slice(0, Math.max(tail.length + length, 0)) : tail.slice(0, length);
  },
};

export const stringOperators = [cat, substr];
