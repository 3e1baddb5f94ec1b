import type { Json } from '@onething/engine';

/** The kinds of definition the store keeps. */
export type DefinitionKind = 'item' | 'bundle' | 'concepts' | 'overlay';
export const DEFINITION_KINDS: readonly DefinitionKind[] = ['item', 'bundle', 'concepts', 'overlay'];

/**
 * A definition version. A draft is mutable (compare-and-set on `revision`); a published
 * version is immutable: its `body` and `hash` never change again.
 */
export interface DefinitionRecord {
  kind: DefinitionKind;
  id: string;
  version: string;
  status: 'draft' | 'published';
  /** The definition's JSON. */
  body: Json;
  /** sha-256 (hex) of the body's canonical JSON (RFC 8785). */
  hash: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  createdBy: string;
  publishedBy: string | null;
}

/** Where an application's audit chain ends; the next entry links to it. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Who did something: a token's subject and the role it acted in, or the scheduler (`system`). */
export interface Actor {
  sub: string;
  role: string;
  department?: string;
}

/**
 * An application for a bundle: a draft the citizen fills in, then a case the flow drives.
 * State changes are compare-and-set on `revision`.
 */
export interface ApplicationRecord {
  id: string;
  revision: number;
  /**
   * The immutable definitions it runs on: the bundle version, the item versions pinned when
   * it was created, and the flow's hash over all of them.
   */
  bundle: { id: string; version: string; hash: string; items?: Record<string, string> };
  /** `draft` until submitted, `open` while the flow runs, `closed` in a final state. */
  status: 'draft' | 'open' | 'closed';
  /** The flow's state summary (`draft`, `preReview`, `processing`, `completed`, …). */
  state: string;
  /** The applicant's token subject; null for a draft started without logging in. */
  owner: string | null;
  /** The region that handles it (the bundle's region). */
  region: string;
  /** Departments whose queues show it (the lead window and every active item's department). */
  departments: string[];
  /** sha-256 (hex) of the opaque continuation token that resumes the draft, or null. */
  continuation: string | null;
  answers: Record<string, Json>;
  data: Record<string, Json>;
  materials: Record<string, Json>;
  /** The persisted flow snapshot (plain JSON), null while a draft. */
  flow: Json | null;
  /** The earliest pending deadline (ISO 8601), for queue filters. */
  nextDeadline: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  auditHead: AuditHead | null;
}

/**
 * One audit entry: who did what to an application, hash-chained per application
 * (`hash` covers every other field, including `prevHash`).
 */
export interface AuditEntry {
  applicationId: string;
  seq: number;
  at: string;
  actor: Actor;
  event: string;
  /** The item whose chart took the event, if any. */
  item?: string;
  /** The flow state before and after (a state value: a string or nested object). */
  from: Json | null;
  to: Json;
  /** sha-256 of the application's answers, data and materials after the change. */
  dataHash: string;
  /** Extra facts (a supplement request, an item decision, the deadline fired). */
  detail?: Json;
  prevHash: string | null;
  hash: string;
}

/** A persisted timer: when `due` passes, the scheduler sends `event` as the `system` actor. */
export interface DeadlineRecord {
  id: string;
  applicationId: string;
  /** Identifies the deadline within its application (e.g. the state that set it); cancelled by key. */
  key: string;
  due: string;
  event: string;
  /** Extra event payload for the flow. */
  payload?: Json;
  status: 'pending' | 'fired' | 'cancelled';
  leaseOwner: string | null;
  leaseUntil: string | null;
  firedAt: string | null;
}

/** A stored HTTP response for an idempotency key. */
export interface StoredResponse {
  status: number;
  body: Json;
}

export interface IdempotencyRecord {
  /** Who the key belongs to (a token subject), so keys of different callers never collide. */
  scope: string;
  key: string;
  /** sha-256 of the request (method, path, body): the same key with another request is refused. */
  requestHash: string;
  response: StoredResponse;
  applicationId: string | null;
  createdAt: string;
}

/** A content-addressed file. */
export interface BlobRecord {
  sha256: string;
  size: number;
  /** MIME type sniffed from the bytes. */
  type: string;
  bytes: Uint8Array;
}

/** A file uploaded for one material of one application (the access check for downloads). */
export interface AttachmentRecord {
  applicationId: string;
  materialId: string;
  sha256: string;
  name: string;
  size: number;
  type: string;
  uploadedBy: string;
  at: string;
}

/** A rating (好差评) of a completed application. */
export interface RatingRecord {
  applicationId: string;
  score: 1 | 2 | 3 | 4 | 5;
  comment: string;
  by: string;
  at: string;
}

/** An embedding portal whose origin the CORS allow-list admits. */
export interface PortalRecord {
  origin: string;
  name: string;
  createdAt: string;
}

/**
 * A notification to deliver, written with the change that caused it (the transactional
 * outbox). The dispatcher leases it, delivers it through every transport and settles it:
 * delivered, retried later with backoff, or failed after the last attempt.
 */
export interface OutboxRecord {
  id: string;
  applicationId: string;
  at: string;
  /** The flow's `notify` effect (`{ type: 'notify', to, template, params, item? }`). */
  effect: Json;
  status: 'pending' | 'delivered' | 'failed';
  /** Delivery attempts so far. */
  attempts: number;
  /** Not before this instant (the backoff after a failed attempt). */
  nextAttempt: string;
  /** The transports that delivered it already (a retry skips them). */
  delivered: string[];
  lastError: string | null;
  settledAt: string | null;
  leaseOwner: string | null;
  leaseUntil: string | null;
}

/** How a delivery attempt of a leased outbox message ended. */
export type OutboxSettlement =
  | { status: 'delivered'; delivered: string[]; at: string }
  | { status: 'pending'; delivered: string[]; at: string; nextAttempt: string; error: string }
  | { status: 'failed'; delivered: string[]; at: string; error: string };

/** Who an inbox entry is for. */
export interface InboxTarget {
  /** `applicant` (subject: token subject), `application` (subject: application id — a citizen not logged in), `clerk` or `reviewer` (subject: department), `admin`. */
  kind: 'applicant' | 'application' | 'clerk' | 'reviewer' | 'admin';
  /** Absent: any subject (a clerk whose token names no department). */
  subject?: string;
  /** Absent: any region (admins). */
  region?: string;
}

/** A notification in the in-app inbox (written by the `inbox` transport; one per outbox message). */
export interface InboxEntry {
  /** The outbox message's id: delivering it again writes nothing new. */
  id: string;
  applicationId: string;
  at: string;
  target: Required<Pick<InboxTarget, 'kind'>> & { subject: string; region: string };
  template: string;
  item: string | null;
  title: { 'zh-CN': string; en: string };
  body: { 'zh-CN': string; en: string };
}

/** A page of results and the cursor of the next page (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** Filters of an application listing. Every value is a plain string or number — never a query object. */
export interface ApplicationQuery {
  owner?: string;
  department?: string;
  region?: string;
  states?: string[];
  status?: ApplicationRecord['status'];
  /** Only applications with a pending deadline due at or before this instant. */
  dueBefore?: string;
  /** `updated`: newest first; `deadline`: the most urgent first (no deadline last). */
  order: 'updated' | 'deadline';
  limit: number;
  /** The `next` cursor of the previous page. */
  after?: string;
}
