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
const PERMIT_PREFIXES = ['81', '82', '83'];
/** Known first two digits (mainland provinces and permits), as a 100-entry table: no string work per check. */
let knownPrefix: Uint8Array | undefined;

function isKnownPrefix(tens: number, units: number): boolean {
  if (!knownPrefix) {
    knownPrefix = new Uint8Array(100);
    for (let p = 10; p < 100; p++) if (isProvincePrefix(String(p)) || PERMIT_PREFIXES.includes(String(p))) knownPrefix[p] = 1;
  }
  return knownPrefix[tens * 10 + units] === 1;
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The GB 11643 check character of the first 17 digits.
 * @example residentIdCheckChar('11010519491231002') // 'X'
 */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** The day in China last read from the clock (YYYYMMDD, and its span), and how many checks may still skip the clock. */
const today = { value: 0, from: 0, until: 0, unchecked: 0 };
/** How many checks of a date before `today.value` may skip reading the clock. */
const CLOCK_EVERY = 256;

/**
 * Forgets the cached day, so the next check reads the clock. For tests that move the clock
 * backwards (a real clock moving back is noticed within 256 checks). Not exported by the package.
 * @example vi.setSystemTime(new Date('2024-06-01T16:00:00Z')); forgetToday();
 */
export function forgetToday(): void {
  today.value = today.from = today.until = today.unchecked = 0;
}

/** Today's date in China (UTC+8) as the number YYYYMMDD, recomputed once a day: a birth date may not be later. */
function todayInChina(): number {
  const now = Date.now();
  today.unchecked = CLOCK_EVERY;
  if (now < today.from || now >= today.until) {
    const local = now + CHINA_OFFSET_MS;
    const iso = new Date(local).toISOString();
    const from = Math.floor(local / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
    today.value = Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10));
    today.from = from;
    today.until = from + DAY_MS;
  }
  return today.value;
}

/** The number YYYYMMDD when it is a real calendar date from 1900-01-01 to today, else 0. */
function birthDateOf(id: string): number {
  let ymd = 0;
  for (let i = 6; i < 14; i++) ymd = ymd * 10 + (id.charCodeAt(i) - 48);
  const y = Math.floor(ymd / 10_000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  if (y < 1900 || m < 1 || m > 12 || d < 1) return 0;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return 0;
  // A date before the last known today is in the past unless the clock went back: the clock is
  // read again for it only every CLOCK_EVERY checks (a correction is seen within that many).
  if (ymd < today.value && --today.unchecked > 0) return ymd;
  return ymd <= todayInChina() ? ymd : 0;
}

/** The birth date (YYYYMMDD) of a valid number, else 0. The format's hot path: no regex, no allocation. */
function check(id: string): number {
  if (id.length !== 18) return 0;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    sum += digit * WEIGHTS[i]!;
  }
  if (id[17] !== CHECK[sum % 11]) return 0;
  if (!isKnownPrefix(id.charCodeAt(0) - 48, id.charCodeAt(1) - 48)) return 0;
  return birthDateOf(id);
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
  if (typeof id !== 'string' || !check(id)) return undefined;
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: (id.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
    region: id.slice(0, 6),
  };
}

/**
 * `resident-id`: the 18-character resident identity number of GB 11643. The check character
 * `X` is upper-case (a form should upper-case what is typed).
 * @example residentId.validate('11010519491231002X') // true
 */
export const residentId: FormatDescriptor = {
  name: 'resident-id',
  type: 'string',
  validate: (value) => typeof value === 'string' && check(value) !== 0,
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
