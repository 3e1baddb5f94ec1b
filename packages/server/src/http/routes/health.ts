import type { RouteDescriptor } from '../route.js';

/** `GET /healthz`: the process answers and the store is reachable. */
export const healthRoutes: RouteDescriptor[] = [
  {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: 'Liveness and store check',
    tags: ['operations'],
    auth: 'public',
    responses: {
      200: {
        description: 'The server and its store work.',
        schema: {
          type: 'object',
          required: ['status', 'store', 'schemaVersion'],
          properties: { status: { const: 'ok' }, store: { enum: ['sqlite', 'mongodb'] }, schemaVersion: { type: 'integer' }, version: { type: 'string' } },
        },
      },
    },
    async handle({ services }) {
      const schemaVersion = await services.store.schemaVersion();
      return { status: 200, body: { status: 'ok', store: services.store.kind, schemaVersion, version: services.version }, headers: { 'Cache-Control': 'no-store' } };
    },
  },
];
