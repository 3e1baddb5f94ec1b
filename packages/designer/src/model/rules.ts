import type { Json, JsonSchema, Locale, Text } from '@onething/engine';

/** One condition of the rule builder: a guidance question compared with a value. */
export interface Condition {
  question: string;
  op: 'is' | 'isNot';
  value: Json;
}

/**
 * What the rule builder edits: no rule (always applies), a list of conditions joined by
 * "all of" / "any of", or a raw JSON Logic rule for everything else.
 */
export type BuiltRule =
  | { mode: 'always' }
  | { mode: 'conditions'; combine: 'all' | 'any'; conditions: Condition[] }
  | { mode: 'raw'; rule: Json };

const OPS = { '===': 'is', '!==': 'isNot' } as const;

function condition(rule: Json): Condition | undefined {
  if (!isObject(rule)) return undefined;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return undefined;
  const op = OPS[keys[0] as keyof typeof OPS];
  const args = rule[keys[0]!];
  if (!op || !Array.isArray(args) || args.length !== 2) return undefined;
  const [left, right] = args;
  if (!isObject(left) || Object.keys(left).length !== 1 || typeof left['var'] !== 'string') return undefined;
  if (right !== null && typeof right === 'object') return undefined;
  return { question: left['var'], op, value: right as Json };
}

/**
 * Reads a bundle entry's `when` rule into the builder's form; rules the builder cannot show
 * (other operators, nesting) come back as `raw`.
 * @example parseRule({ '===': [{ var: 'settleInHubei' }, true] }) // { mode: 'conditions', combine: 'all', conditions: [{ question: 'settleInHubei', op: 'is', value: true }] }
 */
export function parseRule(rule: Json | undefined): BuiltRule {
  if (rule === undefined) return { mode: 'always' };
  const single = condition(rule);
  if (single) return { mode: 'conditions', combine: 'all', conditions: [single] };
  if (isObject(rule) && Object.keys(rule).length === 1) {
    const key = Object.keys(rule)[0]!;
    const args = rule[key];
    if ((key === 'and' || key === 'or') && Array.isArray(args) && args.length > 0) {
      const conditions = args.map(condition);
      if (conditions.every((c): c is Condition => c !== undefined)) return { mode: 'conditions', combine: key === 'and' ? 'all' : 'any', conditions };
    }
  }
  return { mode: 'raw', rule };
}

/**
 * Writes the builder's form back as JSON Logic (`undefined`: the item always applies).
 * @example buildRule({ mode: 'conditions', combine: 'any', conditions: [a, b] }) // { or: [ruleOf(a), ruleOf(b)] }
 */
export function buildRule(built: BuiltRule): Json | undefined {
  if (built.mode === 'always') return undefined;
  if (built.mode === 'raw') return built.rule;
  const rules = built.conditions.map((c) => ({ [c.op === 'is' ? '===' : '!==']: [{ var: c.question }, c.value] }) as Json);
  if (rules.length === 0) return undefined;
  if (rules.length === 1) return rules[0];
  return { [built.combine === 'all' ? 'and' : 'or']: rules };
}

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A rule in words over the guidance questions' titles, for read-only views; rules the builder
 * cannot show come back as their JSON.
 * @example describeRule({ '===': [{ var: 'settleInHubei' }, true] }, questions, 'en') // 'Will the baby be registered in Hubei? is Yes'
 */
export function describeRule(rule: Json | undefined, questions: JsonSchema | undefined, locale: Locale): string {
  const built = parseRule(rule);
  const en = locale === 'en';
  if (built.mode === 'always') return en ? 'Always' : '始终办理';
  if (built.mode === 'raw') return JSON.stringify(built.rule);
  const props = (questions?.properties ?? {}) as Record<string, { 'x-title'?: Text; 'x-enumTitles'?: Record<string, Text> }>;
  const value = (q: string, v: Json) => {
    if (v === true) return en ? 'Yes' : '是';
    if (v === false) return en ? 'No' : '否';
    return typeof v === 'string' ? (props[q]?.['x-enumTitles']?.[v]?.[locale] ?? v) : JSON.stringify(v);
  };
  const parts = built.conditions.map((c) => `${props[c.question]?.['x-title']?.[locale] ?? c.question} ${c.op === 'is' ? (en ? 'is' : '为') : en ? 'is not' : '不为'} ${value(c.question, c.value)}`);
  return parts.join(built.combine === 'all' ? (en ? '; and ' : '；并且 ') : en ? '; or ' : '；或者 ');
}
