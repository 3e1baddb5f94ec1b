import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

// An 18-character resident ID (GB 11643): keep the first 6 and the last 4.
const RESIDENT_ID = /(?<![0-9A-Za-z])([1-9][0-9]{5})([0-9]{8})([0-9]{3}[0-9Xx])(?![0-9A-Za-z])/g;
// A mainland mobile number, optionally with +86: keep the first 3 and the last 4.
const MOBILE = /(?<![0-9])((?:\+?86[- ]?)?1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])/g;

/**
 * Masks resident ID numbers (first 6 / last 4 kept) and mobile numbers (first 3 / last 4) in a string.
 * @example maskPii('ID 11010519491231002X, tel 13812345678') // 'ID 110105********002X, tel 138****5678'
 */
export function maskPii(text: string): string {
  return text.replace(RESIDENT_ID, (_, a: string, _b: string, c: string) => `${a}********${c}`).replace(MOBILE, (_, a: string, _b: string, c: string) => `${a}****${c}`);
}

/** Masks every string inside a value (objects and arrays walked, depth-limited). */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPii(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value instanceof Error) return { type: value.name, message: maskPii(value.message), stack: value.stack ? maskPii(value.stack) : undefined };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

/**
 * A structured JSON logger (pino) that masks resident IDs and mobile numbers in every
 * field and message. Pass a destination stream in tests to read what was logged.
 * @example const logger = createLogger({ level: 'info' }); logger.info({ applicationId }, 'submitted');
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const config = {
    level: options.level ?? 'info',
    base: { service: 'onething' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { log: (object: Record<string, unknown>) => maskDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskPii(a) : a)));
      },
    },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
