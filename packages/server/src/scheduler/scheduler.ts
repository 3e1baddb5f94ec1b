import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../logging.js';
import type { Store } from '../store/port.js';
import type { DeadlineRecord } from '../store/types.js';
import type { Clock } from '../services.js';

/** Fires one leased deadline: steps the application and commits with `deadlines.fire = { id, owner }`. */
export type FireDeadline = (deadline: DeadlineRecord, owner: string, now: Date) => Promise<'fired' | 'skipped'>;

export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  fire: FireDeadline;
  /** This process's lease owner id (default: host, pid and a random suffix). */
  owner?: string;
  /** Pause between passes (default 1 s). */
  intervalMs?: number;
  /** How long a lease holds before another process may take the deadline over (default 60 s). */
  leaseMs?: number;
  /** Deadlines leased per pass (default 20). */
  batch?: number;
}

export interface Scheduler {
  readonly owner: string;
  /** Runs a pass now and then every `intervalMs`, until `stop`. */
  start(): void;
  /** Stops and waits for the pass in progress. */
  stop(): Promise<void>;
  /** One pass: lease the due deadlines and fire them; returns how many fired. */
  tick(): Promise<number>;
}

/**
 * The deadline scheduler. Deadlines are rows in the store, so they survive restarts: a
 * deadline that passed while the server was down is due at the first pass after start.
 * With several processes on one store, each pass leases due deadlines (a lease holds for
 * `leaseMs`); the firing commits the application change and marks the deadline fired in
 * one transaction that checks the deadline is still pending under this lease — so each
 * deadline fires exactly once even if a lease expires mid-way.
 * @example
 * const scheduler = createScheduler({ store, clock, logger, fire: applications.fireDeadline });
 * scheduler.start();
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const interval = options.intervalMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const batch = options.batch ?? 20;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function pass(): Promise<number> {
    const now = options.clock();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const leased = await options.store.leaseDueDeadlines(now.toISOString(), owner, until, batch);
    let fired = 0;
    for (const deadline of leased) {
      try {
        if ((await options.fire(deadline, owner, options.clock())) === 'fired') fired++;
      } catch (error) {
        options.logger.warn({ err: error, deadline: deadline.id, applicationId: deadline.applicationId }, 'deadline not fired; will retry');
        await options.store.releaseLease(deadline.id, owner).catch(() => undefined);
      }
    }
    return fired;
  }

  const scheduler: Scheduler = {
    owner,
    tick() {
      running = (running ?? Promise.resolve(0)).then(pass, pass);
      return running;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      const loop = () => {
        scheduler
          .tick()
          .catch((error: unknown) => options.logger.error({ err: error }, 'scheduler pass failed'))
          .finally(() => {
            if (!stopped) timer = setTimeout(loop, interval);
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
  return scheduler;
}
