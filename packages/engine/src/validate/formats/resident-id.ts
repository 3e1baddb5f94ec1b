import { text } from '../../text.js';
import { isProvincePrefix } from '../divisions/codes.js';
import type { FormatDescriptor } from './types.js';

/** ISO 7064 MOD 11-2 weights of the first 17 characters (2^(17-i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/**
 * Prefixes of the residence permits for Hong Kong (81), Macao (82) and Taiwan (83) residents,
 * which follow GB 11643 (港澳台居民居住证申领发放办法, 2018); they are not in the mainland list.
 */
const PERMIT_PREFIXES = new Set(['81', '82', '83']);
const SHAPE = /^\d{17}[\dX]$/;

/**
 * The GB 11643 check character of the first 17 digits.
 * @example residentIdCheckChar('11010519491231002') // 'X'
 */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Today's date in China (UTC+8), as YYYY-MM-DD: a birth date may not be later. */
function todayInChina(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** YYYYMMDD → YYYY-MM-DD when it is a real calendar date from 1900-01-01 to today. */
function birthDateOf(yyyymmdd: string): string | undefined {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  if (d > days) return undefined;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return iso <= todayInChina() ? iso : undefined;
}

/** What a resident ID number tells: the form fills birth date and sex from it. */
export interface ResidentIdInfo {
  /** YYYY-MM-DD. */
  birthDate: string;
  /** From the 17th digit: odd for men, even for women. */
  sex: 'male' | 'female';
  /** The 6-digit division code of the place of first registration (may be a since-abolished code). */
  region: string;
}

/**
 * Reads a valid 18-character resident ID number (GB 11643); undefined when it is not valid
 * (shape, MOD 11-2 check character, real birth date from 1900 to today, known province).
 * @example parseResidentId('11010519491231002X') // { birthDate: '1949-12-31', sex: 'female', region: '110105' }
 */
export function parseResidentId(id: string): ResidentIdInfo | undefined {
  if (!SHAPE.test(id)) return undefined;
  if (residentIdCheckChar(id) !== id[17]) return undefined;
  const prefix = id.slice(0, 2);
  if (!isProvincePrefix(prefix) && !PERMIT_PREFIXES.has(prefix)) return undefined;
  const birthDate = birthDateOf(id.slice(6, 14));
  if (!birthDate) return undefined;
  return { birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female', region: id.slice(0, 6) };
}

/**
 * `resident-id`: the 18-character resident identity number of GB 11643. The check character
 * `X` is upper-case (a form should upper-case what is typed).
 * @example residentId.validate('11010519491231002X') // true
 */
export const residentId: FormatDescriptor = {
  name: 'resident-id',
  type: 'string',
  validate: (value) => parseResidentId(value) !== undefined,
  title: text('居民身份证号码', 'Resident ID number'),
  description: text(
    '18位公民身份号码（GB 11643）：校验码正确、出生日期真实且不晚于今天、省级行政区划代码存在；末位X须大写。',
    '18-character citizen identity number (GB 11643): the check character is right, the birth date is a real date no later than today, and the province code exists; a final X must be upper-case.',
  ),
  message: text('请输入有效的18位居民身份证号码', 'Enter a valid 18-character resident ID number'),
  inputMode: 'text',
  maxLength: 18,
  examples: {
    valid: ['11010519491231002X', '440305199003071236', '320106200002290019'],
    invalid: ['110105194912310021', '11010519491231002x', '110105202302300016', '990105194912310023', '1101051949123100'],
  },
};
