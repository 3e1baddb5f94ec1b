import { text } from '../../text.js';
import type { FormatDescriptor } from './types.js';

const SHAPE = /^1[3-9]\d{9}$/;

/**
 * `mobile`: a mainland China mobile number — 11 digits starting 13–19, without `+86` or spaces.
 * @example mobile.validate('13800138000') // true
 */
export const mobile: FormatDescriptor = {
  name: 'mobile',
  type: 'string',
  validate: (value) => typeof value === 'string' && SHAPE.test(value),
  title: text('手机号码', 'Mobile number'),
  description: text(
    '中国大陆11位手机号码，以13至19开头，不含 +86、空格或连字符。',
    'Mainland China mobile number: 11 digits starting with 13 to 19, without +86, spaces or hyphens.',
  ),
  message: text('请输入有效的11位手机号码', 'Enter a valid 11-digit mobile number'),
  inputMode: 'tel',
  maxLength: 11,
  examples: {
    valid: ['13800138000', '19912345678', '16612345678'],
    invalid: ['12800138000', '1380013800', '+8613800138000', '138-0013-8000'],
  },
};
