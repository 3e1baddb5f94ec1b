import { defineCode } from '../define.js';
import type { DiagnosticCode } from '../types.js';
import { text } from '../../text.js';

export const ruleUnknownOperator = defineCode<{ operator: string }>(
  'rule-unknown-operator',
  'error',
  text('规则使用未知运算符', 'Rule uses an unknown operator'),
  ({ operator }) =>
    text(
      `运算符“${operator}”不在允许列表中，运行时结果为 null`,
      `Operator "${operator}" is not on the allow-list; at run time it evaluates to null`,
    ),
);

export const ruleArity = defineCode<{ operator: string; count: number; expected: string }>(
  'rule-arity',
  'error',
  text('运算符参数个数不对', 'Wrong number of operator arguments'),
  ({ operator, count, expected }) =>
    text(`“${operator}”需要 ${expected} 个参数，实际为 ${count} 个`, `"${operator}" takes ${expected} arguments, not ${count}`),
);

export const ruleTooDeep = defineCode<{ limit: number }>(
  'rule-too-deep',
  'error',
  text('规则嵌套过深', 'Rule nested too deeply'),
  ({ limit }) =>
    text(`规则嵌套超过 ${limit} 层，运行时结果为 null`, `The rule nests more than ${limit} levels deep; at run time it evaluates to null`),
);

export const ruleTooLarge = defineCode<{ nodes: number; limit: number }>(
  'rule-too-large',
  'error',
  text('规则过大', 'Rule too large'),
  ({ nodes, limit }) => text(`规则有 ${nodes} 个节点，超过上限 ${limit}`, `The rule has ${nodes} nodes, over the limit of ${limit}`),
);

export const ruleDynamicRead = defineCode(
  'rule-dynamic-read',
  'warning',
  text('规则读取的路径在运行时才确定', 'Rule reads a path computed at run time'),
  () =>
    text(
      '此处读取的字段路径由数据计算得出（或读取整个数据），无法静态分析依赖：每次修改都会重新计算此规则，且组合时无法改写其路径',
      'The field path read here is computed from data (or is the whole data), so its dependencies cannot be analysed: the rule is re-evaluated on every change, and composition cannot rewrite its path',
    ),
);

/** Diagnostic codes of JSON Logic rules. Each needs a page docs/errors/<code>.md. */
export const ruleCodes: DiagnosticCode<any>[] = [ruleUnknownOperator, ruleArity, ruleTooDeep, ruleTooLarge, ruleDynamicRead];
