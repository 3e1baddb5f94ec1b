import type { Json } from '@onething/engine/runtime';
import { strings, type Text } from '../i18n/strings.js';

/**
 * Codes the SDK adds to the server's HTTP error codes (docs/api.md): the request never got an
 * answer (`network`), took too long (`timeout`), or the answer was not what the API promises
 * (`invalid-response`).
 */
export type ClientErrorCode = 'network' | 'timeout' | 'invalid-response';

/**
 * An API call that failed, as data: the server's stable `code` (`submission-invalid`,
 * `revision-conflict`, …) or one of the SDK's (`network`, `timeout`, `invalid-response`),
 * the HTTP status (0 when there was no answer), a message, and the server's validation errors.
 * @example
 * try { await client.submit(id, body, key) } catch (e) { if (e instanceof ServiceError && e.offline) showOffline() }
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly errors: Json[] = [],
    readonly pointer?: string,
  ) {
    super(message);
  }

  /** True when the request got no answer: the page is offline, the server is down or unreachable. */
  get offline(): boolean {
    return this.code === 'network' || this.code === 'timeout';
  }

  /** A bilingual message for people: the SDK's own for network failures, else the server's. */
  get text(): Text {
    if (this.offline) return strings.networkError;
    return { 'zh-CN': this.message, en: this.message };
  }
}

/** True for a `ServiceError` with one of these codes. @example isServiceError(e, 'not-draft') */
export function isServiceError(error: unknown, ...codes: string[]): error is ServiceError {
  return error instanceof ServiceError && (codes.length === 0 || codes.includes(error.code));
}
