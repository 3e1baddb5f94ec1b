/** A role: applicant, clerk (the comprehensive window), reviewer of one department, admin. */
export type Role = 'applicant' | 'clerk' | 'admin' | `reviewer:${string}`;

/** Who is calling, from a verified token. `system` is the scheduler. */
export interface Principal {
  sub: string;
  roles: Role[];
  /** GB/T 2260 division code the principal works in (staff) or lives in (applicants). */
  region: string;
  /** The clerk's department (the comprehensive window), when the token names one. */
  department?: string;
  name?: string;
  /** What the identity provider vouches for about the person, used to prefill forms (`PROFILE_CLAIMS`). */
  profile?: Record<string, string>;
}

/**
 * Token claims that describe the person, and the concept each one prefills. An identity
 * provider that knows more can add them; nothing else in a token ever reaches a form.
 */
export const PROFILE_CLAIMS: Readonly<Record<string, string>> = {
  name: 'applicant.name',
  idNumber: 'applicant.idNumber',
  mobile: 'applicant.mobile',
  creditCode: 'enterprise.creditCode',
  enterpriseName: 'enterprise.name',
};

const ROLE = /^(applicant|clerk|admin|reviewer:[a-z0-9][a-z0-9-]*)$/;
const REGION = /^[0-9]{6}$/;

/** True for a well-formed role string. @example isRole('reviewer:public-security') // true */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLE.test(value);
}

/** True for a six-digit division code. */
export function isRegion(value: unknown): value is string {
  return typeof value === 'string' && REGION.test(value);
}

/** The departments a principal reviews for. @example reviewerDepartments(p) // ['public-security'] */
export function reviewerDepartments(principal: Principal): string[] {
  return principal.roles.filter((r) => r.startsWith('reviewer:')).map((r) => r.slice('reviewer:'.length));
}

/** True when the principal holds the role. */
export function hasRole(principal: Principal | undefined, role: Role): boolean {
  return principal?.roles.includes(role) ?? false;
}

/** True for clerks, reviewers and admins. */
export function isStaff(principal: Principal | undefined): boolean {
  return !!principal?.roles.some((r) => r === 'clerk' || r === 'admin' || r.startsWith('reviewer:'));
}

/**
 * Reads a principal from verified JWT claims: `sub`, `roles` (array) or `role` (string),
 * `region`, optional `department` and `name`. Returns null when a claim is malformed.
 * @example principalFromClaims({ sub: 'u1', roles: ['applicant'], region: '110105' })
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal | null {
  const raw = Array.isArray(claims['roles']) ? claims['roles'] : claims['role'] !== undefined ? [claims['role']] : [];
  const roles = raw.filter(isRole);
  const { sub, region, department, name } = claims;
  if (typeof sub !== 'string' || !sub || roles.length === 0 || roles.length !== raw.length || !isRegion(region)) return null;
  const principal: Principal = { sub, roles, region };
  if (typeof department === 'string' && department) principal.department = department;
  if (typeof name === 'string' && name) principal.name = name;
  const profile: Record<string, string> = {};
  for (const claim of Object.keys(PROFILE_CLAIMS)) {
    const value = claims[claim];
    if (typeof value === 'string' && value.length > 0 && value.length <= 200) profile[claim] = value;
  }
  if (Object.keys(profile).length) principal.profile = profile;
  return principal;
}
