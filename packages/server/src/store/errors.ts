/** Stable codes of the store failures callers handle. */
export type StoreErrorCode = 'conflict' | 'not-found' | 'published' | 'invalid' | 'idempotency-mismatch';

/**
 * A failure the caller can act on (the HTTP layer maps it to 409/404/422).
 * @example if (e instanceof StoreError && e.code === 'conflict') return res.status(409)
 */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Throws `invalid` unless the value is a string: no caller's object ever reaches a query. */
export function str(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new StoreError('invalid', `${name} must be a string`);
  return value;
}
