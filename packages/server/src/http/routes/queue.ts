import type { RouteDescriptor } from '../route.js';
import { HttpError } from '../errors.js';
import { ref, schemas } from '../schemas.js';
import { reviewerDepartments, type Principal } from '../../auth/principal.js';
import { summaryView } from '../../applications/view.js';

/**
 * The departments and region a staff member's queue may show. Admins: any. Reviewers:
 * their departments; clerks: their department (any when the token names none); both only
 * in their own region.
 */
export function queueScope(p: Principal, wanted: { department?: string; region?: string }): { department?: string; region?: string } {
  if (p.roles.includes('admin')) return wanted;
  const departments = [...reviewerDepartments(p), ...(p.roles.includes('clerk') && p.department ? [p.department] : [])];
  const anyDepartment = p.roles.includes('clerk') && !p.department;
  const department = wanted.department ?? (anyDepartment ? undefined : departments[0]);
  if (department !== undefined && !anyDepartment && !departments.includes(department)) throw new HttpError('forbidden', { pointer: '/query/department' });
  if (wanted.region !== undefined && wanted.region !== p.region) throw new HttpError('forbidden', { pointer: '/query/region' });
  return { ...(department !== undefined ? { department } : {}), region: p.region };
}

/**
 * The ISO instant of an RFC 3339 date-time (the `date-time` format the query was checked
 * against). A leap second (`23:59:60`), which `Date` cannot read, is the instant after `:59`.
 * @example instantOf('2016-12-31T23:59:60Z') // '2017-01-01T00:00:00.000Z'
 */
export function instantOf(dateTime: string): string {
  const leap = /^(.*T\d\d:\d\d:)60(.*)$/i.exec(dateTime);
  return leap ? new Date(Date.parse(`${leap[1]}59${leap[2]}`) + 1000).toISOString() : new Date(dateTime).toISOString();
}

/** A department's work queue. */
export const queueRoutes: RouteDescriptor[] = [
  {
    method: 'get',
    path: '/api/queue',
    operationId: 'departmentQueue',
    summary: 'A department’s queue in a region: filter by state and deadline, most urgent first, paginated',
    description: 'Reviewers see only their departments in their region, clerks their window’s, admins everything. Drafts never appear.',
    tags: ['queue'],
    auth: 'token',
    roles: ['clerk', 'reviewer', 'admin'],
    query: {
      department: { schema: schemas.departmentId, description: 'Department id (default: your first).' },
      region: { schema: { type: 'string', pattern: '^[0-9]{6}$' }, description: 'Division code (staff: only their own).' },
      state: { schema: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(,[A-Za-z][A-Za-z0-9]*){0,19}$' }, description: 'Comma-separated top-level states, e.g. `reception,supplement`.' },
      status: { schema: { enum: ['open', 'closed'], default: 'open' }, description: 'Open (default) or closed applications.' },
      dueBefore: { schema: { type: 'string', format: 'date-time' }, description: 'Only applications with a deadline due at or before this instant.' },
      limit: { schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, description: 'Page size.' },
      after: { schema: { type: 'string', maxLength: 500 }, description: 'The `next` cursor of the previous page.' },
    },
    responses: { 200: { description: 'A page of applications.', schema: ref('ApplicationPage') } },
    async handle(call) {
      const q = call.query as { department?: string; region?: string; state?: string; status?: 'open' | 'closed'; dueBefore?: string; limit?: number; after?: string };
      const scope = queueScope(call.principal!, { ...(q.department ? { department: q.department } : {}), ...(q.region ? { region: q.region } : {}) });
      const page = await call.services.store.listApplications({
        ...scope,
        status: q.status ?? 'open',
        order: 'deadline',
        limit: q.limit ?? 20,
        ...(q.state ? { states: q.state.split(',') } : {}),
        ...(q.dueBefore ? { dueBefore: instantOf(q.dueBefore) } : {}),
        ...(q.after ? { after: q.after } : {}),
      });
      return { status: 200, body: { items: page.items.map(summaryView), next: page.next }, headers: { 'Cache-Control': 'no-store' } };
    },
  },
];
