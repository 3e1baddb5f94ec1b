import express, { type NextFunction, type Request, type Response } from 'express';
import type { RateLimiter } from './middleware/rate-limit.js';
import type { Principal } from '../auth/principal.js';
import type { Services } from '../services.js';
import type { Call, Reply, RoleKind, RouteDescriptor } from './route.js';
import { authenticate, continuationHeader } from './authenticate.js';
import { HttpError } from './errors.js';
import { requestLocale } from './locale.js';
import { expressPath } from './openapi.js';
import { check, compileValidators } from './validation.js';
import { assertWellFormed } from './well-formed.js';
import { readBody } from '../materials/read-body.js';

/** True when the principal holds one of the role kinds. */
export function holdsRole(principal: Principal | undefined, kinds: readonly RoleKind[]): boolean {
  if (!principal) return false;
  return principal.roles.some((role) => kinds.some((kind) => (kind === 'reviewer' ? role.startsWith('reviewer:') : role === kind)));
}

/** Writes a handler's reply (JSON bodies serialized once — or sent as the JSON text the handler has — without Express's ETag and freshness work). */
function send(res: Response, reply: Reply): void {
  res.statusCode = reply.status;
  if (reply.headers) for (const name in reply.headers) res.setHeader(name, reply.headers[name]!);
  if ('bytes' in reply) {
    res.type(reply.contentType).send(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
  } else if ('json' in reply) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(reply.json);
  } else if (reply.body === undefined || reply.status === 204 || reply.status === 304) {
    res.end();
  } else {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(reply.body));
  }
}

/** Does the request carry a body (a non-zero length, or chunks)? */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return length !== undefined ? length !== '0' : req.headers['transfer-encoding'] !== undefined;
}

/**
 * Reads a JSON body: `application/json` in UTF-8, not compressed, at most `limit` bytes (413
 * as soon as it is larger), with no lone surrogate in its strings (I-JSON; 400 `invalid-json`).
 * Returns the value and the raw bytes (the idempotency fingerprint).
 */
async function readJson(req: Request, limit: number): Promise<{ value: unknown; raw: Uint8Array }> {
  const type = req.headers['content-type'];
  const [mediaType = '', ...parameters] = (type ?? '').split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') throw new HttpError('unsupportedMediaType', { pointer: '/headers/content-type' });
  const charset = parameters.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('charset='));
  if (charset && charset !== 'charset=utf-8' && charset !== 'charset="utf-8"') throw new HttpError('unsupportedMediaType', { pointer: '/headers/content-type' });
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') throw new HttpError('unsupportedMediaType', { pointer: '/headers/content-encoding' });
  const raw = await readBody(req, limit);
  const json = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new HttpError('invalidJson', { pointer: '' });
  }
  assertWellFormed(json, value);
  return { value, raw };
}

const EMPTY: Uint8Array = new Uint8Array(0);

/**
 * Registers every route on an Express app. Per request, in this order: authentication, the
 * role check, the per-token rate limit, the JSON body (size limit, media type), validation of
 * path, query, headers and body against the OpenAPI schemas, then the handler. Errors go to
 * the error handler.
 * @example mountRoutes(app, routes, services, { tokenLimiter: rateLimiters(limits).tokenLimiter })
 */
export function mountRoutes(
  app: express.Express,
  routes: readonly RouteDescriptor[],
  services: Services,
  options: { tokenLimiter?: RateLimiter } = {},
): void {
  const validators = compileValidators(routes);
  for (const route of routes) {
    const v = validators.get(route) ?? {};
    const jsonBody = route.body && !('binary' in route.body) ? route.body : undefined;
    const handler = async (req: Request, res: Response): Promise<void> => {
      const principal = route.auth === 'public' ? undefined : await authenticate(req, services.verifier);
      const continuation = route.continuation ? continuationHeader(req) : undefined;
      res.locals['principal'] = principal;
      if (route.auth === 'token' && !principal && !continuation) {
        throw new HttpError('unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
      }
      if (route.roles && principal && !holdsRole(principal, route.roles)) throw new HttpError('forbidden');
      if (principal && options.tokenLimiter) {
        const refused = options.tokenLimiter.hit(`sub:${principal.sub}`, res);
        if (refused) throw refused;
      }

      const params = { ...(req.params as Record<string, string>) };
      check(v.params, params, '/params');
      const query: Record<string, unknown> = { ...(req.query as Record<string, unknown>) };
      check(v.query, query, '/query');
      for (const name in route.headers) {
        if (route.headers[name]!.required && req.headers[name.toLowerCase()] === undefined) {
          throw new HttpError(name === 'Idempotency-Key' ? 'idempotencyKeyRequired' : 'invalidRequest', { pointer: `/headers/${name.toLowerCase()}` });
        }
      }
      let body: unknown;
      let raw = EMPTY;
      if (jsonBody) {
        if (hasBody(req)) ({ value: body, raw } = await readJson(req, services.limits.jsonBytes));
        else if (jsonBody.required === false) body = {};
        else throw new HttpError('invalidRequest', { pointer: '' });
        check(v.body, body, '');
      }
      const call: Call = {
        req,
        principal,
        continuation,
        params,
        query,
        body,
        rawBody: raw,
        get locale() {
          return requestLocale(req);
        },
        services,
        now: services.clock(),
      };
      send(res, await route.handle(call));
    };
    app[route.method](expressPath(route.path), handler);
  }
}

/** The 404 for paths no route matches. */
export function routeNotFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new HttpError('routeNotFound'));
}
