import type { OutboxRecord, OutboxSettlement } from './types.js';

/** An outbox record as stored before delivery existed (schema 1) gets the delivery fields' starting values. */
export function outboxDefaults(m: Pick<OutboxRecord, 'id' | 'applicationId' | 'at' | 'effect'> & Partial<OutboxRecord>): OutboxRecord {
  return { status: 'pending', attempts: 0, nextAttempt: m.at, delivered: [], lastError: null, settledAt: null, leaseOwner: null, leaseUntil: null, ...m };
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
