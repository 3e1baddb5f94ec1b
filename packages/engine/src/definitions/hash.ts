import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The content hash of a definition: sha-256 (hex) of its canonical JSON (RFC 8785, JCS),
 * so key order and number spelling do not change it. Runs in browsers (no node:crypto).
 * Throws on values that are not JSON (cycles, NaN, lone surrogates) — `load` only hashes
 * values it has checked.
 * @example
 * hashDefinition({ b: 1, a: [true] }) === hashDefinition({ a: [true], b: 1.0 }) // true
 */
export function hashDefinition(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new TypeError('hashDefinition: the value has no JSON form');
  return bytesToHex(sha256(utf8ToBytes(json)));
}
