import { text } from '../../../text.js';
import { evaluate, truthy } from '../../../rules/index.js';
import type { Rule } from '../../../json.js';
import type { GuardDescriptor } from '../types.js';

/** `rule`: a JSON Logic condition over `{ data, answers, context, event }`. Compose with `and`/`or`/`!` inside the rule. */
export const ruleGuard: GuardDescriptor<{ rule: Rule }> = {
  type: 'rule',
  title: text('规则条件', 'Rule'),
  description: text(
    'JSON Logic 条件，可读取事项数据 data、情形回答 answers、流程上下文 context 和事件 event；组合条件请在规则内用 and / or / !',
    'A JSON Logic condition over the item data (data), the guidance answers (answers), the chart context (context) and the event (event); combine conditions inside the rule with and / or / !',
  ),
  params: {
    type: 'object',
    properties: { rule: { description: 'A JSON Logic rule; truthy means the transition may be taken.' } },
    required: ['rule'],
    additionalProperties: false,
  },
  example: { rule: { '==': [{ var: 'event.decision' }, 'approve'] } },
  test: (args) => truthy(evaluate(args.params.rule, args.rules(), args.evaluateOptions())),
};
