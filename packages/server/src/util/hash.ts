import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * sha-256 (hex) of a value's canonical JSON (RFC 8785), the same for equal values
 * whatever their key order.
 * @example canonicalHash({ b: 1, a: 2 }) === canonicalHash({ a: 2, b: 1 }) // true
 */
export function canonicalHash(value: unknown): string {
  return sha256(canonicalize(value) ?? 'null');
}

/** sha-256 (hex) of a string (UTF-8) or bytes. @example sha256('abc').slice(0, 8) // 'ba7816bf' */
export function sha256(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}
