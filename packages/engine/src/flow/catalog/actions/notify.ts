import { text } from '../../../text.js';
import { evaluate } from '../../../rules/index.js';
import type { Json, Rule } from '../../../json.js';
import { departmentOf, resolveRole } from '../../roles.js';
import type { ActionDescriptor } from '../types.js';

/** `notify`: asks the server to send a notification (an outbox effect). */
export const notifyAction: ActionDescriptor<{ to: string; template: string; params?: { [key: string]: Rule } }> = {
  type: 'notify',
  title: text('发送通知', 'Notify'),
  description: text(
    '请服务端向某一角色发送通知：to 为 applicant、clerk、reviewer（本事项部门）、reviewer:{部门} 或 admin；template 为消息模板名；params 中每个值是一条规则',
    'Asks the server to notify a role: to is applicant, clerk, reviewer (the item department), reviewer:{department} or admin; template names a message template; each value in params is a rule',
  ),
  params: {
    type: 'object',
    properties: {
      to: { type: 'string', pattern: '^(applicant|clerk|reviewer|admin)(:[a-z][a-z0-9-]*)?$' },
      template: { type: 'string', pattern: '^[a-z][a-z0-9]*([.-][a-z0-9]+)*$', maxLength: 80 },
      params: { type: 'object', maxProperties: 20 },
    },
    required: ['to', 'template'],
    additionalProperties: false,
  },
  example: { to: 'applicant', template: 'birth-cert.ready', params: { pickup: { var: 'context.pickupAddress' } } },
  effects: (args, sink) => {
    const params: { [key: string]: Json } = {};
    for (const [key, rule] of Object.entries(args.params.params ?? {})) params[key] = evaluate(rule, args.rules(), args.evaluateOptions());
    const to = resolveRole(args.params.to, departmentOf(args.flow, args.scope));
    sink.notify({ to, template: args.params.template, params, ...(args.scope === 'bundle' ? {} : { item: args.scope }) });
  },
};
