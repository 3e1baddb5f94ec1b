import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type CryptoKey,
  type KeyObject,
  type JWK,
} from 'jose';
import { principalFromClaims, type Principal, type Role } from './principal.js';

/** How tokens are verified: an HS256 shared secret, an EdDSA JWKS (inline or by URL), or both. */
export interface AuthOptions {
  /** HS256 secret (at least 32 bytes). */
  secret?: string | Uint8Array;
  /** A JWKS with the public keys of trusted issuers (EdDSA), or the URL to fetch it from. */
  jwks?: JSONWebKeySet | URL;
  issuer?: string;
  audience?: string;
  /** Verified tokens remembered (until they expire) so each is checked once; default 10,000, 0 turns it off. */
  cacheSize?: number;
}

/** Verifies bearer tokens into principals. */
export interface TokenVerifier {
  /** The principal of a valid token, or null (bad signature, expired, malformed claims). */
  verify(token: string): Promise<Principal | null>;
}

const encoder = new TextEncoder();
const secretBytes = (secret: string | Uint8Array) => (typeof secret === 'string' ? encoder.encode(secret) : secret);

/**
 * Builds a verifier. HS256 tokens are checked with the secret, EdDSA tokens with the JWKS;
 * any other algorithm is refused.
 * @example const auth = createTokenVerifier({ secret: process.env.ONETHING_JWT_SECRET });
 * const principal = await auth.verify(token);
 */
export function createTokenVerifier(options: AuthOptions): TokenVerifier {
  if (!options.secret && !options.jwks) throw new Error('auth needs a secret or a JWKS');
  if (options.secret && secretBytes(options.secret).byteLength < 32) throw new Error('the HS256 secret must be at least 32 bytes');
  const secret = options.secret ? secretBytes(options.secret) : undefined;
  const jwks = options.jwks
    ? options.jwks instanceof URL
      ? createRemoteJWKSet(options.jwks)
      : createLocalJWKSet(options.jwks)
    : undefined;
  const checks = {
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
  };
  const cacheSize = options.cacheSize ?? 10_000;
  // Token → principal, for tokens that verified; in insertion order, so the oldest goes first.
  const cache = new Map<string, { principal: Principal; until: number }>();
  const verify = async (token: string): Promise<{ principal: Principal; until: number } | null> => {
    try {
      const { alg } = decodeProtectedHeader(token);
      let payload: Record<string, unknown>;
      if (alg === 'HS256' && secret) {
        ({ payload } = await jwtVerify(token, secret, { ...checks, algorithms: ['HS256'] }));
      } else if (alg === 'EdDSA' && jwks) {
        ({ payload } = await jwtVerify(token, jwks, { ...checks, algorithms: ['EdDSA'] }));
      } else {
        return null;
      }
      const principal = principalFromClaims(payload);
      if (!principal) return null;
      const exp = typeof payload['exp'] === 'number' ? payload['exp'] * 1000 : Date.now() + 60_000;
      return { principal, until: exp };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) return null;
      throw error;
    }
  };
  return {
    async verify(token) {
      const hit = cache.get(token);
      if (hit) {
        if (Date.now() < hit.until) return hit.principal;
        cache.delete(token);
      }
      const verified = await verify(token);
      if (!verified) return null;
      if (cacheSize > 0) {
        if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
        cache.set(token, verified);
      }
      return verified.principal;
    },
  };
}

/** Claims of a token to mint. */
export interface TokenClaims {
  sub: string;
  roles: Role[];
  region: string;
  department?: string;
  name?: string;
  /** Profile claims for prefill: `idNumber`, `mobile`, `creditCode`, `enterpriseName` (see `PROFILE_CLAIMS`). */
  profile?: Record<string, string>;
}

/**
 * Mints a token: HS256 with a secret, or EdDSA with an Ed25519 private key (JWK or key object).
 * Used by `onething token` and the demo; production tokens come from your identity provider.
 * @example await mintToken({ sub: 'citizen-1', roles: ['applicant'], region: '110105' }, { secret, expiresIn: '12h' })
 */
export async function mintToken(
  claims: TokenClaims,
  key: { secret: string | Uint8Array } | { privateKey: CryptoKey | KeyObject | JWK | Uint8Array; kid?: string },
  options: { expiresIn?: string | number; issuer?: string; audience?: string; now?: Date } = {},
): Promise<string> {
  const body: Record<string, unknown> = { ...claims.profile, roles: claims.roles, region: claims.region };
  if (claims.department) body['department'] = claims.department;
  if (claims.name) body['name'] = claims.name;
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  let jwt = new SignJWT(body).setSubject(claims.sub).setIssuedAt(iat);
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  const expiresIn = options.expiresIn ?? '12h';
  jwt = jwt.setExpirationTime(typeof expiresIn === 'number' ? iat + expiresIn : expiresIn);
  if ('secret' in key) return jwt.setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretBytes(key.secret));
  const header = key.kid ? { alg: 'EdDSA', typ: 'JWT', kid: key.kid } : { alg: 'EdDSA', typ: 'JWT' };
  return jwt.setProtectedHeader(header).sign(key.privateKey as CryptoKey);
}
