import type Database from 'better-sqlite3';
import type { ApplicationChange, DraftInput } from '../port.js';
import type {
  ApplicationRecord,
  AttachmentRecord,
  BlobRecord,
  DeadlineRecord,
  DefinitionKind,
  DefinitionRecord,
  PortalRecord,
  RatingRecord,
  StoredResponse,
} from '../types.js';
import { StoreError, str } from '../errors.js';
import { parseDoc, parseDocs, Statements } from './database.js';
import { sqliteMigrations } from './migrations.js';

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
    const known = Math.max(...sqliteMigrations.map((m) => m.version));
    const newer = [...done].filter((v) => v > known);
    if (newer.length) throw new Error(`the store has schema version ${Math.max(...newer)}, newer than this server knows (${known}); upgrade the server`);
    const applied: number[] = [];
    for (const migration of sqliteMigrations) {
      if (done.has(migration.version)) continue;
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

  /** One application change: compare-and-set on the revision, audit, deadlines, outbox, idempotency. */
  commit(change: ApplicationChange): WriteCommitResult {
    const key = change.idempotency;
    if (key) {
      const row = this.sql('SELECT request_hash, response FROM idempotency WHERE scope = ? AND key = ?').get(str(key.scope, 'scope'), str(key.key, 'key')) as
        | { request_hash: string; response: string }
        | undefined;
      if (row) {
        if (row.request_hash !== key.requestHash) throw new StoreError('idempotency-mismatch', 'idempotency key was used with another request');
        return { status: 'replayed', response: JSON.parse(row.response) as StoredResponse };
      }
    }
    const next = change.next;
    const columns = applicationColumns(next);
    if (change.expectedRevision === null) {
      if (next.revision !== 1) throw new StoreError('invalid', 'a new application starts at revision 1');
      const inserted = this.sql(
        `INSERT INTO applications (id, revision, owner, region, state, status, continuation, next_deadline, updated_at, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ).run(...columns);
      if (inserted.changes !== 1) throw new StoreError('conflict', `application ${next.id} exists`);
    } else {
      if (next.revision !== change.expectedRevision + 1) throw new StoreError('invalid', 'revision must grow by one');
      const [id, revision, ...rest] = columns;
      const updated = this.sql(
        `UPDATE applications SET revision = ?, owner = ?, region = ?, state = ?, status = ?, continuation = ?,
           next_deadline = ?, updated_at = ?, doc = ? WHERE id = ? AND revision = ?`,
      ).run(revision, ...rest, id, change.expectedRevision);
      if (updated.changes !== 1) throw new StoreError('conflict', `application ${next.id} is not at revision ${change.expectedRevision}`);
      this.sql('DELETE FROM application_departments WHERE application_id = ?').run(next.id);
    }
    const addDepartment = this.sql('INSERT OR IGNORE INTO application_departments (department, application_id) VALUES (?, ?)');
    for (const department of next.departments) addDepartment.run(str(department, 'department'), next.id);

    const addAudit = this.sql('INSERT INTO audit (application_id, seq, hash, doc) VALUES (?, ?, ?, ?)');
    for (const entry of change.audit) {
      if (entry.applicationId !== next.id) throw new StoreError('invalid', 'audit entry of another application');
      addAudit.run(entry.applicationId, entry.seq, entry.hash, JSON.stringify(entry));
    }
    this.applyDeadlines(next.id, change.deadlines);
    const addOutbox = this.sql('INSERT INTO outbox (id, application_id, at, doc) VALUES (?, ?, ?, ?)');
    for (const message of change.outbox ?? []) addOutbox.run(message.id, next.id, message.at, JSON.stringify(message));
    if (key) {
      this.sql('INSERT INTO idempotency (scope, key, request_hash, response, application_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        key.scope,
        key.key,
        key.requestHash,
        JSON.stringify(key.response),
        next.id,
        next.updatedAt,
      );
    }
    return { status: 'committed' };
  }

  private applyDeadlines(applicationId: string, deadlines: ApplicationChange['deadlines']): void {
    if (!deadlines) return;
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
    for (const d of deadlines.add ?? []) {
      if (d.applicationId !== applicationId) throw new StoreError('invalid', 'deadline of another application');
      this.putDeadline(d);
    }
  }

  private putDeadline(d: DeadlineRecord): void {
    this.sql(
      `INSERT INTO deadlines (id, application_id, key, due, status, lease_owner, lease_until, fired_at, doc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, lease_owner = excluded.lease_owner,
         lease_until = excluded.lease_until, fired_at = excluded.fired_at, doc = excluded.doc`,
    ).run(d.id, d.applicationId, d.key, d.due, d.status, d.leaseOwner, d.leaseUntil, d.firedAt, JSON.stringify(d));
  }

  // Deadlines

  leaseDueDeadlines(now: string, owner: string, until: string, limit: number): DeadlineRecord[] {
    const rows = this.sql(
      `SELECT doc FROM deadlines WHERE status = 'pending' AND due <= ? AND (lease_until IS NULL OR lease_until < ?)
       ORDER BY due, id LIMIT ?`,
    ).all(str(now, 'now'), now, Math.max(1, Math.trunc(limit)));
    return parseDocs<DeadlineRecord>(rows).map((d) => {
      const leased = { ...d, leaseOwner: str(owner, 'owner'), leaseUntil: str(until, 'until') };
      this.putDeadline(leased);
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

/** The indexed columns of an application row, then its JSON. */
function applicationColumns(a: ApplicationRecord) {
  return [
    str(a.id, 'id'),
    a.revision,
    a.owner,
    str(a.region, 'region'),
    str(a.state, 'state'),
    a.status,
    a.continuation,
    a.nextDeadline,
    a.updatedAt,
    JSON.stringify(a),
  ] as const;
}
