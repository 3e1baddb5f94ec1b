import { describe, expect, it } from 'vitest';
import type { Response } from 'express';
import { createRateLimiter } from './rate-limit.js';

function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return { headers, setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Response & { headers: Record<string, string> };
}

describe('createRateLimiter', () => {
  it('refuses the request over the limit in a window, with Retry-After and the draft-7 headers', () => {
    let t = 1_000;
    const limiter = createRateLimiter({ windowMs: 60_000, limit: 2, now: () => t });
    const res = response();
    expect(limiter.hit('a', res)).toBeUndefined();
    expect(res.headers['RateLimit']).toBe('limit=2, remaining=1, reset=60');
    expect(res.headers['RateLimit-Policy']).toBe('2;w=60');
    expect(limiter.hit('a', res)).toBeUndefined();
    const refused = limiter.hit('a', res);
    expect(refused?.status).toBe(429);
    expect(refused?.headers).toEqual({ 'Retry-After': '60' });
    expect(limiter.hit('b', response())).toBeUndefined(); // counters are per key
    t += 30_000;
    expect(limiter.hit('a', response())?.status).toBe(429); // same window
  });

  it('counts afresh once the key’s window has passed, across the bulk rotation of counters', () => {
    let t = 0;
    const limiter = createRateLimiter({ windowMs: 1_000, limit: 1, now: () => t });
    expect(limiter.hit('a', response())).toBeUndefined();
    t = 500;
    expect(limiter.hit('a', response())?.status).toBe(429);
    t = 1_200; // the map rotates; "a" moves from the previous window's counters and is expired
    expect(limiter.hit('a', response())).toBeUndefined();
    t = 1_300;
    expect(limiter.hit('a', response())?.status).toBe(429);
    t = 5_000; // two rotations later every counter is gone
    expect(limiter.hit('a', response())).toBeUndefined();
  });
});
