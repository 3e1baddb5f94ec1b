import type { Operator } from '../types.js';
import { arithmeticOperators } from './arithmetic.js';
import { arrayOperators } from './arrays.js';
import { compareOperators } from './compare.js';
import { dataOperators } from './data.js';
import { dateOperators } from './dates.js';
import { itemOperators } from './items.js';
import { logicOperators } from './logic.js';
import { stringOperators } from './strings.js';

/**
 * Every allow-listed operator: JSON Logic's (https://jsonlogic.com/operations.html) except
 * `log`, plus date helpers and `item_active`. Anything else evaluates to `null` and is a lint diagnostic.
 */
export const operators: readonly Operator[] = [
  ...dataOperators,
  ...logicOperators,
  ...compareOperators,
  ...arithmeticOperators,
  ...arrayOperators,
  ...stringOperators,
  ...dateOperators,
  ...itemOperators,
];

/** The operators keyed by name. A `Map`, so names like `__proto__` or `toString` find nothing. */
export const operatorRegistry: ReadonlyMap<string, Operator> = new Map(operators.map((op) => [op.name, op]));
