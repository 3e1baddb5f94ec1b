import type { StoredResponse } from './types.js';

/**
 * A stored response as JSON text (`{"status":…,"body":…}`), reusing the body's JSON when the
 * caller serialized it already.
 * @example storedResponseJson({ response: { status: 201, body: { id: 'a' } } }) // '{"status":201,"body":{"id":"a"}}'
 */
export function storedResponseJson(key: { response: StoredResponse; bodyJson?: string }): string {
  if (key.bodyJson === undefined) return JSON.stringify(key.response);
  return `{"status":${JSON.stringify(key.response.status)},"body":${key.bodyJson}}`;
}
