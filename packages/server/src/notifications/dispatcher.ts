import type { Logger } from '../logging.js';
import type { Store } from '../store/port.js';
import type { OutboxRecord, OutboxSettlement } from '../store/types.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Clock } from '../services.js';
import { leaseOwner, periodic, type Periodic } from '../scheduler/periodic.js';
import { renderNotification } from './notification.js';
import type { Transport } from './transport.js';

/** How long to wait before retrying a failed delivery, and when to give up. */
export interface Backoff {
  /** After the first failure (default 30 s); doubled after each further one. */
  baseMs: number;
  /** The longest wait (default 1 h). */
  maxMs: number;
  /** Attempts before a message is marked failed (default 12: about half a day). */
  attempts: number;
}

export interface DispatcherOptions {
  store: Store;
  catalog: Catalog;
  clock: Clock;
  logger: Logger;
  transports: readonly Transport[];
  owner?: string;
  /** Pause between passes (default 1 s). */
  intervalMs?: number;
  /** How long a lease holds before another process may take the message over (default 60 s). */
  leaseMs?: number;
  /** Messages leased per pass (default 50). */
  batch?: number;
  backoff?: Partial<Backoff>;
}

/** The notification dispatcher; `tick()` delivers what is due and resolves with how many messages it settled as delivered. */
export interface Dispatcher extends Periodic {
  readonly owner: string;
}

const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 3_600_000, attempts: 12 };

/**
 * The wait before attempt `attempts + 1`: `baseMs · 2^(attempts − 1)`, at most `maxMs`, less up
 * to a tenth at random (so retries of many messages spread out).
 * @example retryDelay(3, { baseMs: 30_000, maxMs: 3_600_000, attempts: 12 }) // 108,000–120,000
 */
export function retryDelay(attempts: number, backoff: Backoff, random = Math.random()): number {
  const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (1 - random / 10));
}

/**
 * Delivers the transactional outbox: each pass leases the due messages (a lease holds for
 * `leaseMs`, so with two processes each message is delivered by one of them), renders each,
 * delivers it through every transport that has not delivered it yet, and settles it under
 * the lease — delivered, retried after a backoff, or failed after the last attempt. Delivery
 * is at least once: a crash between a transport's delivery and the settlement repeats it.
 * @example
 * const dispatcher = createDispatcher({ store, catalog, clock, logger, transports: createTransports([{ type: 'inbox' }], { store, logger }) });
 * dispatcher.start();
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const owner = options.owner ?? leaseOwner();
  const leaseMs = options.leaseMs ?? 60_000;
  const batch = options.batch ?? 50;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const { store, logger } = options;

  async function deliver(message: OutboxRecord): Promise<OutboxSettlement> {
    const delivered = [...message.delivered];
    const errors: string[] = [];
    try {
      const app = await store.getApplication(message.applicationId);
      if (!app) throw new Error(`application ${message.applicationId} does not exist`);
      const runtime = await options.catalog.pinned(app.bundle);
      if (!runtime) throw new Error(`${app.bundle.id}@${app.bundle.version} is not published`);
      const notification = await renderNotification(message, app, runtime, options.catalog);
      for (const transport of options.transports) {
        if (delivered.includes(transport.type)) continue;
        try {
          await transport.deliver(notification);
          delivered.push(transport.type);
        } catch (error) {
          errors.push(`${transport.type}: ${(error as Error).message}`);
        }
      }
    } catch (error) {
      errors.push((error as Error).message);
    }
    const at = options.clock().toISOString();
    if (errors.length === 0) return { status: 'delivered', delivered, at };
    const error = errors.join('; ');
    if (message.attempts + 1 >= backoff.attempts) return { status: 'failed', delivered, at, error };
    return { status: 'pending', delivered, at, error, nextAttempt: new Date(Date.parse(at) + retryDelay(message.attempts + 1, backoff)).toISOString() };
  }

  async function pass(): Promise<number> {
    const now = options.clock();
    const leased = await store.leaseOutbox(now.toISOString(), owner, new Date(now.getTime() + leaseMs).toISOString(), batch);
    let done = 0;
    for (const message of leased) {
      const settlement = await deliver(message);
      const settled = await store.settleOutbox(message.id, owner, settlement);
      if (settlement.status === 'delivered' && settled) done++;
      else if (settlement.status === 'failed') logger.error({ notification: message.id, applicationId: message.applicationId, error: settlement.error }, 'notification failed; gave up');
      else if (settlement.status === 'pending') logger.warn({ notification: message.id, applicationId: message.applicationId, error: settlement.error, nextAttempt: settlement.nextAttempt }, 'notification not delivered; will retry');
    }
    return done;
  }

  return { owner, ...periodic(pass, { intervalMs: options.intervalMs ?? 1000, logger, name: 'notification dispatcher' }) };
}
