import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Principal } from '../auth/principal.js';
import type { Services } from '../services.js';
import type { Call, Reply, RoleKind, RouteDescriptor } from './route.js';
import { authenticate, continuationHeader } from './authenticate.js';
import { HttpError } from './errors.js';
import { requestLocale } from './locale.js';
import { expressPath } from './openapi.js';
import { check, compileValidators } from './validation.js';

/** True when the principal holds one of the role kinds. */
export function holdsRole(principal: Principal | undefined, kinds: readonly RoleKind[]): boolean {
  if (!principal) return false;
  return principal.roles.some((role) => kinds.some((kind) => (kind === 'reviewer' ? role.startsWith('reviewer:') : role === kind)));
}

/** Runs a connect-style middleware as a promise (for limiters called mid-dispatch). */
function run(middleware: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
  });
}

/** Writes a handler's reply. */
function send(res: Response, reply: Reply): void {
  res.status(reply.status);
  if (reply.headers) res.set(reply.headers);
  if ('bytes' in reply) {
    res.type(reply.contentType).send(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
  } else if (reply.body === undefined || reply.status === 204) {
    res.end();
  } else {
    res.json(reply.body);
  }
}

/**
 * Registers every route on an Express app: body parsing and size limit, authentication,
 * role check, the per-token rate limit, validation of path, query and body against the
 * OpenAPI schemas, then the handler. Errors go to the error handler.
 * @example mountRoutes(app, routes, services, { tokenLimiter })
 */
export function mountRoutes(
  app: express.Express,
  routes: readonly RouteDescriptor[],
  services: Services,
  options: { tokenLimiter?: RequestHandler } = {},
): void {
  const validators = compileValidators(routes);
  const json = express.json({ limit: services.limits.jsonBytes, strict: true, type: () => true });
  for (const route of routes) {
    const v = validators.get(route) ?? {};
    const handlers: RequestHandler[] = [];
    if (route.body && !('binary' in route.body)) {
      const optional = route.body.required === false;
      handlers.push((req, res, next) => {
        const hasBody = req.headers['content-length'] !== undefined ? req.headers['content-length'] !== '0' : req.headers['transfer-encoding'] !== undefined;
        if (!hasBody) {
          req.body = optional ? {} : undefined;
          return next();
        }
        if (!req.is('application/json')) return next(new HttpError('unsupportedMediaType', { pointer: '/headers/content-type' }));
        json(req, res, next);
      });
    }
    handlers.push(async (req, res) => {
      const principal = route.auth === 'public' ? undefined : await authenticate(req, services.verifier);
      const continuation = route.continuation ? continuationHeader(req) : undefined;
      res.locals['principal'] = principal;
      if (route.auth === 'token' && !principal && !continuation) {
        throw new HttpError('unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
      }
      if (route.roles && principal && !holdsRole(principal, route.roles)) throw new HttpError('forbidden');
      if (principal && options.tokenLimiter) await run(options.tokenLimiter, req, res);

      const params = { ...(req.params as Record<string, string>) };
      check(v.params, params, '/params');
      const query: Record<string, unknown> = { ...(req.query as Record<string, unknown>) };
      check(v.query, query, '/query');
      for (const [name, header] of Object.entries(route.headers ?? {})) {
        if (header.required && req.headers[name.toLowerCase()] === undefined) {
          throw new HttpError(name === 'Idempotency-Key' ? 'idempotencyKeyRequired' : 'invalidRequest', { pointer: `/headers/${name.toLowerCase()}` });
        }
      }
      const body: unknown = req.body;
      if (route.body && !('binary' in route.body)) {
        if (body === undefined) throw new HttpError('invalidRequest', { pointer: '' });
        check(v.body, body, '');
      }
      const call: Call = { req, principal, continuation, params, query, body, locale: requestLocale(req), services, now: services.clock() };
      send(res, await route.handle(call));
    });
    app[route.method](expressPath(route.path), ...handlers);
  }
}

/** The 404 for paths no route matches. */
export function routeNotFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new HttpError('routeNotFound'));
}
