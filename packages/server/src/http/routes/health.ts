import type { RouteDescriptor } from '../route.js';
import { HttpError } from '../errors.js';

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
        description: 'The server and its store work (503 `unavailable` when the store does not answer).',
        schema: {
          type: 'object',
          required: ['status', 'store', 'schemaVersion'],
          properties: { status: { const: 'ok' }, store: { enum: ['sqlite', 'mongodb'] }, schemaVersion: { type: 'integer' }, version: { type: 'string' } },
        },
      },
    },
    async handle({ services }) {
      let schemaVersion: number;
      try {
        schemaVersion = await services.store.schemaVersion();
      } catch (error) {
        // A probe must see "not ready" (503), and the operator the reason, in the log.
        services.logger.error({ err: error }, 'health check: the store does not answer');
        throw new HttpError('unavailable');
      }
      return { status: 200, body: { status: 'ok', store: services.store.kind, schemaVersion, version: services.version }, headers: { 'Cache-Control': 'no-store' } };
    },
  },
];
