import type { Logger } from '../logging.js';
import type { Store } from '../store/port.js';
import type { DeadlineRecord } from '../store/types.js';
import type { Clock } from '../services.js';
import { leaseOwner, periodic, type Periodic } from './periodic.js';

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
  /** Drafts not saved for this many days are deleted at each pass (default 30; 0 keeps them forever). */
  draftDays?: number;
}

/** The deadline scheduler; `tick()` leases the due deadlines and fires them, resolving with how many fired. */
export interface Scheduler extends Periodic {
  readonly owner: string;
}

/**
 * The deadline scheduler. Deadlines are rows in the store, so they survive restarts: a
 * deadline that passed while the server was down is due at the first pass after start.
 * With several processes on one store, each pass leases due deadlines (a lease holds for
 * `leaseMs`); the firing commits the application change and marks the deadline fired in
 * one transaction that checks the deadline is still pending under this lease — so each
 * deadline fires exactly once even if a lease expires mid-way. Each pass also deletes the
 * drafts not saved for `draftDays` (nothing of an abandoned draft is kept).
 * @example
 * const scheduler = createScheduler({ store, clock, logger, fire: applications.fireDeadline });
 * scheduler.start();
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const owner = options.owner ?? leaseOwner();
  const interval = options.intervalMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const batch = options.batch ?? 20;
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
    await expireDrafts(now);
    return fired;
  }

  const draftDays = options.draftDays ?? 30;
  async function expireDrafts(now: Date): Promise<void> {
    if (draftDays <= 0) return;
    const before = new Date(now.getTime() - draftDays * 86_400_000).toISOString();
    const expired = await options.store.expireDrafts(before, 100);
    if (expired.length) options.logger.info({ drafts: expired, savedBefore: before }, 'drafts expired and deleted');
  }

  return { owner, ...periodic(pass, { intervalMs: interval, logger: options.logger, name: 'scheduler' }) };
}
