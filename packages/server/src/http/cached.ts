import type { Call, Reply } from './route.js';

/**
 * A conditional reply: 304 when the client's `If-None-Match` names `etag`, else the reply; both
 * carry the ETag and `cacheControl`.
 * @example return cached(call, runtime.etag, () => ({ status: 200, body }), 'private, max-age=300, must-revalidate')
 */
export function cached(call: Call, etag: string, reply: () => Reply, cacheControl = 'public, max-age=60, must-revalidate'): Reply {
  const headers = { ETag: etag, 'Cache-Control': cacheControl };
  const match = call.req.headers['if-none-match'];
  if (typeof match === 'string' && match.split(',').some((t) => t.trim() === etag)) return { status: 304, headers };
  const r = reply();
  return { ...r, headers: { ...headers, ...r.headers } };
}
