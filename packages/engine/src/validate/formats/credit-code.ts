import { text } from '../../text.js';
import type { FormatDescriptor } from './types.js';

/** The 31 characters of GB 32100 (digits and capitals without I, O, Z, S, V); index = value. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of the first 17 characters: 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Character code → value (0–30), -1 outside the charset. */
const VALUE = new Int8Array(128).fill(-1);
for (let v = 0; v < CHARSET.length; v++) VALUE[CHARSET.charCodeAt(v)] = v;

function valueAt(code: string, i: number): number {
  const c = code.charCodeAt(i);
  return c < 128 ? VALUE[c]! : -1;
}

/**
 * Registration authority, organisation type, 6-digit division code (characters 3–8),
 * 9-character organisation code, check character.
 */
function isCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = valueAt(code, i);
    if (v < 0 || (i >= 2 && i < 8 && v > 9)) return false;
    sum += v * WEIGHTS[i]!;
  }
  return valueAt(code, 17) === (31 - (sum % 31)) % 31;
}

/**
 * The GB 32100 check character of the first 17 characters of a unified social credit code.
 * @example creditCodeCheckChar('91350100M000100Y4') // '3'
 */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += valueAt(first17, i) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * `credit-code`: the 18-character unified social credit code (统一社会信用代码, GB 32100) of
 * an enterprise or organisation, with its mod-31 check character.
 * @example creditCode.validate('91350100M000100Y43') // true
 */
export const creditCode: FormatDescriptor = {
  name: 'credit-code',
  type: 'string',
  validate: (value) => typeof value === 'string' && isCreditCode(value),
  title: text('统一社会信用代码', 'Unified social credit code'),
  description: text(
    '18位统一社会信用代码（GB 32100）：由数字和除 I、O、Z、S、V 以外的大写字母组成，第3至8位为行政区划码，末位校验码正确。',
    '18-character unified social credit code (GB 32100): digits and capital letters except I, O, Z, S and V, characters 3–8 a division code, and a correct final check character.',
  ),
  message: text('请输入有效的18位统一社会信用代码', 'Enter a valid 18-character unified social credit code'),
  inputMode: 'text',
  maxLength: 18,
  examples: {
    valid: ['91350100M000100Y43', '91440300MA5DC1WL0R', '12100000400000624D'],
    invalid: ['91350100M000100Y44', '91350100M000100I43', '91350100m000100y43', '91350100M000100Y4'],
  },
};
