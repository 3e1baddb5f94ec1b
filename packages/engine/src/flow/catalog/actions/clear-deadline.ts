import { text } from '../../../text.js';
import type { ActionDescriptor } from '../types.js';

/** `clearDeadline`: cancels a deadline set by `setDeadline`. */
export const clearDeadlineAction: ActionDescriptor<{ key: string }> = {
  type: 'clearDeadline',
  title: text('取消期限', 'Clear deadline'),
  description: text('取消由 setDeadline 设置的同名期限；不存在时不做任何事', 'Cancels the deadline setDeadline set under key; does nothing when there is none'),
  params: {
    type: 'object',
    properties: { key: { type: 'string', pattern: '^[a-z][a-zA-Z0-9-]*$', maxLength: 80 } },
    required: ['key'],
    additionalProperties: false,
  },
  example: { key: 'site-inspection' },
  effects: (args, sink) => sink.cancel(`${args.scope}:${args.params.key}`),
};
