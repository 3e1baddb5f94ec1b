import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(32 * 128);
let offset = pool.length;

/**
 * Cryptographically random bytes, encoded, drawn from a pool refilled by `randomFillSync` (one
 * system call per 4 KiB, as `randomUUID` does); the bytes handed out are zeroed in the pool.
 * @example randomString(10, 'hex') // 20 hex digits, 80 bits
 */
export function randomString(bytes: number, encoding: 'hex' | 'base64url'): string {
  if (bytes > pool.length) throw new RangeError(`at most ${pool.length} bytes`);
  if (offset + bytes > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const text = pool.toString(encoding, offset, offset + bytes);
  pool.fill(0, offset, offset + bytes); // what was handed out never stays in memory here
  offset += bytes;
  return text;
}

/**
 * A random token as base64url (continuation tokens, secrets).
 * @example randomToken(32) // 43 characters, 256 bits
 */
export function randomToken(bytes: number): string {
  return randomString(bytes, 'base64url');
}
