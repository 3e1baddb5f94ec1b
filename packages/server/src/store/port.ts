import type { Json } from '@onething/engine';
import type {
  ApplicationQuery,
  ApplicationRecord,
  AttachmentRecord,
  AuditEntry,
  BlobRecord,
  DeadlineRecord,
  DefinitionKind,
  DefinitionRecord,
  InboxEntry,
  InboxTarget,
  OutboxRecord,
  OutboxSettlement,
  Page,
  PortalRecord,
  RatingRecord,
  StoredResponse,
} from './types.js';

/**
 * One atomic change of an application: the new record, its audit entries, deadlines,
 * notifications and (for a submission) the idempotent response — all written in one
 * transaction, or none of it.
 */
export interface ApplicationChange {
  /** The application as it will be stored. Its `revision` must be `expectedRevision + 1` (1 when creating). */
  next: ApplicationRecord;
  /** The revision the change was computed from; null creates the application. */
  expectedRevision: number | null;
  /** Entries chained onto `next.auditHead`'s predecessor (see `chainAudit`). */
  audit: AuditEntry[];
  deadlines?: {
    /** Keys of this application's pending deadlines to cancel. `'*'` cancels all of them. */
    cancel?: string[];
    add?: DeadlineRecord[];
    /** The deadline this change fires: it must still be pending and leased by `owner`. */
    fire?: { id: string; owner: string; at: string };
  };
  outbox?: OutboxRecord[];
  /**
   * The application flow the change ran on (plain JSON, without its working-day calendar),
   * stored under its hash unless it is stored already: flows are content-addressed and
   * immutable (a hash keeps the body first stored). Later steps of the application run on it,
   * whatever flow a newer engine would generate (see `getFlow`).
   */
  flow?: { hash: string; body: Json };
  /**
   * Stores the response under the key; a later change with the same key replays it instead.
   * `bodyJson`, when given, is `JSON.stringify(response.body)` already done by the caller.
   */
  idempotency?: { scope: string; key: string; requestHash: string; response: StoredResponse; bodyJson?: string };
}

/** What a committed change returns. */
export type CommitResult =
  | { status: 'committed'; application: ApplicationRecord }
  /** The idempotency key was used before: nothing was written, here is the first response. */
  | { status: 'replayed'; response: StoredResponse };

/** A draft definition to create or update. */
export interface DraftInput {
  kind: DefinitionKind;
  id: string;
  version: string;
  body: DefinitionRecord['body'];
  hash: string;
  by: string;
  at: string;
  /** The draft revision being updated; null creates the draft. */
  expectedRevision: number | null;
}

/**
 * The store port: everything the server persists. Adapters: SQLite (default) and
 * MongoDB; both pass the one contract suite (`test/store-contract.ts`).
 *
 * Failures that callers handle are `StoreError`s with a stable `code`
 * (`conflict`, `not-found`, `published`, `idempotency-mismatch`).
 * Every filter value is a typed scalar; adapters never pass a caller's object into a query.
 *
 * @example
 * const store = await openStore('sqlite::memory:');
 * await store.migrate();
 */
export interface Store {
  readonly kind: 'sqlite' | 'mongodb';
  /** Applies pending migrations (idempotent); returns the versions applied now. */
  migrate(): Promise<number[]>;
  /** The highest migration applied. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;

  // Definitions
  saveDraft(input: DraftInput): Promise<DefinitionRecord>;
  /** Freezes a draft; `conflict` when its revision moved, `published` when already published. */
  publish(ref: { kind: DefinitionKind; id: string; version: string; expectedRevision: number; by: string; at: string }): Promise<DefinitionRecord>;
  /**
   * Stores a definition as published (importing a directory, the demo). Idempotent for the
   * same hash; `published` when that version exists with another body.
   */
  importPublished(record: Omit<DefinitionRecord, 'status' | 'revision'>): Promise<{ record: DefinitionRecord; created: boolean }>;
  getDefinition(kind: DefinitionKind, id: string, version: string): Promise<DefinitionRecord | null>;
  listDefinitions(filter: { kind?: DefinitionKind; id?: string; status?: DefinitionRecord['status'] }): Promise<DefinitionRecord[]>;

  // Applications
  commit(change: ApplicationChange): Promise<CommitResult>;
  getApplication(id: string): Promise<ApplicationRecord | null>;
  findByContinuation(tokenHash: string): Promise<ApplicationRecord | null>;
  listApplications(query: ApplicationQuery): Promise<Page<ApplicationRecord>>;
  auditTrail(applicationId: string): Promise<AuditEntry[]>;
  /**
   * Deletes up to `limit` drafts last saved before `updatedBefore`, with everything of theirs
   * (audit entries, attachments and files no other application uses); returns their ids.
   * A draft saved meanwhile is kept.
   */
  expireDrafts(updatedBefore: string, limit: number): Promise<string[]>;
  /** A stored response for an idempotency key, if any (checked before doing the work). */
  getIdempotent(scope: string, key: string): Promise<{ requestHash: string; response: StoredResponse } | null>;

  // Application flows
  /** The flow stored under a hash (see `ApplicationChange.flow`), or null. */
  getFlow(hash: string): Promise<Json | null>;
  /** Stores a flow under its hash unless one is stored there already (idempotent; never replaces). */
  putFlow(hash: string, body: Json, at: string): Promise<void>;

  // Deadlines
  /**
   * Leases up to `limit` pending deadlines due at `now` whose lease is free or expired, for
   * `owner` until `until`. Two processes never hold the same lease at once.
   */
  leaseDueDeadlines(now: string, owner: string, until: string, limit: number): Promise<DeadlineRecord[]>;
  /** Gives a lease back (the firing failed and should be retried). */
  releaseLease(id: string, owner: string): Promise<void>;
  /** Cancels a pending deadline leased by `owner` (the flow no longer has it). */
  cancelDeadline(id: string, owner: string): Promise<void>;
  deadlines(applicationId: string): Promise<DeadlineRecord[]>;

  // Materials
  /** Stores a blob by its sha-256 (idempotent). */
  putBlob(blob: BlobRecord): Promise<void>;
  getBlob(sha256: string): Promise<BlobRecord | null>;
  attach(attachment: AttachmentRecord): Promise<void>;
  attachments(applicationId: string): Promise<AttachmentRecord[]>;

  // Notifications
  /**
   * Leases up to `limit` pending outbox messages whose `nextAttempt` has come and whose lease
   * is free or expired, for `owner` until `until` (like deadlines).
   */
  leaseOutbox(now: string, owner: string, until: string, limit: number): Promise<OutboxRecord[]>;
  /** Records how a delivery attempt ended; false (nothing written) when the lease is no longer `owner`'s. */
  settleOutbox(id: string, owner: string, settlement: OutboxSettlement): Promise<boolean>;
  /** Writes inbox entries; an entry whose id exists is left as it is (deliveries repeat). */
  addInbox(entries: InboxEntry[]): Promise<void>;
  /** Inbox entries for any of the targets, newest first; optionally of one application. */
  inbox(query: { targets: InboxTarget[]; applicationId?: string; limit: number; after?: string }): Promise<Page<InboxEntry>>;

  // Ratings, portals, outbox
  /** `conflict` when the application was already rated. */
  addRating(rating: RatingRecord): Promise<void>;
  getRating(applicationId: string): Promise<RatingRecord | null>;
  savePortal(portal: PortalRecord): Promise<void>;
  deletePortal(origin: string): Promise<boolean>;
  listPortals(): Promise<PortalRecord[]>;
  outbox(applicationId: string): Promise<OutboxRecord[]>;
}
