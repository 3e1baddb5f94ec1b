import type { LintRule } from './types.js';
import type { Rule } from '../json.js';
import { ruleArity, ruleDynamicRead, ruleTooDeep, ruleTooLarge, ruleUnknownOperator } from '../diagnostics/codes/rules.js';
import { lintRule } from '../rules/check.js';
import { text } from '../text.js';
import { rulesOf } from './definitions.js';

/**
 * Every JSON Logic rule of a definition is one the interpreter runs as written: known
 * operators, right argument counts, within the size and depth limits, literal paths
 * (the checks are the rules module's `lintRule`).
 */
export const ruleSyntaxRule: LintRule = {
  id: 'rule-syntax',
  description: text('规则只用允许的运算符，参数个数正确，且不超过大小限制', 'Rules use allowed operators with the right arguments, within the size limits'),
  codes: [ruleUnknownOperator, ruleArity, ruleTooDeep, ruleTooLarge, ruleDynamicRead],
  check(registry) {
    return rulesOf(registry).flatMap(({ rule, file, pointer }) => lintRule(rule as Rule, { file, pointer }));
  },
};
