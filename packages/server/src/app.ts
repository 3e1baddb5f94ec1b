import express from 'express';
import { createRequire } from 'node:module';
import { createLogger, type Logger } from './logging.js';
import type { Store } from './store/port.js';
import { createTokenVerifier, type AuthOptions, type TokenVerifier } from './auth/tokens.js';
import type { Catalog } from './catalog/catalog.js';
import type { Clock, ServerLimits, Services } from './services.js';
import type { RouteDescriptor } from './http/route.js';
import { mountRoutes, routeNotFound } from './http/router.js';
import { errorHandler } from './http/middleware/error-handler.js';
import { requestLog } from './http/middleware/request-log.js';
import { corsForPortals, originAllowList, securityHeaders } from './http/middleware/security.js';
import { rateLimiters, type RateLimits } from './http/middleware/rate-limit.js';
import { mountAssets, type AssetMounts } from './http/assets.js';
import { apiRoutes } from './http/routes/index.js';
import { createStoreCatalog } from './catalog/store-catalog.js';

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Options of `createApp`. Only `store` and `auth` are required. */
export interface AppOptions {
  store: Store;
  /** How bearer tokens are verified (or a ready verifier). */
  auth: AuthOptions | TokenVerifier;
  /** The clock (default: the system clock). Tests and the scheduler's tests move it. */
  clock?: Clock;
  logger?: Logger;
  /** A catalog over the store's published definitions (default: built from `store`). */
  catalog?: Catalog;
  limits?: Partial<ServerLimits>;
  /** Requests per minute per IP and per token; `false` turns rate limiting off (benchmarks). */
  rateLimits?: Partial<RateLimits> | false;
  /** Origins always allowed by CORS, besides the portals registered in the store. */
  corsOrigins?: string[];
  /** Built browser assets to serve (designer, SDK, example portals), where they exist. */
  assets?: AssetMounts;
  /** Express `trust proxy` (behind a reverse proxy, for the client IP of rate limits). */
  trustProxy?: boolean | number | string;
}

/** What `createApp` returns: the Express app (not listening) and the services it uses. */
export interface OnethingApp {
  app: express.Express;
  services: Services;
  routes: readonly RouteDescriptor[];
}

export const DEFAULT_LIMITS: ServerLimits = { jsonBytes: 1024 * 1024, uploadBytes: 20 * 1024 * 1024 };
export const DEFAULT_RATE_LIMITS: RateLimits = { windowMs: 60_000, perIp: 1200, perToken: 600 };

/**
 * Builds the onething Express 5 app: security headers, CORS for registered portals, rate
 * limits, every API route (validated against the OpenAPI document), built assets, and
 * the error handler. Testable without listening (`app.listen(0, '127.0.0.1')` in tests).
 * @example
 * const store = new SqliteStore({ path: ':memory:' }); await store.migrate();
 * const { app } = createApp({ store, auth: { secret: process.env.ONETHING_JWT_SECRET! } });
 * app.listen(3000, '127.0.0.1');
 */
export function createApp(options: AppOptions): OnethingApp {
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? (() => new Date());
  const verifier = 'verify' in options.auth ? options.auth : createTokenVerifier(options.auth);
  const origins = originAllowList(options.store, options.corsOrigins ?? []);
  const services: Services = {
    store: options.store,
    clock,
    logger,
    verifier,
    catalog: options.catalog ?? createStoreCatalog(options.store, { logger }),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    origins,
    version,
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', false); // routes that cache send their own ETag
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  app.use(requestLog(logger));
  app.use(securityHeaders());
  app.use(corsForPortals(origins));
  const limiters = options.rateLimits === false ? undefined : rateLimiters({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits });
  if (limiters) app.use(limiters.ipLimiter);
  const routes = apiRoutes();
  mountRoutes(app, routes, services, limiters ? { tokenLimiter: limiters.tokenLimiter } : {});
  mountAssets(app, options.assets ?? {});
  app.use(routeNotFound);
  app.use(errorHandler(logger));
  return { app, services, routes };
}
