import type { OutboxRecord, OutboxSettlement } from './types.js';

/**
 * An outbox record with the delivery fields' starting values where `m` has none: a new message,
 * or one stored before delivery existed (schema 1). Built key by key (no spread adding keys: it
 * runs per notifying step).
 * @example outboxDefaults({ id, applicationId, at, effect }) // pending, no attempts yet
 */
export function outboxDefaults(m: Pick<OutboxRecord, 'id' | 'applicationId' | 'at' | 'effect'> & Partial<OutboxRecord>): OutboxRecord {
  return {
    id: m.id,
    applicationId: m.applicationId,
    at: m.at,
    effect: m.effect,
    status: m.status ?? 'pending',
    attempts: m.attempts ?? 0,
    nextAttempt: m.nextAttempt ?? m.at,
    delivered: m.delivered ?? [],
    lastError: m.lastError ?? null,
    settledAt: m.settledAt ?? null,
    leaseOwner: m.leaseOwner ?? null,
    leaseUntil: m.leaseUntil ?? null,
  };
}

/**
 * The outbox record after a delivery attempt: one more attempt, the transports done so far,
 * the lease released; then delivered, pending until `nextAttempt`, or failed.
 * @example settled(message, { status: 'delivered', delivered: ['inbox'], at })
 */
export function settled(m: OutboxRecord, s: OutboxSettlement): OutboxRecord {
  const next: OutboxRecord = { ...m, status: s.status, attempts: m.attempts + 1, delivered: s.delivered, leaseOwner: null, leaseUntil: null };
  if (s.status === 'pending') return { ...next, nextAttempt: s.nextAttempt, lastError: s.error };
  return { ...next, settledAt: s.at, lastError: s.status === 'failed' ? s.error : m.lastError };
}
