import type { Json } from '@onething/engine';
import type { RouteDescriptor } from '../route.js';
import { HttpError } from '../errors.js';
import { schemas } from '../schemas.js';
import { PROFILE_CLAIMS } from '../../auth/principal.js';

/** The value at a dotted path of plain data, if any. */
function at(data: Json | undefined, path: string): Json | undefined {
  let node: Json | undefined = data;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

const empty = (v: Json | undefined) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const HISTORY = 20;

/**
 * `GET /api/prefill` (智能预填): values for the concept-bound fields of a bundle, from the
 * signed-in applicant's token (profile claims) and from their own earlier applications —
 * never from anyone else's, and never a `pii: "sensitive"` field's value from history.
 * @example GET /api/prefill?bundle=newborn → { values: [{ path: 'applicant.name', value: '李雷', concept: 'applicant.name', source: 'history', at: '…' }] }
 */
export const prefillRoutes: RouteDescriptor[] = [
  {
    method: 'get',
    path: '/api/prefill',
    operationId: 'prefill',
    summary: 'Prefill values for my form: from my token’s profile claims and my earlier applications',
    description:
      'Only concept-bound fields; a token claim wins over history; history is the newest non-empty value among your last 20 applications, and never for a field whose concept is `pii: "sensitive"` (those come only from the token). Never across applicants.',
    tags: ['applications'],
    auth: 'token',
    roles: ['applicant'],
    query: {
      bundle: { schema: schemas.id, description: 'Bundle id.', required: true },
      version: { schema: schemas.version, description: 'Bundle version (default: newest).' },
    },
    responses: {
      200: {
        description: 'Values by bundle-data path.',
        schema: {
          type: 'object',
          required: ['values'],
          properties: {
            values: {
              type: 'array',
              items: {
                type: 'object',
                required: ['path', 'value', 'concept', 'source'],
                properties: { path: { type: 'string' }, value: {}, concept: { type: 'string' }, source: { enum: ['token', 'history'] }, at: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    async handle(call) {
      const q = call.query as { bundle: string; version?: string };
      const runtime = await call.services.catalog.current(q.bundle, q.version);
      if (!runtime) throw new HttpError('notFound', { pointer: q.version ? '/query/version' : '/query/bundle' });
      const principal = call.principal!;
      const fields = Object.values(runtime.composed.fields).filter((f) => f.kind === 'value' && f.concept);
      const claimOf = new Map(Object.entries(PROFILE_CLAIMS).map(([claim, concept]) => [concept, claim]));
      const page = await call.services.store.listApplications({ owner: principal.sub, order: 'updated', limit: HISTORY });
      const values: Array<{ path: string; value: Json; concept: string; source: 'token' | 'history'; at?: string }> = [];
      for (const field of fields) {
        const concept = field.concept!;
        const claim = claimOf.get(concept);
        const fromToken = claim ? principal.profile?.[claim] : undefined;
        if (fromToken !== undefined) {
          values.push({ path: field.path, value: fromToken, concept, source: 'token' });
          continue;
        }
        // An earlier application may be about another child or another case: sensitive
        // values (ID numbers, ethnic group, a child's data) come only from the token.
        if (field.pii === 'sensitive') continue;
        for (const app of page.items) {
          const value = at(app.data as Json, concept);
          if (!empty(value)) {
            values.push({ path: field.path, value: value!, concept, source: 'history', at: app.updatedAt });
            break;
          }
        }
      }
      return { status: 200, body: { values }, headers: { 'Cache-Control': 'no-store' } };
    },
  },
];
