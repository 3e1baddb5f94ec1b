import cors from 'cors';
import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { Store } from '../../store/port.js';

const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  // helmet adds `upgrade-insecure-requests` by default. On plain http at a LAN address it makes
  // browsers fetch every script and module over https, which fails (loopback is exempt);
  // behind TLS every URL here is relative and already https. So it is never sent.
  'upgrade-insecure-requests': null,
};

/**
 * Security headers (helmet): a strict Content-Security-Policy (`script-src 'self'`, no
 * inline script, no eval; no `upgrade-insecure-requests`, so plain-http deployments load their
 * scripts), no sniffing, no framing by other sites. Resources may be
 * loaded cross-origin (`Cross-Origin-Resource-Policy: cross-origin`) because portals on
 * other origins load the SDK and validator modules; API data still needs CORS + a token.
 * The headers do not depend on the request, so helmet runs once and each response gets
 * the headers it set.
 * @example app.use(securityHeaders())
 */
export function securityHeaders(): RequestHandler {
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader: (name: string, value: string) => void headers.push([name, value]),
    removeHeader: () => undefined,
  };
  helmet({
    contentSecurityPolicy: { useDefaults: true, directives: CSP_DIRECTIVES },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
  })(undefined as never, recorder as never, () => undefined);
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/**
 * The designer's page policy: the strict one plus `'unsafe-eval'`, because the designer runs the
 * full engine in the administrator's browser and ajv compiles the definition meta-schemas and
 * data schemas with `new Function` (docs/designer.md, "Security"). Scripts still come from this
 * origin only; no inline script. Mounted on the designer's path alone.
 * @example app.use('/designer/', designerContentSecurityPolicy())
 */
export function designerContentSecurityPolicy(): RequestHandler {
  return helmet.contentSecurityPolicy({ useDefaults: true, directives: { ...CSP_DIRECTIVES, 'script-src': ["'self'", "'unsafe-eval'"] } });
}

/** The CORS allow-list: origins from the configuration plus portals registered in the store. */
export interface OriginAllowList {
  allows(origin: string): Promise<boolean>;
  /** Re-reads the registered portals (after an admin change). */
  refresh(): Promise<void>;
}

/**
 * An allow-list that caches the store's portals for `ttlMs` (so a change made by another
 * server process is seen within that time).
 * @example const origins = originAllowList(store, ['http://localhost:5173'])
 */
export function originAllowList(store: Store, configured: readonly string[], ttlMs = 10_000): OriginAllowList {
  let cached = new Set<string>();
  let loadedAt = -Infinity;
  const list: OriginAllowList = {
    async refresh() {
      cached = new Set((await store.listPortals()).map((p) => p.origin));
      loadedAt = Date.now();
    },
    async allows(origin) {
      if (configured.includes(origin)) return true;
      if (Date.now() - loadedAt > ttlMs) await list.refresh();
      return cached.has(origin);
    },
  };
  return list;
}

/**
 * CORS for registered portal origins only: other origins get no CORS headers, so browsers
 * refuse them. Requests without an Origin (same-origin, server-to-server) pass.
 * @example app.use(corsForPortals(origins))
 */
export function corsForPortals(origins: OriginAllowList): RequestHandler {
  const handler = cors({
    origin(origin, callback) {
      if (!origin) return callback(null, false);
      origins.allows(origin).then((ok) => callback(null, ok ? origin : false), (error: Error) => callback(error));
    },
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match', 'X-Continuation-Token', 'X-File-Name', 'Accept-Language'],
    exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Idempotency-Replayed', 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
    maxAge: 600,
  }) as RequestHandler;
  // Without an Origin header (same-origin, server-to-server) there is nothing for CORS to do,
  // but caches must still know the answer depends on it.
  return (req, res, next) => {
    if (req.headers.origin !== undefined) return handler(req, res, next);
    res.setHeader('Vary', 'Origin');
    next();
  };
}
