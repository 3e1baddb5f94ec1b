import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(32 * 128);
let offset = pool.length;

/**
 * Cryptographically random bytes as base64url, drawn from a pool refilled by
 * `randomFillSync` (one system call per 128 tokens of 32 bytes, as `randomUUID` does).
 * @example randomToken(32) // 43 characters, 256 bits
 */
export function randomToken(bytes: number): string {
  if (bytes > pool.length) throw new RangeError(`at most ${pool.length} bytes`);
  if (offset + bytes > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const token = pool.toString('base64url', offset, offset + bytes);
  pool.fill(0, offset, offset + bytes); // a handed-out token never stays in memory here
  offset += bytes;
  return token;
}
