import type { Json, MaterialValue, StateValue, SupplementRoundView, Text } from './view-types.js';

export type { Json, MaterialValue, StateValue, SupplementRoundView, Text };

/**
 * What typed form content looks like: the guidance answers and the bundle data. The types
 * `onething types` generates (`NewbornBirth`) fit it; `UntypedData` is the default.
 */
export interface ServiceData {
  answers: object;
  data: object;
}

/** Form content without generated types: plain JSON objects. */
export interface UntypedData {
  answers: Record<string, Json>;
  data: Record<string, Json>;
}

/** What the applicant sends: answers, data and materials, typed by the bundle's generated types. */
export type SubmissionOf<T extends ServiceData = UntypedData> = T & { materials: Record<string, MaterialValue> };

/** A deadline the server holds for an application. */
export interface DeadlineView {
  key: string;
  due: string;
  event: string;
  status: string;
}

/** One entry of an application's audit trail (its timeline). */
export interface TimelineEntry {
  seq: number;
  at: string;
  actor: { role: string; sub?: string; department?: string };
  event: string;
  item?: string;
  from?: Json;
  to?: Json;
  detail?: Json;
}

/** The flow part of an application, as the server shows it. */
export interface FlowView {
  value: StateValue;
  status: 'active' | 'done';
  active: string[];
  outcome: 'completed' | 'partlyCompleted' | 'rejected' | 'withdrawn' | null;
  reason: string | null;
  items: Record<string, { outcome: 'approved' | 'rejected' | 'withdrawn' | null; decidedAt: string | null }>;
  supplements: SupplementRoundView[];
  openSupplement: SupplementRoundView | null;
  deadlines: Record<string, { due: string; event: string; [key: string]: Json }>;
}

/**
 * An application as the server returns it (`GET /api/applications/{id}`). `timeline`,
 * `deadlines`, `attachments` and `rating` are present on reads, not on the answers to changes.
 */
export interface ApplicationView<T extends ServiceData = UntypedData> {
  id: string;
  revision: number;
  bundle: { id: string; version: string; hash: string };
  status: 'draft' | 'open' | 'closed';
  state: string;
  region: string;
  departments: string[];
  nextDeadline: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  answers: T['answers'];
  data: T['data'];
  materials: Record<string, MaterialValue>;
  flow: FlowView | null;
  timeline?: TimelineEntry[];
  deadlines?: DeadlineView[];
  attachments?: Array<{ materialId: string; sha256: string; name: string; size: number; type: string; at: string }>;
  rating?: { applicationId: string; score: number; comment: string; at: string } | null;
}

/** A value the server proposes for a field (smart prefill), and where it came from. */
export interface PrefillValue {
  /** Bundle-data path of the field. */
  path: string;
  value: Json;
  concept: string;
  /** `token`: a claim of the applicant's sign-in token; `history`: an earlier application of theirs. */
  source: 'token' | 'history';
  /** For `history`: when the earlier application was last changed. */
  at?: string;
}
