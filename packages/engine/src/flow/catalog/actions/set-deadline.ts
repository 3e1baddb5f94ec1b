import { text } from '../../../text.js';
import type { ActionDescriptor } from '../types.js';

/** `setDeadline`: an explicit extra deadline, beside the state limits (`meta.limitDays`). */
export const setDeadlineAction: ActionDescriptor<{ key: string; days: number; calendar?: 'working' | 'calendar'; event: string }> = {
  type: 'setDeadline',
  title: text('设置期限', 'Set deadline'),
  description: text(
    '在 days 个工作日（或自然日）后发送 event；同名 key 的期限被替换。期限与状态无关，需用 clearDeadline 取消',
    'Sends event after days working (or calendar) days; a deadline with the same key is replaced. It is not tied to a state: cancel it with clearDeadline',
  ),
  params: {
    type: 'object',
    properties: {
      key: { type: 'string', pattern: '^[a-z][a-zA-Z0-9-]*$', maxLength: 80 },
      days: { type: 'integer', minimum: 0, maximum: 3650 },
      calendar: { enum: ['working', 'calendar'], default: 'working' },
      event: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
    },
    required: ['key', 'days', 'event'],
    additionalProperties: false,
  },
  example: { key: 'site-inspection', days: 5, calendar: 'working', event: 'INSPECTION_OVERDUE' },
  effects: (args, sink) => {
    const { key, days, calendar, event } = args.params;
    sink.deadline(`${args.scope}:${key}`, days, calendar ?? 'working', event, args.scope === 'bundle' ? undefined : args.scope);
  },
};
