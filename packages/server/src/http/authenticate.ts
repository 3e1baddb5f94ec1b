import type { Request } from 'express';
import type { Principal } from '../auth/principal.js';
import type { TokenVerifier } from '../auth/tokens.js';
import { HttpError } from './errors.js';

/**
 * Reads the bearer token of a request. No `Authorization` header: undefined. A header that
 * is not a valid bearer token: 401 (a bad token is never silently ignored).
 * @example const principal = await authenticate(req, verifier)
 */
export async function authenticate(req: Request, verifier: TokenVerifier): Promise<Principal | undefined> {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header);
  if (!match?.[1]) throw new HttpError('unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer error="invalid_request"' } });
  const principal = await verifier.verify(match[1]);
  if (!principal) throw new HttpError('unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
  return principal;
}

/** The `X-Continuation-Token` header when it is well-formed (43 base64url characters). */
export function continuationHeader(req: Request): string | undefined {
  const value = req.headers['x-continuation-token'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(value)) {
    throw new HttpError('unauthenticated', { pointer: '/headers/x-continuation-token' });
  }
  return value;
}
