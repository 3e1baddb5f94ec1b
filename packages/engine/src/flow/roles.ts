import type { Actor, ApplicationContext, ApplicationFlow } from './types.js';

/**
 * Role strings in charts: `applicant`, `clerk`, `reviewer`, `admin`, `system`, optionally
 * scoped to a department (`reviewer:civil-affairs`). A bare `clerk` or `reviewer` means the
 * department of the chart: the item's department in an item chart, the lead department
 * (the comprehensive window) in the orchestration.
 */

const ROLES = new Set(['applicant', 'clerk', 'reviewer', 'admin', 'system']);

/** The department a scope belongs to: the lead department for `bundle`, else the item's. */
export function departmentOf(flow: ApplicationFlow, scope: string): string {
  if (scope === 'bundle') return flow.lead;
  return flow.items.find((i) => i.id === scope)?.department ?? flow.lead;
}

/**
 * Scopes bare `clerk` and `reviewer` to a department.
 * @example resolveRole('reviewer', 'public-security') // 'reviewer:public-security'
 */
export function resolveRole(role: string, department: string): string {
  return role === 'clerk' || role === 'reviewer' ? `${role}:${department}` : role;
}

/**
 * May this actor send an event whose transition lists `roles` (already resolved)? An
 * `applicant` must also be the one who started the application.
 * @example allows(['clerk:window'], { id: 'c1', role: 'clerk', department: 'window' }, ctx) // true
 */
export function allows(roles: readonly string[], actor: Actor, context: Pick<ApplicationContext, 'applicant'>): boolean {
  for (const role of roles) {
    const colon = role.indexOf(':');
    const name = colon === -1 ? role : role.slice(0, colon);
    if (name !== actor.role) continue;
    if (colon !== -1 && role.slice(colon + 1) !== actor.department) continue;
    if (name === 'applicant' && actor.id !== context.applicant) continue;
    return true;
  }
  return false;
}

/** Is this a well-formed actor? */
export function isActor(actor: unknown): actor is Actor {
  if (typeof actor !== 'object' || actor === null) return false;
  const a = actor as Record<string, unknown>;
  return (
    typeof a.id === 'string' &&
    a.id.length > 0 &&
    a.id.length <= 200 &&
    typeof a.role === 'string' &&
    ROLES.has(a.role) &&
    (a.department === undefined || typeof a.department === 'string') &&
    (a.region === undefined || typeof a.region === 'string')
  );
}
