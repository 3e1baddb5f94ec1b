/**
 * Who is signed in, read from the staff token's claims. The workbench reads them only to decide
 * what to show (the clerk's window or a reviewer's department); the server verifies the token
 * and decides every permission again on each request.
 */
export interface Session {
  sub: string;
  name?: string;
  /** The six-digit division code the person works in. */
  region: string;
  /** `clerk` (the comprehensive window), `reviewer` (one or more departments) or `admin`. */
  kind: 'clerk' | 'reviewer' | 'admin';
  /** The clerk's window department, or the departments a reviewer reviews for. */
  departments: string[];
  roles: string[];
}

/** Why a token cannot be used here. */
export type SessionProblem = 'malformed' | 'expired' | 'not-staff';

const ROLE = /^(applicant|clerk|admin|reviewer:[a-z0-9][a-z0-9-]*)$/;

function base64UrlJson(part: string): unknown {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * Reads a staff session from a JWT (without verifying it — the server does that). Admins come
 * first, then clerks, then reviewers: the most capable role decides the view.
 * @example readSession(token, Date.now()) // { session: { kind: 'reviewer', departments: ['huarong-health'], … } }
 */
export function readSession(token: string, now: number = Date.now()): { session: Session } | { problem: SessionProblem } {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { problem: 'malformed' };
  let claims: Record<string, unknown>;
  try {
    const parsed = base64UrlJson(parts[1]!);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { problem: 'malformed' };
    claims = parsed as Record<string, unknown>;
  } catch {
    return { problem: 'malformed' };
  }
  const raw = Array.isArray(claims['roles']) ? claims['roles'] : claims['role'] !== undefined ? [claims['role']] : [];
  const roles = raw.filter((r): r is string => typeof r === 'string' && ROLE.test(r));
  const { sub, region, department, name, exp } = claims;
  if (typeof sub !== 'string' || typeof region !== 'string' || roles.length === 0) return { problem: 'malformed' };
  if (typeof exp === 'number' && exp * 1000 <= now) return { problem: 'expired' };
  const reviews = roles.filter((r) => r.startsWith('reviewer:')).map((r) => r.slice('reviewer:'.length));
  const base = { sub, region, roles, ...(typeof name === 'string' && name ? { name } : {}) };
  if (roles.includes('admin')) return { session: { ...base, kind: 'admin', departments: [] } };
  if (roles.includes('clerk')) return { session: { ...base, kind: 'clerk', departments: typeof department === 'string' && department ? [department] : [] } };
  if (reviews.length) return { session: { ...base, kind: 'reviewer', departments: reviews } };
  return { problem: 'not-staff' };
}
