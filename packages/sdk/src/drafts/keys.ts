/**
 * A random UUID (v4) for idempotency keys and local ids: `crypto.randomUUID` where the page is a
 * secure context, else built from `crypto.getRandomValues` (plain-HTTP intranet portals).
 * @example randomKey() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The `sub` claim of a JWT, read without verifying it — only to keep one person's drafts apart
 * from another's on a shared device (the server verifies every token). Undefined when it is not a JWT.
 * @example subjectOf('eyJhbGciOi…') // 'citizen-1'
 */
export function subjectOf(token: string | undefined): string | undefined {
  const part = token?.split('.')[1];
  if (!part) return undefined;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const utf8 = new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)));
    const sub = (JSON.parse(utf8) as { sub?: unknown }).sub;
    return typeof sub === 'string' && sub ? sub : undefined;
  } catch {
    return undefined;
  }
}
