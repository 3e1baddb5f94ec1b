// Types the SDK shares with the engine's runtime entry (type-only: nothing heavy is imported).
export type { Json, MaterialValue } from '@onething/engine/runtime';
export type { Text } from '../i18n/strings.js';

/** A flow state value: `'draft'` or `{ processing: { 'birth-cert': 'review' } }`. */
export type StateValue = string | { [region: string]: StateValue };

/** One supplement (补正) round as the server shows it: what was flagged, why, and the answer. */
export interface SupplementRoundView {
  round: number;
  /** `bundle` for the window's pre-review, or the id of the item whose chart asked. */
  scope: string;
  requestedBy: { id?: string; role: string; department?: string };
  requestedAt: string;
  /** Bundle-data paths the applicant may change. */
  fields: string[];
  /** Material ids the applicant may provide again. */
  materials: string[];
  /** The overall reason; absent when every flagged entry has its own (rounds recorded before per-entry reasons always have it). */
  reason?: string;
  /** Each flagged field's own reason, by path, where the reviewer gave one. */
  fieldReasons?: Record<string, string>;
  /** Each flagged material's own reason, by id, where the reviewer gave one. */
  materialReasons?: Record<string, string>;
  answer?: { by: string; at: string; fields: string[]; materials: string[] };
}
