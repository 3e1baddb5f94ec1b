import type Database from 'better-sqlite3';
import type { ApplicationChange, DraftInput } from '../port.js';
import type {
  AttachmentRecord,
  BlobRecord,
  DeadlineRecord,
  DefinitionKind,
  DefinitionRecord,
  InboxEntry,
  OutboxRecord,
  OutboxSettlement,
  PortalRecord,
  RatingRecord,
  StoredResponse,
} from '../types.js';
import { StoreError, str } from '../errors.js';
import { parseDoc, parseDocs, Statements } from './database.js';
import { sqliteMigrations } from './migrations.js';
import { outboxDefaults, settled } from '../outbox.js';
import { pendingMigrations } from '../migrations.js';
import { storedResponseJson } from '../stored-response.js';

/** What one application change wrote: committed, or an earlier response replayed for its idempotency key. */
export type WriteCommitResult = { status: 'committed' } | { status: 'replayed'; response: StoredResponse };

/**
 * Every write of the SQLite store, as plain synchronous functions over one connection. They run
 * on the store's writer — a worker thread for files (so a disk sync never blocks the event
 * loop), or inline for `:memory:` — each inside the writer's transaction (as a savepoint, so a
 * failing write rolls back alone). Arguments and results are plain data (they cross threads).
 */
export class SqliteWrites extends Statements {
  constructor(db: Database.Database) {
    super(db);
  }

  /** Applies pending migrations; refuses a store whose schema is newer than this code. */
  migrate(now: string): number[] {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    const done = new Set(this.sql('SELECT version FROM schema_migrations').pluck().all() as number[]);
    const applied: number[] = [];
    for (const migration of pendingMigrations(sqliteMigrations, done)) {
      migration.up(this.db);
      this.sql('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, now);
      applied.push(migration.version);
    }
    return applied;
  }

  // Definitions

  private definition(kind: DefinitionKind, id: string, version: string): DefinitionRecord | null {
    return parseDoc<DefinitionRecord>(
      this.sql('SELECT doc FROM definitions WHERE kind = ? AND id = ? AND version = ?').get(str(kind, 'kind'), str(id, 'id'), str(version, 'version')),
    );
  }

  private putDefinition(r: DefinitionRecord): void {
    this.sql(
      `INSERT INTO definitions (kind, id, version, status, revision, hash, doc) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, id, version) DO UPDATE SET status = excluded.status, revision = excluded.revision,
         hash = excluded.hash, doc = excluded.doc`,
    ).run(r.kind, r.id, r.version, r.status, r.revision, r.hash, JSON.stringify(r));
  }

  saveDraft(input: DraftInput): DefinitionRecord {
    const current = this.definition(input.kind, input.id, input.version);
    if (current?.status === 'published') throw new StoreError('published', `${input.kind} ${input.id}@${input.version} is published and immutable`);
    if ((current?.revision ?? null) !== input.expectedRevision) {
      throw new StoreError('conflict', `draft revision is ${current?.revision ?? 'absent'}, not ${input.expectedRevision ?? 'absent'}`);
    }
    const record: DefinitionRecord = {
      kind: input.kind,
      id: input.id,
      version: input.version,
      status: 'draft',
      body: input.body,
      hash: input.hash,
      revision: (current?.revision ?? 0) + 1,
      createdAt: current?.createdAt ?? input.at,
      updatedAt: input.at,
      publishedAt: null,
      createdBy: current?.createdBy ?? input.by,
      publishedBy: null,
    };
    this.putDefinition(record);
    return record;
  }

  publish(ref: { kind: DefinitionKind; id: string; version: string; expectedRevision: number; by: string; at: string }): DefinitionRecord {
    const current = this.definition(ref.kind, ref.id, ref.version);
    if (!current) throw new StoreError('not-found', `no draft ${ref.kind} ${ref.id}@${ref.version}`);
    if (current.status === 'published') throw new StoreError('published', `${ref.id}@${ref.version} is already published`);
    if (current.revision !== ref.expectedRevision) throw new StoreError('conflict', `draft revision is ${current.revision}, not ${ref.expectedRevision}`);
    const record: DefinitionRecord = { ...current, status: 'published', publishedAt: ref.at, publishedBy: ref.by, updatedAt: ref.at };
    this.putDefinition(record);
    return record;
  }

  importPublished(input: Omit<DefinitionRecord, 'status' | 'revision'>): { record: DefinitionRecord; created: boolean } {
    const current = this.definition(input.kind, input.id, input.version);
    if (current) {
      if (current.status === 'published' && current.hash === input.hash) return { record: current, created: false };
      throw new StoreError('published', `${input.kind} ${input.id}@${input.version} exists with other content`);
    }
    const record: DefinitionRecord = { ...input, status: 'published', revision: 1 };
    this.putDefinition(record);
    return { record, created: true };
  }

  // Applications

  /** One application change (see `serializeChange`): compare-and-set on the revision, audit, deadlines, outbox, idempotency. */
  commit(change: SerializedChange): WriteCommitResult {
    const key = change.idempotency;
    if (key) {
      const row = this.sql('SELECT request_hash, response FROM idempotency WHERE scope = ? AND key = ?').get(key.scope, key.key) as
        | { request_hash: string; response: string }
        | undefined;
      if (row) {
        if (row.request_hash !== key.requestHash) throw new StoreError('idempotency-mismatch', 'idempotency key was used with another request');
        return { status: 'replayed', response: JSON.parse(row.response) as StoredResponse };
      }
    }
    const [id, revision, ...rest] = change.columns;
    if (change.expectedRevision === null) {
      const inserted = this.sql(
        `INSERT INTO applications (id, revision, owner, region, state, status, continuation, next_deadline, updated_at, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ).run(...change.columns);
      if (inserted.changes !== 1) throw new StoreError('conflict', `application ${id} exists`);
    } else {
      const updated = this.sql(
        `UPDATE applications SET revision = ?, owner = ?, region = ?, state = ?, status = ?, continuation = ?,
           next_deadline = ?, updated_at = ?, doc = ? WHERE id = ? AND revision = ?`,
      ).run(revision, ...rest, id, change.expectedRevision);
      if (updated.changes !== 1) throw new StoreError('conflict', `application ${id} is not at revision ${change.expectedRevision}`);
      this.sql('DELETE FROM application_departments WHERE application_id = ?').run(id);
    }
    const addDepartment = this.sql('INSERT OR IGNORE INTO application_departments (department, application_id) VALUES (?, ?)');
    for (const department of change.departments) addDepartment.run(department, id);
    const addAudit = this.sql('INSERT INTO audit (application_id, seq, hash, doc) VALUES (?, ?, ?, ?)');
    for (const entry of change.audit) addAudit.run(id, ...entry);
    // A new application has no deadlines yet: its cancellations (a deadline replacing an earlier one of its key) have nothing to look up.
    this.applyDeadlines(id, change.expectedRevision === null ? { ...change.deadlines, cancel: [] } : change.deadlines);
    const addOutbox = this.sql('INSERT INTO outbox (id, application_id, at, status, next_attempt, doc) VALUES (?, ?, ?, ?, ?, ?)');
    for (const [messageId, at, status, nextAttempt, doc] of change.outbox) addOutbox.run(messageId, id, at, status, nextAttempt, doc);
    if (change.flow) this.putFlow(change.flow[0], change.flow[1], change.at);
    if (key) {
      this.sql('INSERT INTO idempotency (scope, key, request_hash, response, application_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        key.scope,
        key.key,
        key.requestHash,
        key.response,
        id,
        change.at,
      );
    }
    return { status: 'committed' };
  }

  /** Stores a flow's JSON under its hash; a hash already there keeps its first body. */
  putFlow(hash: string, doc: string, at: string): void {
    this.sql('INSERT OR IGNORE INTO flows (hash, doc, created_at) VALUES (?, ?, ?)').run(str(hash, 'hash'), str(doc, 'flow'), str(at, 'at'));
  }

  private applyDeadlines(applicationId: string, deadlines: SerializedChange['deadlines']): void {
    if (deadlines.fire) {
      const { id, owner, at } = deadlines.fire;
      const current = parseDoc<DeadlineRecord>(this.sql('SELECT doc FROM deadlines WHERE id = ? AND application_id = ?').get(id, applicationId));
      if (!current || current.status !== 'pending' || current.leaseOwner !== owner) throw new StoreError('conflict', `deadline ${id} is not pending under this lease`);
      this.putDeadline({ ...current, status: 'fired', firedAt: at });
    }
    for (const key of deadlines.cancel ?? []) {
      const rows =
        key === '*'
          ? this.sql("SELECT doc FROM deadlines WHERE application_id = ? AND status = 'pending'").all(applicationId)
          : this.sql("SELECT doc FROM deadlines WHERE application_id = ? AND status = 'pending' AND key = ?").all(applicationId, str(key, 'key'));
      for (const d of parseDocs<DeadlineRecord>(rows)) this.putDeadline({ ...d, status: 'cancelled' });
    }
    for (const d of deadlines.add) this.putDeadlineRow(d);
  }

  private putDeadline(d: DeadlineRecord): void {
    this.putDeadlineRow(deadlineRow(d));
  }

  private putDeadlineRow(row: DeadlineRow): void {
    this.sql(
      `INSERT INTO deadlines (id, application_id, key, due, status, lease_owner, lease_until, fired_at, doc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, lease_owner = excluded.lease_owner,
         lease_until = excluded.lease_until, fired_at = excluded.fired_at, doc = excluded.doc`,
    ).run(...row);
  }

  expireDrafts(updatedBefore: string, limit: number): string[] {
    const ids = this.sql("SELECT id FROM applications WHERE status = 'draft' AND updated_at < ? ORDER BY updated_at LIMIT ?")
      .pluck()
      .all(str(updatedBefore, 'updatedBefore'), Math.max(1, Math.trunc(limit))) as string[];
    for (const id of ids) {
      const files = this.sql('SELECT DISTINCT sha256 FROM attachments WHERE application_id = ?').pluck().all(id) as string[];
      for (const table of ['application_departments', 'audit', 'deadlines', 'outbox', 'inbox', 'attachments']) {
        this.sql(`DELETE FROM ${table} WHERE application_id = ?`).run(id);
      }
      this.sql('DELETE FROM idempotency WHERE application_id = ?').run(id);
      this.sql('DELETE FROM applications WHERE id = ?').run(id);
      const unused = this.sql('DELETE FROM blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?)');
      for (const sha of files) unused.run(sha, sha);
    }
    return ids;
  }

  // Deadlines

  leaseDueDeadlines(now: string, owner: string, until: string, limit: number): DeadlineRecord[] {
    return this.leaseDue<DeadlineRecord>('deadlines', 'due', { now, owner, until, limit }, (d) => d, (d) => this.putDeadline(d));
  }

  /**
   * Leases the pending rows of `table` whose `dueColumn` has come and whose lease is free or
   * expired, oldest first (the caller's writer transaction makes it atomic).
   */
  private leaseDue<T extends { leaseOwner: string | null; leaseUntil: string | null }>(
    table: 'deadlines' | 'outbox',
    dueColumn: 'due' | 'next_attempt',
    q: { now: string; owner: string; until: string; limit: number },
    read: (doc: T) => T,
    put: (leased: T) => void,
  ): T[] {
    const rows = this.sql(
      `SELECT doc FROM ${table} WHERE status = 'pending' AND ${dueColumn} <= ? AND (lease_until IS NULL OR lease_until < ?)
       ORDER BY ${dueColumn}, id LIMIT ?`,
    ).all(str(q.now, 'now'), q.now, Math.max(1, Math.trunc(q.limit)));
    return parseDocs<T>(rows).map((doc) => {
      const leased = { ...read(doc), leaseOwner: str(q.owner, 'owner'), leaseUntil: str(q.until, 'until') };
      put(leased);
      return leased;
    });
  }

  releaseLease(id: string, owner: string): void {
    const d = parseDoc<DeadlineRecord>(this.sql('SELECT doc FROM deadlines WHERE id = ?').get(str(id, 'id')));
    if (d && d.status === 'pending' && d.leaseOwner === owner) this.putDeadline({ ...d, leaseOwner: null, leaseUntil: null });
  }

  cancelDeadline(id: string, owner: string): void {
    const d = parseDoc<DeadlineRecord>(this.sql('SELECT doc FROM deadlines WHERE id = ?').get(str(id, 'id')));
    if (d && d.status === 'pending' && d.leaseOwner === owner) this.putDeadline({ ...d, status: 'cancelled', leaseOwner: null, leaseUntil: null });
  }

  // Notifications

  leaseOutbox(now: string, owner: string, until: string, limit: number): OutboxRecord[] {
    return this.leaseDue<OutboxRecord>('outbox', 'next_attempt', { now, owner, until, limit }, outboxDefaults, (m) => this.putOutbox(m));
  }

  settleOutbox(id: string, owner: string, settlement: OutboxSettlement): boolean {
    const found = parseDoc<OutboxRecord>(this.sql('SELECT doc FROM outbox WHERE id = ?').get(str(id, 'id')));
    const current = found && outboxDefaults(found);
    if (!current || current.status !== 'pending' || current.leaseOwner !== owner) return false;
    this.putOutbox(settled(current, settlement));
    return true;
  }

  private putOutbox(m: OutboxRecord): void {
    this.sql('UPDATE outbox SET status = ?, next_attempt = ?, lease_until = ?, doc = ? WHERE id = ?').run(m.status, m.nextAttempt, m.leaseUntil, JSON.stringify(m), m.id);
  }

  addInbox(entries: InboxEntry[]): void {
    const add = this.sql('INSERT OR IGNORE INTO inbox (id, application_id, kind, subject, region, at, doc) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const e of entries) {
      add.run(str(e.id, 'id'), str(e.applicationId, 'id'), str(e.target.kind, 'kind'), str(e.target.subject, 'subject'), str(e.target.region, 'region'), e.at, JSON.stringify(e));
    }
  }

  // Materials, ratings, portals

  putBlob(blob: BlobRecord): void {
    const bytes = Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength);
    this.sql('INSERT OR IGNORE INTO blobs (sha256, size, type, bytes) VALUES (?, ?, ?, ?)').run(str(blob.sha256, 'sha256'), blob.size, blob.type, bytes);
  }

  attach(a: AttachmentRecord): void {
    this.sql('INSERT OR IGNORE INTO attachments (application_id, material_id, sha256, doc) VALUES (?, ?, ?, ?)').run(
      str(a.applicationId, 'id'),
      str(a.materialId, 'material'),
      str(a.sha256, 'sha256'),
      JSON.stringify(a),
    );
  }

  addRating(rating: RatingRecord): void {
    const result = this.sql('INSERT OR IGNORE INTO ratings (application_id, doc) VALUES (?, ?)').run(str(rating.applicationId, 'id'), JSON.stringify(rating));
    if (result.changes !== 1) throw new StoreError('conflict', 'application already rated');
  }

  savePortal(portal: PortalRecord): void {
    this.sql('INSERT INTO portals (origin, doc) VALUES (?, ?) ON CONFLICT (origin) DO UPDATE SET doc = excluded.doc').run(str(portal.origin, 'origin'), JSON.stringify(portal));
  }

  deletePortal(origin: string): boolean {
    return this.sql('DELETE FROM portals WHERE origin = ?').run(str(origin, 'origin')).changes === 1;
  }
}

/** The writes the writer runs by name (every public method of `SqliteWrites`). */
export type WriteOp = Exclude<keyof SqliteWrites, 'db' | 'sql'>;

type DeadlineRow = [id: string, applicationId: string, key: string, due: string, status: string, leaseOwner: string | null, leaseUntil: string | null, firedAt: string | null, doc: string];

/** A deadline's columns, then its JSON. */
function deadlineRow(d: DeadlineRecord): DeadlineRow {
  return [d.id, d.applicationId, d.key, d.due, d.status, d.leaseOwner, d.leaseUntil, d.firedAt, JSON.stringify(d)];
}

/**
 * An application change as rows: checked and turned into column values and JSON text on the
 * caller's thread, so what crosses to the writer is flat strings and numbers.
 */
export interface SerializedChange {
  columns: [id: string, revision: number, owner: string | null, region: string, state: string, status: string, continuation: string | null, nextDeadline: string | null, updatedAt: string, doc: string];
  expectedRevision: number | null;
  at: string;
  departments: string[];
  audit: Array<[seq: number, hash: string, doc: string]>;
  deadlines: { fire?: { id: string; owner: string; at: string }; cancel: string[]; add: DeadlineRow[] };
  outbox: Array<[id: string, at: string, status: string, nextAttempt: string, doc: string]>;
  /** The flow to store under its hash, when the caller has not stored it yet. */
  flow?: [hash: string, doc: string];
  idempotency?: { scope: string; key: string; requestHash: string; response: string };
}

/**
 * Checks a change and serializes it for `SqliteWrites.commit`. Throws `invalid` for a change
 * that could never be right (wrong revision step, entries of another application, a non-string id).
 * The change's flow is left out when `storedFlows` has its hash (this process stored it already).
 * @example store writer: writer.run('commit', serializeChange(change, storedFlows))
 */
export function serializeChange(change: ApplicationChange, storedFlows: ReadonlySet<string> = new Set()): SerializedChange {
  const a = change.next;
  const id = str(a.id, 'id');
  if (change.expectedRevision === null ? a.revision !== 1 : a.revision !== change.expectedRevision + 1) {
    throw new StoreError('invalid', change.expectedRevision === null ? 'a new application starts at revision 1' : 'revision must grow by one');
  }
  const audit = change.audit.map((entry): [number, string, string] => {
    if (entry.applicationId !== id) throw new StoreError('invalid', 'audit entry of another application');
    return [entry.seq, entry.hash, JSON.stringify(entry)];
  });
  const d = change.deadlines;
  const add = (d?.add ?? []).map((deadline) => {
    if (deadline.applicationId !== id) throw new StoreError('invalid', 'deadline of another application');
    return deadlineRow(deadline);
  });
  const serialized: SerializedChange = {
    columns: [id, a.revision, a.owner, str(a.region, 'region'), str(a.state, 'state'), a.status, a.continuation, a.nextDeadline, a.updatedAt, JSON.stringify(a)],
    expectedRevision: change.expectedRevision,
    at: a.updatedAt,
    departments: a.departments.map((dep) => str(dep, 'department')),
    audit,
    deadlines: {
      ...(d?.fire ? { fire: { id: str(d.fire.id, 'id'), owner: str(d.fire.owner, 'owner'), at: d.fire.at } } : {}),
      cancel: (d?.cancel ?? []).map((k) => str(k, 'key')),
      add,
    },
    outbox: (change.outbox ?? []).map((m) => [str(m.id, 'id'), m.at, m.status, m.nextAttempt, JSON.stringify(m)]),
  };
  if (change.flow && !storedFlows.has(change.flow.hash)) serialized.flow = [str(change.flow.hash, 'hash'), JSON.stringify(change.flow.body)];
  const key = change.idempotency;
  if (key) serialized.idempotency = { scope: str(key.scope, 'scope'), key: str(key.key, 'key'), requestHash: str(key.requestHash, 'requestHash'), response: storedResponseJson(key) };
  return serialized;
}
