import { text } from '../../../text.js';
import { evaluate } from '../../../rules/index.js';
import type { Rule } from '../../../json.js';
import { setPath } from '../../data.js';
import { withItem } from '../../context.js';
import type { ActionDescriptor } from '../types.js';

/** `assign`: stores the value of a rule at a path of the item chart's context. */
export const assignAction: ActionDescriptor<{ path: string; value: Rule }> = {
  type: 'assign',
  title: text('写入上下文', 'Assign'),
  description: text(
    '计算 value 规则，把结果写入本事项流程上下文的 path（如 inspection.passed）；之后的条件可用 context.{path} 读取',
    'Evaluates the value rule and stores the result at path of the item chart context (e.g. inspection.passed); later rules read it as context.{path}',
  ),
  params: {
    type: 'object',
    properties: {
      path: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*$', maxLength: 256 },
      value: { description: 'A JSON Logic rule (a literal is a rule too).' },
    },
    required: ['path', 'value'],
    additionalProperties: false,
  },
  example: { path: 'inspection.passed', value: { var: 'event.passed' } },
  assign: (args) => {
    const item = args.context.items[args.scope];
    if (!item) return args.context;
    const value = evaluate(args.params.value, args.rules(), args.evaluateOptions());
    return withItem(args.context, args.scope, { context: setPath(item.context, args.params.path, value) });
  },
};
