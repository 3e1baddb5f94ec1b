import type { RouteDescriptor } from '../route.js';
import { HttpError } from '../errors.js';
import { ref } from '../schemas.js';

const portalList = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('Portal') } } };

/** Admin routes for the portals whose origins the CORS allow-list admits. */
export const portalRoutes: RouteDescriptor[] = [
  {
    method: 'get',
    path: '/api/admin/portals',
    operationId: 'listPortals',
    summary: 'List registered portal origins (CORS allow-list)',
    tags: ['admin'],
    auth: 'token',
    roles: ['admin'],
    responses: { 200: { description: 'The registered portals.', schema: portalList } },
    async handle({ services }) {
      const items = (await services.store.listPortals()).map(({ origin, name }) => ({ origin, name }));
      return { status: 200, body: { items } };
    },
  },
  {
    method: 'post',
    path: '/api/admin/portals',
    operationId: 'registerPortal',
    summary: 'Register a portal origin',
    description: 'Browsers on this origin may call the API (CORS). Other server processes see the change within 10 s.',
    tags: ['admin'],
    auth: 'token',
    roles: ['admin'],
    body: { schema: ref('Portal') },
    responses: { 201: { description: 'Registered.', schema: ref('Portal') } },
    async handle({ body, services, now }) {
      const { origin, name } = body as { origin: string; name: string };
      await services.store.savePortal({ origin, name, createdAt: now.toISOString() });
      await services.origins.refresh();
      return { status: 201, body: { origin, name } };
    },
  },
  {
    method: 'delete',
    path: '/api/admin/portals/{origin}',
    operationId: 'removePortal',
    summary: 'Remove a portal origin',
    tags: ['admin'],
    auth: 'token',
    roles: ['admin'],
    params: { origin: { schema: { type: 'string', maxLength: 200 }, description: 'The origin, URL-encoded.' } },
    responses: { 204: { description: 'Removed.' } },
    async handle({ params, services }) {
      if (!(await services.store.deletePortal(params['origin'] ?? ''))) throw new HttpError('notFound');
      await services.origins.refresh();
      return { status: 204 };
    },
  },
];
