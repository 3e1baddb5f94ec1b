import type { Actor } from '@onething/engine';
import type { Principal } from '../auth/principal.js';
import { reviewerDepartments } from '../auth/principal.js';
import type { ApplicationRecord, InboxTarget } from '../store/types.js';

/** Who is calling: their verified token, and the sha-256 of the continuation token they sent. */
export interface Access {
  principal: Principal | undefined;
  /** sha-256 (hex) of the request's `X-Continuation-Token`, when sent. */
  continuation: string | undefined;
}

/** Does the caller hold this application's continuation token? */
export function holdsContinuation(access: Access, app: ApplicationRecord): boolean {
  return access.continuation !== undefined && app.continuation !== null && access.continuation === app.continuation;
}

/** Is the caller the applicant of this application (its owner, or holding its continuation token)? */
export function isApplicant(access: Access, app: ApplicationRecord): boolean {
  if (holdsContinuation(access, app)) return true;
  return !!access.principal && app.owner === access.principal.sub && access.principal.roles.includes('applicant');
}

/**
 * May the caller see this application? The applicant; an admin; a clerk of its region (of
 * one of its departments when the token names a department); a reviewer of one of its
 * departments in its region. Everyone else gets a 404, as if it did not exist.
 * @example if (!canRead({ principal, continuation: undefined }, app)) throw new HttpError('notFound')
 */
export function canRead(access: Access, app: ApplicationRecord): boolean {
  if (isApplicant(access, app)) return true;
  const p = access.principal;
  if (!p) return false;
  if (p.roles.includes('admin')) return true;
  if (app.status === 'draft' || p.region !== app.region) return false;
  if (p.roles.includes('clerk') && (p.department === undefined || app.departments.includes(p.department))) return true;
  return reviewerDepartments(p).some((d) => app.departments.includes(d));
}

/**
 * The flow actors a caller may act as, most specific first: the applicant (when it is
 * theirs), reviewer roles, clerk, admin. The first one the flow does not refuse for its
 * role is used.
 * @example actorsFor(access, app) // [{ id: 'rev-1', role: 'reviewer', department: 'health', region: '420703' }]
 */
export function actorsFor(access: Access, app: ApplicationRecord, applicantId: string): Actor[] {
  const actors: Actor[] = [];
  if (isApplicant(access, app)) actors.push({ id: applicantId, role: 'applicant' });
  const p = access.principal;
  if (!p || !canRead(access, app)) return actors;
  const region = p.region;
  for (const department of reviewerDepartments(p)) actors.push({ id: p.sub, role: 'reviewer', department, region });
  if (p.roles.includes('clerk')) actors.push({ id: p.sub, role: 'clerk', ...(p.department ? { department: p.department } : {}), region });
  if (p.roles.includes('admin')) actors.push({ id: p.sub, role: 'admin', region });
  return actors;
}

/**
 * The inbox targets a principal reads: their own (applicant), their departments' in their
 * region (clerk — every department's when the token names none — and reviewer), and the admins'.
 * @example inboxTargets({ sub: 'r1', roles: ['reviewer:health'], region: '420703' }) // [{ kind: 'reviewer', subject: 'health', region: '420703' }]
 */
export function inboxTargets(p: Principal): InboxTarget[] {
  const targets: InboxTarget[] = [];
  if (p.roles.includes('applicant')) targets.push({ kind: 'applicant', subject: p.sub });
  for (const department of reviewerDepartments(p)) targets.push({ kind: 'reviewer', subject: department, region: p.region });
  if (p.roles.includes('clerk')) targets.push({ kind: 'clerk', ...(p.department ? { subject: p.department } : {}), region: p.region });
  if (p.roles.includes('admin')) targets.push({ kind: 'admin' });
  return targets;
}

/** The inbox targets of one application the caller may read: the applicant's (when it is theirs) and their staff targets. */
export function applicationInboxTargets(access: Access, app: ApplicationRecord): InboxTarget[] {
  const targets = access.principal && canRead(access, app) ? inboxTargets(access.principal).filter((t) => t.kind !== 'applicant') : [];
  if (isApplicant(access, app)) {
    targets.push({ kind: 'application', subject: app.id });
    if (app.owner) targets.push({ kind: 'applicant', subject: app.owner });
  }
  return targets;
}
