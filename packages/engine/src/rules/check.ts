import type { Rule } from '../json.js';
import { pointer as joinPointer, report, type At } from '../diagnostics/define.js';
import { ruleArity, ruleDynamicRead, ruleTooDeep, ruleTooLarge, ruleUnknownOperator } from '../diagnostics/codes/rules.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { isOperation, operationOf } from './evaluate.js';
import { operatorRegistry } from './operators/index.js';
import { DEFAULT_LIMITS } from './types.js';

/** Rules with more nodes than this are rejected by the linter. */
export const MAX_RULE_NODES = 2_000;

/**
 * Checks one JSON Logic rule found in a definition: unknown operators, argument counts,
 * nesting and size limits, and paths computed at run time. `at` is where the rule is
 * (its file and JSON pointer); each diagnostic points into it.
 * @example lintRule({ log: 1 }, { file: 'items/a.json', pointer: '/ui/rules/x/visible' }) // [rule-unknown-operator at …/visible/log]
 */
export function lintRule(rule: Rule, at: At): Diagnostic[] {
  const found: Diagnostic[] = [];
  let nodes = 0;
  let tooDeep = false;
  const here = (tokens: Array<string | number>) => ({ ...at, pointer: at.pointer + joinPointer(...tokens) });

  const visit = (node: Rule, tokens: Array<string | number>, depth: number, scoped: boolean): void => {
    nodes++;
    if (typeof node !== 'object' || node === null) return;
    if (depth >= DEFAULT_LIMITS.maxDepth) {
      if (!tooDeep) found.push(report(ruleTooDeep, here(tokens), { limit: DEFAULT_LIMITS.maxDepth }));
      tooDeep = true;
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((element, i) => visit(element, [...tokens, i], depth + 1, scoped));
      return;
    }
    if (!isOperation(node)) return;
    const [name, args] = operationOf(node);
    const op = operatorRegistry.get(name);
    const argTokens = (i: number) => (Array.isArray(node[name]) ? [...tokens, name, i] : [...tokens, name]);
    if (!op) {
      found.push(report(ruleUnknownOperator, here([...tokens, name]), { operator: name }));
    } else {
      const { min, max } = op.args;
      if (args.length < min || (max !== undefined && args.length > max)) {
        const expected = max === undefined ? `≥ ${min}` : min === max ? String(min) : `${min}–${max}`;
        found.push(report(ruleArity, here([...tokens, name]), { operator: name, count: args.length, expected }));
      }
      const path = args[0];
      const literal = (typeof path === 'string' && path !== '') || typeof path === 'number';
      // Inside a scoped rule `var` reads the element (`{"var": ""}` is the element itself): no data path.
      if (name === 'var' && !literal && !scoped) found.push(report(ruleDynamicRead, here([...tokens, name]), {}));
    }
    args.forEach((arg, i) => visit(arg, argTokens(i), depth + 1, scoped || i === op?.scoped));
  };

  visit(rule, [], 0, false);
  if (nodes > MAX_RULE_NODES) found.push(report(ruleTooLarge, at, { nodes, limit: MAX_RULE_NODES }));
  return found;
}
