import type { Request } from 'express';
import type { JsonSchema, Locale } from '@onething/engine';
import type { Principal } from '../auth/principal.js';
import type { Services } from '../services.js';

/** Who may call a route: `reviewer` means a reviewer of any department. */
export type RoleKind = 'applicant' | 'clerk' | 'reviewer' | 'admin';

/** One documented query parameter. Values arrive as strings and are coerced by the schema. */
export interface QueryParam {
  schema: JsonSchema;
  description: string;
  required?: boolean;
}

/** A documented response. */
export interface ResponseSpec {
  description: string;
  schema?: JsonSchema;
  /** Content type when not JSON (a file, a JavaScript module). */
  contentType?: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}

/** What a handler receives: the validated request and the app's services. */
export interface Call<Body = unknown, Query = Record<string, unknown>> {
  req: Request;
  principal: Principal | undefined;
  /** The raw `X-Continuation-Token` header, when sent. */
  continuation: string | undefined;
  params: Record<string, string>;
  query: Query;
  body: Body;
  /** The JSON body's bytes as received (empty without one): the idempotency fingerprint. */
  rawBody: Uint8Array;
  /** The response locale (`Accept-Language`), worked out when read. */
  readonly locale: Locale;
  services: Services;
  /** The request's instant, from the injected clock. */
  now: Date;
}

/** What a handler returns; the dispatcher writes it. */
export type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** A JSON body the handler already has as text (a stored idempotent response). */
  | { status: number; json: string; headers?: Record<string, string> }
  | { status: number; bytes: Uint8Array; contentType: string; headers?: Record<string, string> };

/**
 * One API route: everything the router, the request validation and the OpenAPI document
 * need. Routes live one area per file in `src/http/routes/` and are grouped by the
 * exported `routes` array — the OpenAPI document is generated from them, so it cannot drift.
 * @example
 * export const health: RouteDescriptor = {
 *   method: 'get', path: '/healthz', operationId: 'health', summary: 'Liveness and store check',
 *   tags: ['ops'], auth: 'public', responses: { 200: { description: 'OK' } },
 *   handle: async () => ({ status: 200, body: { status: 'ok' } }),
 * };
 */
export interface RouteDescriptor {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path template, e.g. `/api/applications/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** `public`: no token needed; `optional`: a token is read when sent; `token`: a bearer token is required. */
  auth: 'public' | 'optional' | 'token';
  /** When set, the principal must hold one of these roles (403 otherwise). */
  roles?: RoleKind[];
  /** Accepts `X-Continuation-Token` in place of a bearer token (drafts of citizens not logged in). */
  continuation?: boolean;
  params?: Record<string, { schema: JsonSchema; description: string }>;
  query?: Record<string, QueryParam>;
  /** Request headers the route reads (documented; `required` ones are checked). */
  headers?: Record<string, { schema: JsonSchema; description: string; required?: boolean }>;
  /** A JSON body (validated), or `binary` for uploads the handler streams itself. */
  body?: { schema: JsonSchema; required?: boolean; description?: string } | { binary: true; description: string };
  responses: Record<number, ResponseSpec>;
  handle(call: Call<any, any>): Promise<Reply>;
}
