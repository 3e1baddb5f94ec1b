import type { Json, Rule } from '../json.js';
import type { Text } from '../text.js';

/**
 * Bounds on the work one evaluation may do. A rule that exceeds them evaluates to `null`;
 * nothing a definition or user data contains can make evaluation hang or exhaust memory.
 */
export interface Limits {
  /** Deepest nesting of operators (scoped rules of `map`, `reduce`… count as one level more). */
  maxDepth: number;
  /** Work units: one per operator or literal evaluated, one per array element or character produced or scanned. */
  maxSteps: number;
  /** Longest string or array an operator may produce. */
  maxLength: number;
}

/** The limits `evaluate` applies unless told otherwise. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({ maxDepth: 64, maxSteps: 100_000, maxLength: 100_000 });

/** Options of one evaluation. */
export interface EvaluateOptions {
  /**
   * The current moment, passed in by the caller: the engine never reads the clock. A date
   * (`2024-05-01`), an RFC 3339 date-time (its calendar date as written is used) or a `Date`
   * (its calendar date at `utcOffsetMinutes`). Without it, `today` and `age` without an
   * explicit reference date evaluate to `null`.
   */
  now?: string | Date;
  /** Offset used to take the calendar date of a `Date` given as `now`; default 480 (China Standard Time). */
  utcOffsetMinutes?: number;
  limits?: Partial<Limits>;
  /** The bundle's active items, for `item_active`; absent: every item counts as active. */
  activeItems?: ReadonlySet<string> | readonly string[];
}

/** What an operator can ask of the interpreter while it runs. */
export interface EvalContext {
  /** Evaluates a sub-rule against `data` one level deeper. */
  evaluate(rule: Rule | undefined, data: unknown): Json;
  /** Counts `units` of work against the step budget; aborts the evaluation when it is spent. */
  charge(units: number): void;
  /** Aborts the evaluation when `length` exceeds `maxLength`, else charges it. */
  produce(length: number): void;
  /** Aborts the evaluation (it yields `null`), e.g. on data nested too deeply to coerce. */
  abort(): never;
  /** Today's date as days since 1970-01-01, or `null` when the caller gave no `now`. */
  today(): number | null;
  /** Whether a bundle item is active (`EvaluateOptions.activeItems`; true for all when absent). */
  isActive(item: string): boolean;
}

interface OperatorBase {
  /** The operator name as written in a rule: `{ "<name>": args }`. */
  name: string;
  title: Text;
  /** Accepted number of arguments, for the linter. */
  args: { min: number; max?: number };
  /**
   * Index of an argument that is a rule evaluated once per array element with that element
   * (or `{current, accumulator}` for `reduce`) as its data: its `var`s do not read form data.
   */
  scoped?: number;
}

/** An operator whose arguments are evaluated first (depth first), then handed over as values. */
export interface EagerOperator extends OperatorBase {
  lazy?: false;
  apply(values: Json[], ctx: EvalContext, data: unknown): Json;
}

/** An operator that decides itself which of its arguments to evaluate (`if`, `and`, `map`…). */
export interface LazyOperator extends OperatorBase {
  lazy: true;
  evaluate(args: Rule[], ctx: EvalContext, data: unknown): Json;
}

/**
 * The descriptor of one allow-listed JSON Logic operator. Operators live one file (or small
 * group) each in `./operators/` and are listed by the `operators` array; the designer lists them.
 */
export type Operator = EagerOperator | LazyOperator;
