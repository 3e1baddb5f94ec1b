import type { ApplicationQuery, ApplicationRecord } from './types.js';
import { StoreError } from './errors.js';

/** What a listing cursor holds: the sort key and the id of the last item of the page. */
export interface Cursor {
  key: string;
  id: string;
}

/** The sort key of an application in a listing order. No deadline sorts last (`~` > digits). */
export function sortKey(app: ApplicationRecord, order: ApplicationQuery['order']): string {
  return order === 'updated' ? app.updatedAt : (app.nextDeadline ?? '~');
}

/** Encodes an opaque page cursor. @example encodeCursor({ key: '2025-01-01T00:00:00.000Z', id: 'a1' }) */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

/** Decodes a cursor from `encodeCursor`; `invalid` for anything else. */
export function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new StoreError('invalid', 'malformed page cursor');
}
