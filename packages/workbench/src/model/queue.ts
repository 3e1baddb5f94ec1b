import type { QueueQuery } from '../api/client.js';
import { dueWithin } from './deadlines.js';
import type { Session } from './session.js';

/** The state filter: what is waiting for me (by role), one top-level state, everything open, or closed. */
export type StateFilter = 'mine' | 'reception' | 'supplement' | 'processing' | 'open' | 'closed';
/** The deadline filter. */
export type DeadlineFilter = 'any' | 'overdue' | 'today' | 'within3';

/** Applications per page. */
export const PAGE_SIZE = 20;

/**
 * The queue query for a set of filters: "waiting for me" is reception for the window, the
 * parallel handling for reviewers, everything open for admins.
 * @example queueQuery(session, { state: 'mine', deadline: 'overdue' }, now) // { states: ['reception'], dueBefore: now, … }
 */
export function queueQuery(session: Session, filters: { state: StateFilter; deadline: DeadlineFilter; region?: string; department?: string }, now: string): QueueQuery {
  const q: QueueQuery = { limit: PAGE_SIZE, status: filters.state === 'closed' ? 'closed' : 'open' };
  if (filters.state === 'mine') {
    if (session.kind === 'clerk') q.states = ['reception'];
    if (session.kind === 'reviewer') q.states = ['processing'];
  } else if (filters.state !== 'open' && filters.state !== 'closed') q.states = [filters.state];
  if (filters.deadline === 'overdue') q.dueBefore = now;
  if (filters.deadline === 'today') q.dueBefore = dueWithin(0, now);
  if (filters.deadline === 'within3') q.dueBefore = dueWithin(3, now);
  if (filters.region) q.region = filters.region;
  if (filters.department) q.department = filters.department;
  return q;
}

