import type { RouteDescriptor } from '../route.js';
import { openApiDocument } from '../openapi.js';

/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document of every route (including this one),
 * generated from the route descriptors.
 * @example openApiRoutes(() => allRoutes)
 */
export function openApiRoutes(all: () => readonly RouteDescriptor[]): RouteDescriptor[] {
  let cached: unknown;
  return [
    {
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'openapi',
      summary: 'This API’s OpenAPI 3.1 document',
      tags: ['operations'],
      auth: 'public',
      responses: { 200: { description: 'The OpenAPI document.', schema: { type: 'object', required: ['openapi', 'paths'] } } },
      async handle({ services }) {
        cached ??= openApiDocument(all(), { version: services.version });
        return { status: 200, body: cached, headers: { 'Cache-Control': 'public, max-age=60' } };
      },
    },
  ];
}
