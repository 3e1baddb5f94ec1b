import type { Json, Rule } from '../json.js';
import { todayOf } from './dates.js';
import { operatorRegistry } from './operators/index.js';
import { DEFAULT_LIMITS, type EvalContext, type EvaluateOptions, type Limits } from './types.js';

/** Thrown inside an evaluation when it runs past its limits; `evaluate` turns it into `null`. */
const LIMIT_EXCEEDED: unique symbol = Symbol('limit exceeded');

/** Results nested deeper than this (e.g. built by a `reduce` that wraps its accumulator) give `null`. */
const MAX_RESULT_DEPTH = 512;

/**
 * Operators follow JavaScript inside an evaluation (`1/0` is Infinity, so `{"==": [{"/": [1, 0]}, null]}`
 * is false, as in json-logic-js); the result handed back is JSON: non-finite numbers become `null`, -0 becomes 0.
 */
function toJson(value: Json, depth: number): Json {
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null; // + 0 turns -0 into 0, as JSON has it
  if (!Array.isArray(value)) return value;
  if (depth > MAX_RESULT_DEPTH) throw LIMIT_EXCEEDED;
  let copy: Json[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const element = value[i]!;
    const json = toJson(element, depth + 1);
    if (!Object.is(json, element) && !copy) copy = value.slice(0, i);
    copy?.push(json);
  }
  return copy ?? value;
}

/**
 * A JSON Logic operation: an object with exactly one key. Other objects are literals.
 * @example isOperation({ var: 'a' }) // true
 */
export function isOperation(rule: unknown): rule is { [op: string]: Rule } {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return false;
  let count = 0;
  for (const key in rule) if (Object.prototype.hasOwnProperty.call(rule, key) && ++count > 1) return false;
  return count === 1;
}

/** The operator name and its arguments (a single argument is wrapped: `{"var": "a"}` → `["a"]`). */
export function operationOf(rule: { [op: string]: Rule }): [string, Rule[]] {
  const op = Object.keys(rule)[0]!;
  const args = rule[op]!;
  return [op, Array.isArray(args) ? args : [args]];
}

/**
 * Evaluates a JSON Logic rule over `data` with the allow-listed interpreter. Never throws on
 * any rule or data: unknown operators give `null`, and so does a rule that runs past its
 * limits (depth, steps, produced length). Results are JSON (`1/0` gives `null`).
 * @example evaluate({ '>=': [{ age: [{ var: 'child.birthDate' }] }, 3] }, { child: { birthDate: '2020-09-01' } }, { now: '2024-05-01' }) // false
 */
export function evaluate(rule: Rule, data: unknown, options: EvaluateOptions = {}): Json {
  const limits = limitsOf(options.limits);
  let steps = 0;
  let depth = 0;
  let today: number | null | undefined;

  const ctx: EvalContext = {
    evaluate: run,
    charge(units) {
      steps += units;
      if (steps > limits.maxSteps) throw LIMIT_EXCEEDED;
    },
    produce(length) {
      if (length > limits.maxLength) throw LIMIT_EXCEEDED;
      ctx.charge(length);
    },
    abort() {
      throw LIMIT_EXCEEDED;
    },
    isActive(item) {
      const active = options.activeItems;
      if (active === undefined) return true;
      return Array.isArray(active) ? active.includes(item) : (active as ReadonlySet<string>).has(item);
    },
    today() {
      if (today === undefined) today = todayOf(options.now, options.utcOffsetMinutes);
      return today;
    },
  };

  function run(node: Rule | undefined, scope: unknown): Json {
    if (++steps > limits.maxSteps || depth >= limits.maxDepth) throw LIMIT_EXCEEDED;
    if (node === null || node === undefined) return null;
    switch (typeof node) {
      case 'string':
      case 'boolean':
        return node;
      case 'number':
        return Number.isFinite(node) ? node : null;
      case 'object':
        break;
      default:
        return null;
    }
    depth++;
    try {
      if (Array.isArray(node)) {
        ctx.produce(node.length);
        return node.map((element) => run(element, scope));
      }
      if (!isOperation(node)) return node;
      const [name, args] = operationOf(node);
      const op = operatorRegistry.get(name);
      if (op === undefined) return null;
      if (op.lazy) return op.evaluate(args, ctx, scope);
      return op.apply(
        args.map((arg) => run(arg, scope)),
        ctx,
        scope,
      );
    } finally {
      depth--;
    }
  }

  try {
    return toJson(run(rule, data), 0);
  } catch (error) {
    // A RangeError is the stack running out under a depth limit set too high: past a limit all the same.
    if (error === LIMIT_EXCEEDED || error instanceof RangeError) return null;
    throw error;
  }
}

/** The caller's limits where they are limits (numbers ≥ 0), the defaults elsewhere. */
function limitsOf(given: Partial<Limits> | undefined): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const key of ['maxDepth', 'maxSteps', 'maxLength'] as const) {
    const value = given?.[key];
    if (typeof value === 'number' && value >= 0) limits[key] = value;
  }
  return limits;
}
