import type { Json } from '@onething/engine';
import type { Call, Reply, RouteDescriptor } from '../route.js';
import { HttpError } from '../errors.js';
import { ref, schemas } from '../schemas.js';
import { cached } from '../cached.js';
import { sha256 } from '../../util/hash.js';
import { fullView, summaryView } from '../../applications/view.js';
import type { Access } from '../../applications/access.js';
import type { IdempotencyInput, Outcome } from '../../applications/service.js';
import { ApplicationService } from '../../applications/service.js';

const idParam = { id: { schema: schemas.applicationId, description: 'Application id.' } };
const idempotencyHeader = {
  'Idempotency-Key': {
    schema: { type: 'string', minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9._:-]+$' },
    description: 'A unique key per logical submission (a UUID). Retrying with the same key returns the first response and never makes a second application.',
    required: true,
  },
};
const applicationResponse = { type: 'object', required: ['application'], properties: { application: ref('Application'), continuationToken: { type: 'string' } } };

/** The caller, with the hash of their continuation token. */
export function accessOf(call: Call): Access {
  return { principal: call.principal, continuation: call.continuation ? sha256(call.continuation) : undefined };
}

/** The idempotency key of a request, scoped to the caller; `required` answers 400 without one. */
export function idempotencyOf(call: Call, required: boolean): IdempotencyInput | undefined {
  const header = call.req.headers['idempotency-key'];
  if (header === undefined) {
    if (required) throw new HttpError('idempotencyKeyRequired', { pointer: '/headers/idempotency-key' });
    return undefined;
  }
  if (typeof header !== 'string' || !/^[A-Za-z0-9._:-]{8,200}$/.test(header)) throw new HttpError('invalidRequest', { pointer: '/headers/idempotency-key' });
  const scope = call.principal ? `sub:${call.principal.sub}` : call.continuation ? `continuation:${sha256(call.continuation)}` : `ip:${call.req.ip ?? 'unknown'}`;
  // The fingerprint of the request: method, path and the body's bytes as sent (a retry sends the same bytes).
  const requestHash = sha256(`${call.req.method} ${call.req.path}\n`, call.rawBody);
  return { scope, key: header, requestHash };
}

function reply(outcome: Outcome, location?: string): Reply {
  const headers: Record<string, string> = {};
  if (outcome.replayed) headers['Idempotency-Replayed'] = 'true';
  const id = (outcome.body as { application?: { id?: string } } | null)?.application?.id;
  if (location && id && outcome.status === 201) headers['Location'] = `${location}/${id}`;
  return outcome.json === undefined ? { status: outcome.status, body: outcome.body, headers } : { status: outcome.status, json: outcome.json, headers };
}

const service = (call: Call) => new ApplicationService(call.services);

/** Applications: drafts, resume, submission, flow events, reading, listing, rating. */
export const applicationRoutes: RouteDescriptor[] = [
  {
    method: 'post',
    path: '/api/applications',
    operationId: 'createApplication',
    summary: 'Start an application: a draft, or (with `submit: true`) a submitted application',
    description:
      'Works without logging in: the response carries a `continuationToken`; send it as `X-Continuation-Token` to resume, save and submit the draft. ' +
      'With `submit: true` the `Idempotency-Key` header is required. Files can only be uploaded to an existing application, so a direct submission references e-licences only.',
    tags: ['applications'],
    auth: 'optional',
    roles: ['applicant'],
    headers: { 'Idempotency-Key': { ...idempotencyHeader['Idempotency-Key'], required: false } },
    body: { schema: ref('DraftCreate') },
    responses: { 201: { description: 'Created.', schema: applicationResponse } },
    async handle(call) {
      const body = call.body as { bundle: string; version?: string; answers?: Record<string, Json>; data?: Record<string, Json>; materials?: Record<string, Json>; submit?: boolean };
      const idempotency = idempotencyOf(call, body.submit === true);
      return reply(await service(call).create(body, accessOf(call), call.now, idempotency), '/api/applications');
    },
  },
  {
    method: 'get',
    path: '/api/resume',
    operationId: 'resumeApplication',
    summary: 'Resume an application by its continuation token (no login needed)',
    tags: ['applications'],
    auth: 'optional',
    continuation: true,
    headers: { 'X-Continuation-Token': { schema: { type: 'string' }, description: 'The token returned when the draft was created (required; 401 without it).' } },
    responses: { 200: { description: 'The application.', schema: applicationResponse } },
    async handle(call) {
      if (!call.continuation) throw new HttpError('unauthenticated', { pointer: '/headers/x-continuation-token' });
      const app = await call.services.store.findByContinuation(sha256(call.continuation));
      if (!app) throw new HttpError('notFound');
      return { status: 200, body: { application: await fullView(app, call.services, accessOf(call)) }, headers: { 'Cache-Control': 'no-store' } };
    },
  },
  {
    method: 'get',
    path: '/api/applications',
    operationId: 'listMyApplications',
    summary: 'My applications, newest first',
    tags: ['applications'],
    auth: 'token',
    roles: ['applicant'],
    query: {
      status: { schema: { enum: ['draft', 'open', 'closed'] }, description: 'Only this status.' },
      limit: { schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, description: 'Page size.' },
      after: { schema: { type: 'string', maxLength: 500 }, description: 'The `next` cursor of the previous page.' },
    },
    responses: { 200: { description: 'A page of applications.', schema: ref('ApplicationPage') } },
    async handle(call) {
      const q = call.query as { status?: 'draft' | 'open' | 'closed'; limit?: number; after?: string };
      const page = await call.services.store.listApplications({
        owner: call.principal!.sub,
        order: 'updated',
        limit: q.limit ?? 20,
        ...(q.status ? { status: q.status } : {}),
        ...(q.after ? { after: q.after } : {}),
      });
      return { status: 200, body: { items: page.items.map(summaryView), next: page.next }, headers: { 'Cache-Control': 'no-store' } };
    },
  },
  {
    method: 'get',
    path: '/api/applications/{id}',
    operationId: 'getApplication',
    summary: 'One application with its timeline, deadlines, files and rating',
    description: 'Visible to its applicant, to clerks and reviewers of its departments in its region, and to admins; 404 for everyone else.',
    tags: ['applications'],
    auth: 'token',
    continuation: true,
    params: idParam,
    responses: { 200: { description: 'The application.', schema: applicationResponse } },
    async handle(call) {
      const access = accessOf(call);
      const app = await service(call).readable(call.params['id']!, access);
      return { status: 200, body: { application: await fullView(app, call.services, access) }, headers: { 'Cache-Control': 'no-store' } };
    },
  },
  {
    method: 'get',
    path: '/api/applications/{id}/form',
    operationId: 'getApplicationForm',
    summary: 'The composed form an application runs on, to render its data',
    description:
      'The `ComposedBundle` of the application’s bundle version with the item versions it pinned when it was created — what its data was entered and checked against ' +
      '(`GET /api/bundles/{id}/versions/{version}` resolves the items anew). Visible to whoever may see the application; with an ETag.',
    tags: ['applications'],
    auth: 'token',
    continuation: true,
    params: idParam,
    responses: {
      200: { description: 'The composed bundle (`ComposedBundle`).', schema: { type: 'object', required: ['format', 'bundle', 'schema'] } },
      304: { description: 'Not modified (If-None-Match).' },
    },
    async handle(call) {
      const applications = service(call);
      const runtime = await applications.runtimeOf(await applications.readable(call.params['id']!, accessOf(call)));
      return cached(call, runtime.etag, () => ({ status: 200, body: runtime.composed as unknown as Json }), 'private, max-age=300, must-revalidate');
    },
  },
  {
    method: 'put',
    path: '/api/applications/{id}/draft',
    operationId: 'saveDraft',
    summary: 'Autosave a draft (compare-and-set on `revision`)',
    tags: ['applications'],
    auth: 'token',
    continuation: true,
    params: idParam,
    body: { schema: ref('DraftUpdate') },
    responses: { 200: { description: 'Saved; the new revision is in the response.', schema: applicationResponse } },
    async handle(call) {
      return reply(await service(call).save(call.params['id']!, call.body as never, accessOf(call), call.now));
    },
  },
  {
    method: 'post',
    path: '/api/applications/{id}/submit',
    operationId: 'submitApplication',
    summary: 'Submit a draft (validated on the server; Idempotency-Key required)',
    description: 'Body fields, when given, replace the draft’s before validation. 422 `submission-invalid` lists every error (ajv-shaped, messages in zh-CN and en).',
    tags: ['applications'],
    auth: 'token',
    continuation: true,
    params: idParam,
    headers: idempotencyHeader,
    body: { schema: ref('Submission'), required: false },
    responses: { 200: { description: 'Submitted.', schema: applicationResponse } },
    async handle(call) {
      const idempotency = idempotencyOf(call, true)!;
      return reply(await service(call).submit(call.params['id']!, call.body as never, accessOf(call), call.now, idempotency));
    },
  },
  {
    method: 'post',
    path: '/api/applications/{id}/events',
    operationId: 'sendEvent',
    summary: 'Send a flow event (CLAIM, ACCEPT, REQUEST_SUPPLEMENT, SUPPLEMENT, WITHDRAW, item events …)',
    description:
      'The flow decides whether the caller’s role may send it (403 `role-forbidden`) and whether the state takes it (409 `event-not-accepted`). ' +
      '`revision` is the revision the caller saw: a concurrent change answers 409 `revision-conflict`.',
    tags: ['applications'],
    auth: 'token',
    continuation: true,
    params: idParam,
    body: { schema: ref('FlowEvent') },
    responses: { 200: { description: 'The application after the event.', schema: applicationResponse } },
    async handle(call) {
      return reply(await service(call).send(call.params['id']!, call.body as never, accessOf(call), call.now));
    },
  },
  {
    method: 'post',
    path: '/api/applications/{id}/rating',
    operationId: 'rateApplication',
    summary: 'Rate a finished application (好差评): 1–5 and a comment, once',
    tags: ['applications'],
    auth: 'token',
    continuation: true,
    params: idParam,
    body: { schema: ref('Rating') },
    responses: { 201: { description: 'Rated.', schema: ref('RatingRecord') } },
    async handle(call) {
      const access = accessOf(call);
      const app = await service(call).ownApplication(call.params['id']!, access);
      if (app.status !== 'closed') throw new HttpError('notCompleted');
      const { score, comment } = call.body as { score: 1 | 2 | 3 | 4 | 5; comment?: string };
      const rating = { applicationId: app.id, score, comment: comment ?? '', by: app.owner ?? 'anonymous', at: call.now.toISOString() };
      try {
        await call.services.store.addRating(rating);
      } catch (error) {
        if ((error as { code?: string }).code === 'conflict') throw new HttpError('alreadyRated');
        throw error;
      }
      call.services.logger.info({ applicationId: app.id, score }, 'rated');
      return { status: 201, body: { applicationId: app.id, score, comment: rating.comment, at: rating.at } };
    },
  },
];

