import type { Locale } from '@onething/engine';

/** Staff work in China Standard Time, whatever the browser's zone; deadlines are counted in it too. */
const ZONE = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function parts(iso: string): Record<string, string> {
  return Object.fromEntries(dateTimeFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/**
 * An instant as a dense, unambiguous local date and time (China Standard Time).
 * @example formatDateTime('2025-03-03T01:30:00.000Z') // '2025-03-03 09:30'
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '—';
  const p = parts(iso);
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`;
}

/**
 * The local date of an instant (China Standard Time).
 * @example formatDate('2025-03-05T16:00:00.000Z') // '2025-03-06'
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '—';
  const p = parts(iso);
  return `${p['year']}-${p['month']}-${p['day']}`;
}

/**
 * The last day of a limit whose deadline is `due` (the local midnight after it).
 * @example lastDay('2025-03-05T16:00:00.000Z') // '2025-03-05'
 */
export function lastDay(due: string): string {
  return formatDate(new Date(Date.parse(due) - 1).toISOString());
}

/**
 * A file size for people: bytes, KB or MB.
 * @example formatSize(2_400_000, 'en') // '2.3 MB'
 */
export function formatSize(bytes: number, locale: Locale): string {
  if (bytes < 1024) return locale === 'en' ? `${bytes} bytes` : `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The application number staff read and say aloud: the first 8 characters of its id, upper case.
 * @example shortNumber('3f2a9c1b-0d1e-4c3b-9f00-123456789abc') // '3F2A9C1B'
 */
export function shortNumber(id: string): string {
  return id.replace(/-/g, '').slice(0, 8).toUpperCase();
}
