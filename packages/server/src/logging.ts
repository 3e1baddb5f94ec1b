import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

// An 18-character resident ID (GB 11643): keep the first 6 and the last 4.
const RESIDENT_ID = /(?<![0-9A-Za-z])([1-9][0-9]{5})([0-9]{8})([0-9]{3}[0-9Xx])(?![0-9A-Za-z])/g;
// A mainland mobile number, optionally with +86: keep the first 3 and the last 4.
const MOBILE = /(?<![0-9])((?:\+?86[- ]?)?1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])/g;
const ELEVEN_DIGITS = /[0-9]{11}/;

/**
 * Masks resident ID numbers (first 6 / last 4 kept) and mobile numbers (first 3 / last 4) in a string.
 * @example maskPii('ID 11010519491231002X, tel 13812345678') // 'ID 110105********002X, tel 138****5678'
 */
export function maskPii(text: string): string {
  // Both patterns contain 11 digits in a row; most strings (ids, paths, messages) have none.
  if (!ELEVEN_DIGITS.test(text)) return text;
  return text.replace(RESIDENT_ID, (_, a: string, _b: string, c: string) => `${a}********${c}`).replace(MOBILE, (_, a: string, _b: string, c: string) => `${a}****${c}`);
}

/**
 * Masks every string inside a value (objects and arrays walked, depth-limited). Returns the
 * value itself when nothing needed masking (most log lines), a masked copy otherwise.
 * @example maskDeep({ sub: '11010519491231002X', status: 200 }) // { sub: '110105********002X', status: 200 }
 */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPii(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: maskPii(value.message), stack: value.stack ? maskPii(value.stack) : undefined };
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((v, i) => {
      const masked = maskDeep(v, depth + 1);
      if (masked !== v) (copy ??= [...value])[i] = masked;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const k in record) {
    if (!Object.hasOwn(record, k)) continue;
    const v = record[k];
    const masked = maskDeep(v, depth + 1);
    if (masked !== v) (copy ??= { ...record })[k] = masked;
  }
  return copy ?? value;
}

/** Where a logger writes: a stream (tests read it), or a file descriptor or path (default: stdout). */
export interface LoggerOptions {
  level?: string;
  destination?: DestinationStream;
  /** A file descriptor or path written with the buffered destination (default 1, stdout). */
  file?: number | string;
}

/**
 * A structured JSON logger (pino) that masks resident IDs and mobile numbers in every
 * field and message. By default it writes to stdout through a buffer: lines leave in 4 KiB
 * writes, at least every second, at once for `error` and `fatal`, and on exit — one system
 * call for many request lines instead of one each. (A process killed with SIGKILL can lose
 * up to a second of info lines.) Pass a destination stream in tests to read what was logged.
 * @example const logger = createLogger({ level: 'info' }); logger.info({ applicationId }, 'submitted');
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const buffered = options.destination ? undefined : pino.destination({ dest: options.file ?? 1, sync: true, minLength: 4096, periodicFlush: 1000 });
  const config = {
    level: options.level ?? 'info',
    base: { service: 'onething' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { log: (object: Record<string, unknown>) => maskDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void, level: number) {
        for (let i = 0; i < args.length; i++) if (typeof args[i] === 'string') args[i] = maskPii(args[i] as string);
        method.apply(this, args);
        if (buffered && level >= 50) buffered.flushSync(); // errors leave at once
      },
    },
  };
  if (buffered) flushOnExit(buffered);
  return pino(config, buffered ?? options.destination!);
}

const destinations = new Set<WeakRef<{ flushSync(): void }>>();

/** Writes what a buffered destination still holds when the process exits (normally or by an uncaught error). */
function flushOnExit(destination: { flushSync(): void }): void {
  if (destinations.size === 0) {
    process.once('exit', () => {
      for (const ref of destinations) {
        try {
          ref.deref()?.flushSync();
        } catch {
          // a closed stream has nothing left to write
        }
      }
    });
  }
  destinations.add(new WeakRef(destination));
}
