import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../logging.js';

/** A background job that runs a pass now and then every `intervalMs` until stopped. */
export interface Periodic {
  /** Runs a pass now and then every `intervalMs`, until `stop`. */
  start(): void;
  /** Stops and waits for the pass in progress. */
  stop(): Promise<void>;
  /** One pass now (after the one in progress); resolves with what the pass counted. */
  tick(): Promise<number>;
}

/**
 * Runs `pass` periodically: never two passes at once, a pause of `intervalMs` between them,
 * a failing pass logged and retried at the next interval.
 * @example const job = periodic(() => fireDueDeadlines(), { intervalMs: 1000, logger, name: 'scheduler' }); job.start();
 */
export function periodic(pass: () => Promise<number>, options: { intervalMs: number; logger: Logger; name: string }): Periodic {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  const job: Periodic = {
    tick() {
      running = (running ?? Promise.resolve(0)).then(pass, pass);
      return running;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      const loop = () => {
        job
          .tick()
          .catch((error: unknown) => options.logger.error({ err: error }, `${options.name} pass failed`))
          .finally(() => {
            if (!stopped) timer = setTimeout(loop, options.intervalMs);
          });
      };
      loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
  return job;
}

/** A lease owner id for this process: host, pid and a random suffix. @example leaseOwner() // 'web-1:4242:1f2e3d4c' */
export function leaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
