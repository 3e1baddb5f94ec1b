import type { JsonSchema } from '@onething/engine';
import type { RouteDescriptor } from './route.js';
import { componentSchemas } from './schemas.js';

/** `{id}` → `:id` for Express. @example expressPath('/api/applications/{id}') // '/api/applications/:id' */
export function expressPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

/**
 * The OpenAPI 3.1 document of the API, generated from the route descriptors (so every
 * route is in it) and the component schemas (which also validate request bodies).
 * @example const doc = openApiDocument(routes, { version: '0.1.0' }); doc.paths['/healthz']
 */
export function openApiDocument(routes: readonly RouteDescriptor[], info: { version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [];
    for (const [name, p] of Object.entries(route.params ?? {})) {
      parameters.push({ name, in: 'path', required: true, description: p.description, schema: p.schema });
    }
    for (const [name, q] of Object.entries(route.query ?? {})) {
      parameters.push({ name, in: 'query', required: q.required ?? false, description: q.description, schema: q.schema });
    }
    for (const [name, h] of Object.entries(route.headers ?? {})) {
      parameters.push({ name, in: 'header', required: h.required ?? false, description: h.description, schema: h.schema });
    }
    const security =
      route.auth === 'public'
        ? []
        : route.auth === 'optional' || route.continuation
          ? [{}, { bearer: [] }, ...(route.continuation ? [{ continuation: [] }] : [])]
          : [{ bearer: [] }];
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      const content = r.schema ? (r.contentType ? { [r.contentType]: { schema: r.schema } } : json(r.schema)) : r.contentType ? { [r.contentType]: {} } : undefined;
      responses[status] = {
        description: r.description,
        ...(content ? { content } : {}),
        ...(r.headers ? { headers: r.headers } : {}),
      };
    }
    responses['default'] = { description: 'An error `{ code, message, pointer? }` (see docs/api.md for the codes).', content: json({ $ref: '#/components/schemas/Error' }) };
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      security,
      ...(route.roles ? { 'x-roles': route.roles } : {}),
      ...(parameters.length ? { parameters } : {}),
      responses,
    };
    if (route.body) {
      operation['requestBody'] =
        'binary' in route.body
          ? { required: true, description: route.body.description, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } }
          : { required: route.body.required ?? true, ...(route.body.description ? { description: route.body.description } : {}), content: json(route.body.schema) };
    }
    (paths[route.path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'onething API',
      version: info.version,
      description: 'Government services declared as data: catalog, composed bundles, applications, materials, definitions. Errors are `{ code, message, pointer? }`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: componentSchemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'HS256 or EdDSA JWT with `sub`, `roles`, `region` (and `department` for clerks).' },
        continuation: { type: 'apiKey', in: 'header', name: 'X-Continuation-Token', description: 'The opaque token returned when a draft was created; resumes it without logging in.' },
      },
    },
  };
}
