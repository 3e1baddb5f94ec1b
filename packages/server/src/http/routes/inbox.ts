import type { RouteDescriptor } from '../route.js';
import { ref, schemas } from '../schemas.js';
import { inboxTargets } from '../../applications/access.js';

/** `GET /api/inbox`: the in-app notifications of the caller (the `inbox` transport writes them). */
export const inboxRoutes: RouteDescriptor[] = [
  {
    method: 'get',
    path: '/api/inbox',
    operationId: 'inbox',
    summary: 'My notifications, newest first: as applicant, and for my departments in my region as staff',
    description: 'Written by the notification dispatcher (at least once, one entry per notification). `?application=` narrows to one application.',
    tags: ['notifications'],
    auth: 'token',
    query: {
      application: { schema: schemas.applicationId, description: 'Only this application’s.' },
      limit: { schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, description: 'Page size.' },
      after: { schema: { type: 'string', maxLength: 500 }, description: 'The `next` cursor of the previous page.' },
    },
    responses: {
      200: {
        description: 'A page of notifications.',
        schema: { type: 'object', required: ['items', 'next'], properties: { items: { type: 'array', items: ref('Notification') }, next: { type: ['string', 'null'] } } },
      },
    },
    async handle(call) {
      const q = call.query as { application?: string; limit?: number; after?: string };
      const page = await call.services.store.inbox({
        targets: inboxTargets(call.principal!),
        limit: q.limit ?? 20,
        ...(q.application ? { applicationId: q.application } : {}),
        ...(q.after ? { after: q.after } : {}),
      });
      const items = page.items.map(({ id, applicationId, at, template, item, title, body }) => ({ id, applicationId, at, template, item, title, body }));
      return { status: 200, body: { items, next: page.next }, headers: { 'Cache-Control': 'no-store' } };
    },
  },
];
