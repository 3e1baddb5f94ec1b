import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { HttpError } from '../errors.js';

/** A fixed-window request counter: `limit` requests per key and window. */
export interface RateLimiter {
  /**
   * Counts one request for `key`; returns the 429 error to throw when it is over the limit,
   * else nothing. Sets `RateLimit` and `RateLimit-Policy` (IETF draft 7) on the response.
   */
  hit(key: string, res: Response): HttpError | undefined;
}

interface Counter {
  count: number;
  resetAt: number;
}

/**
 * A fixed-window limiter kept in this process's memory, as express-rate-limit's memory store
 * keeps it: counters of the current window, and the previous window's, dropped in bulk when a
 * window ends (no timer per key, no scan). Synchronous: express-rate-limit's middleware awaits
 * five promises and validates its options on every request, which cost about 15 µs of the
 * submit route per limiter (docs/performance.md).
 * @example const perToken = createRateLimiter({ windowMs: 60_000, limit: 600 }); const refused = perToken.hit(`sub:${sub}`, res);
 */
export function createRateLimiter(options: { windowMs: number; limit: number; now?: () => number }): RateLimiter {
  const { windowMs, limit } = options;
  const now = options.now ?? Date.now;
  const seconds = Math.ceil(windowMs / 1000);
  const policy = `${limit};w=${seconds}`;
  let current = new Map<string, Counter>();
  let previous = new Map<string, Counter>();
  let rotateAt = now() + windowMs;
  return {
    hit(key, res) {
      const t = now();
      if (t >= rotateAt) {
        // Counters untouched for a whole window are expired: drop them all at once.
        previous = current;
        current = new Map();
        rotateAt = t + windowMs;
      }
      let counter = current.get(key);
      if (!counter) {
        counter = previous.get(key);
        if (counter) previous.delete(key);
        if (!counter || counter.resetAt <= t) counter = { count: 0, resetAt: t + windowMs };
        current.set(key, counter);
      } else if (counter.resetAt <= t) {
        counter.count = 0;
        counter.resetAt = t + windowMs;
      }
      counter.count++;
      const reset = Math.max(0, Math.ceil((counter.resetAt - t) / 1000));
      res.setHeader('RateLimit-Policy', policy);
      res.setHeader('RateLimit', `limit=${limit}, remaining=${Math.max(limit - counter.count, 0)}, reset=${reset}`);
      return counter.count > limit ? new HttpError('rateLimited', { headers: { 'Retry-After': String(seconds) } }) : undefined;
    },
  };
}

/** Rate-limit settings: requests per window. */
export interface RateLimits {
  windowMs: number;
  perIp: number;
  perToken: number;
}

/** The key of a client address: IPv4 as it is, IPv6 by its /56 network (one customer's addresses count together). */
export function ipKey(req: Request): string {
  return `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

/**
 * Two limiters: one per client IP (a middleware before authentication, so floods of bad tokens
 * are limited too) and one per token subject (called by the router once the token is verified).
 * Over the limit: 429 `rate-limited` with `Retry-After`. Counters are per process (see
 * docs/operations.md).
 * @example const { ipLimiter, tokenLimiter } = rateLimiters({ windowMs: 60_000, perIp: 600, perToken: 300 })
 */
export function rateLimiters(limits: RateLimits): { ipLimiter: RequestHandler; tokenLimiter: RateLimiter } {
  const perIp = createRateLimiter({ windowMs: limits.windowMs, limit: limits.perIp });
  const perToken = createRateLimiter({ windowMs: limits.windowMs, limit: limits.perToken });
  return {
    ipLimiter: (req, res, next) => next(perIp.hit(ipKey(req), res)),
    tokenLimiter: perToken,
  };
}
