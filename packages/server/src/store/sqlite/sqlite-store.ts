import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ApplicationChange, CommitResult, DraftInput, Store } from '../port.js';
import type {
  ApplicationQuery,
  ApplicationRecord,
  AttachmentRecord,
  AuditEntry,
  BlobRecord,
  DeadlineRecord,
  DefinitionKind,
  DefinitionRecord,
  OutboxRecord,
  Page,
  PortalRecord,
  RatingRecord,
  StoredResponse,
} from '../types.js';
import { StoreError, str } from '../errors.js';
import { decodeCursor, encodeCursor, sortKey } from '../cursor.js';
import { sqliteMigrations } from './migrations.js';

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** A file path, or `:memory:`. Parent directories are created. */
  path: string;
  /**
   * `full` (default): a commit is on disk before it is acknowledged, even across a power cut.
   * `normal`: survives a crash of the process (SIGKILL) but may lose the last commits on power loss.
   */
  synchronous?: 'full' | 'normal';
  /** How long a writer waits for another process's lock before failing. Default 5 s. */
  busyTimeoutMs?: number;
}

type Row = Record<string, unknown>;
const parse = <T>(row: Row | undefined): T | null => (row ? (JSON.parse(row['doc'] as string) as T) : null);
const docs = <T>(rows: Row[]): T[] => rows.map((r) => JSON.parse(r['doc'] as string) as T);

/**
 * The default store: one SQLite file (WAL), zero set-up. Every change is one
 * `BEGIN IMMEDIATE` transaction, so several processes can share the file.
 * @example
 * const store = new SqliteStore({ path: '.onething/data.sqlite' });
 * await store.migrate();
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    this.db.pragma('foreign_keys = ON');
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement, cached by its SQL text. */
  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) this.statements.set(source, (statement = this.db.prepare(source)));
    return statement;
  }

  private write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  async migrate(): Promise<number[]> {
    return this.write(() => {
      this.db.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
      );
      const done = new Set(
        this.sql('SELECT version FROM schema_migrations').pluck().all() as number[],
      );
      const known = Math.max(...sqliteMigrations.map((m) => m.version));
      const newer = [...done].filter((v) => v > known);
      if (newer.length) throw new Error(`the store has schema version ${Math.max(...newer)}, newer than this server knows (${known}); upgrade the server`);
      const applied: number[] = [];
      for (const migration of sqliteMigrations) {
        if (done.has(migration.version)) continue;
        migration.up(this.db);
        this.sql('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, new Date().toISOString());
        applied.push(migration.version);
      }
      return applied;
    });
  }

  async schemaVersion(): Promise<number> {
    const exists = this.sql("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").get();
    if (!exists) return 0;
    return (this.sql('SELECT COALESCE(MAX(version), 0) FROM schema_migrations').pluck().get() as number) ?? 0;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // Definitions

  async saveDraft(input: DraftInput): Promise<DefinitionRecord> {
    return this.write(() => {
      const current = this.definition(input.kind, input.id, input.version);
      if (current?.status === 'published') {
        throw new StoreError('published', `${input.kind} ${input.id}@${input.version} is published and immutable`);
      }
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
    });
  }

  async publish(ref: { kind: DefinitionKind; id: string; version: string; expectedRevision: number; by: string; at: string }) {
    return this.write(() => {
      const current = this.definition(ref.kind, ref.id, ref.version);
      if (!current) throw new StoreError('not-found', `no draft ${ref.kind} ${ref.id}@${ref.version}`);
      if (current.status === 'published') throw new StoreError('published', `${ref.id}@${ref.version} is already published`);
      if (current.revision !== ref.expectedRevision) {
        throw new StoreError('conflict', `draft revision is ${current.revision}, not ${ref.expectedRevision}`);
      }
      const record: DefinitionRecord = { ...current, status: 'published', publishedAt: ref.at, publishedBy: ref.by, updatedAt: ref.at };
      this.putDefinition(record);
      return record;
    });
  }

  async importPublished(input: Omit<DefinitionRecord, 'status' | 'revision'>) {
    return this.write(() => {
      const current = this.definition(input.kind, input.id, input.version);
      if (current) {
        if (current.status === 'published' && current.hash === input.hash) return { record: current, created: false };
        throw new StoreError('published', `${input.kind} ${input.id}@${input.version} exists with other content`);
      }
      const record: DefinitionRecord = { ...input, status: 'published', revision: 1 };
      this.putDefinition(record);
      return { record, created: true };
    });
  }

  async getDefinition(kind: DefinitionKind, id: string, version: string) {
    return this.definition(kind, id, version);
  }

  async listDefinitions(filter: { kind?: DefinitionKind; id?: string; status?: DefinitionRecord['status'] }) {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.kind !== undefined) (where.push('kind = ?'), params.push(str(filter.kind, 'kind')));
    if (filter.id !== undefined) (where.push('id = ?'), params.push(str(filter.id, 'id')));
    if (filter.status !== undefined) (where.push('status = ?'), params.push(str(filter.status, 'status')));
    const sql = `SELECT doc FROM definitions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY kind, id, version`;
    return docs<DefinitionRecord>(this.sql(sql).all(...params) as Row[]);
  }

  private definition(kind: DefinitionKind, id: string, version: string): DefinitionRecord | null {
    const row = this.sql('SELECT doc FROM definitions WHERE kind = ? AND id = ? AND version = ?')
      .get(str(kind, 'kind'), str(id, 'id'), str(version, 'version')) as Row | undefined;
    return parse<DefinitionRecord>(row);
  }

  private putDefinition(r: DefinitionRecord): void {
    this.sql(
        `INSERT INTO definitions (kind, id, version, status, revision, hash, doc) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, id, version) DO UPDATE SET status = excluded.status, revision = excluded.revision,
           hash = excluded.hash, doc = excluded.doc`,
      )
      .run(r.kind, r.id, r.version, r.status, r.revision, r.hash, JSON.stringify(r));
  }

  // Applications

  private queue: Array<{ change: ApplicationChange; resolve: (r: CommitResult) => void; reject: (e: unknown) => void }> = [];
  private flushing = false;

  /**
   * Group commit: changes that arrive in the same turn of the event loop are written in one
   * `BEGIN IMMEDIATE` transaction, each inside its own savepoint (a failing change is rolled
   * back alone and rejects alone). Every promise settles only after the transaction commits,
   * so an acknowledged change is on disk; one commit (and one fsync) serves the whole group.
   */
  async commit(change: ApplicationChange): Promise<CommitResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ change, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushing = false;
    const batch = this.queue.splice(0);
    const outcomes: Array<{ ok: true; value: CommitResult } | { ok: false; error: unknown }> = [];
    try {
      this.write(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: this.db.transaction(() => this.commitOne(item.change))() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  private commitOne(change: ApplicationChange): CommitResult {
    const key = change.idempotency;
    if (key) {
      const stored = this.idempotent(key.scope, key.key);
      if (stored) {
        if (stored.requestHash !== key.requestHash) {
          throw new StoreError('idempotency-mismatch', 'idempotency key was used with another request');
        }
        return { status: 'replayed', response: stored.response };
      }
    }
    const next = change.next;
    if (change.expectedRevision === null) {
      if (next.revision !== 1) throw new StoreError('invalid', 'a new application starts at revision 1');
      const exists = this.sql('SELECT 1 FROM applications WHERE id = ?').get(next.id);
      if (exists) throw new StoreError('conflict', `application ${next.id} exists`);
      this.sql(
          `INSERT INTO applications (id, revision, owner, region, state, status, continuation, next_deadline, updated_at, doc)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...this.applicationColumns(next));
    } else {
      if (next.revision !== change.expectedRevision + 1) throw new StoreError('invalid', 'revision must grow by one');
      const [id, revision, ...rest] = this.applicationColumns(next);
      const result = this.sql(
          `UPDATE applications SET revision = ?, owner = ?, region = ?, state = ?, status = ?, continuation = ?,
             next_deadline = ?, updated_at = ?, doc = ? WHERE id = ? AND revision = ?`,
        )
        .run(revision, ...rest, id, change.expectedRevision);
      if (result.changes !== 1) {
        throw new StoreError('conflict', `application ${next.id} is not at revision ${change.expectedRevision}`);
      }
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
      this.sql(
          'INSERT INTO idempotency (scope, key, request_hash, response, application_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(key.scope, key.key, key.requestHash, JSON.stringify(key.response), next.id, next.updatedAt);
    }
    return { status: 'committed', application: next };
  }

  private applicationColumns(a: ApplicationRecord) {
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

  private applyDeadlines(applicationId: string, deadlines: ApplicationChange['deadlines']): void {
    if (!deadlines) return;
    if (deadlines.fire) {
      const { id, owner, at } = deadlines.fire;
      const row = this.sql('SELECT doc FROM deadlines WHERE id = ? AND application_id = ?').get(id, applicationId) as Row | undefined;
      const current = parse<DeadlineRecord>(row);
      if (!current || current.status !== 'pending' || current.leaseOwner !== owner) {
        throw new StoreError('conflict', `deadline ${id} is not pending under this lease`);
      }
      this.putDeadline({ ...current, status: 'fired', firedAt: at });
    }
    for (const key of deadlines.cancel ?? []) {
      const rows = (
        key === '*'
          ? this.sql("SELECT doc FROM deadlines WHERE application_id = ? AND status = 'pending'").all(applicationId)
          : this.sql("SELECT doc FROM deadlines WHERE application_id = ? AND status = 'pending' AND key = ?")
              .all(applicationId, str(key, 'key'))
      ) as Row[];
      for (const d of docs<DeadlineRecord>(rows)) this.putDeadline({ ...d, status: 'cancelled' });
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
      )
      .run(d.id, d.applicationId, d.key, d.due, d.status, d.leaseOwner, d.leaseUntil, d.firedAt, JSON.stringify(d));
  }

  async getApplication(id: string) {
    return parse<ApplicationRecord>(this.sql('SELECT doc FROM applications WHERE id = ?').get(str(id, 'id')) as Row | undefined);
  }

  async findByContinuation(tokenHash: string) {
    const row = this.sql('SELECT doc FROM applications WHERE continuation = ?').get(str(tokenHash, 'token')) as Row | undefined;
    return parse<ApplicationRecord>(row);
  }

  async listApplications(q: ApplicationQuery): Promise<Page<ApplicationRecord>> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    let from = 'applications a';
    if (q.department !== undefined) {
      from += ' JOIN application_departments d ON d.application_id = a.id AND d.department = ?';
      params.push(str(q.department, 'department'));
    }
    if (q.owner !== undefined) (where.push('a.owner = ?'), params.push(str(q.owner, 'owner')));
    if (q.region !== undefined) (where.push('a.region = ?'), params.push(str(q.region, 'region')));
    if (q.status !== undefined) (where.push('a.status = ?'), params.push(str(q.status, 'status')));
    if (q.states?.length) {
      where.push(`a.state IN (${q.states.map(() => '?').join(', ')})`);
      params.push(...q.states.map((s) => str(s, 'state')));
    }
    if (q.dueBefore !== undefined) {
      where.push('a.next_deadline IS NOT NULL AND a.next_deadline <= ?');
      params.push(str(q.dueBefore, 'dueBefore'));
    }
    const keyExpr = q.order === 'updated' ? 'a.updated_at' : "COALESCE(a.next_deadline, '~')";
    const direction = q.order === 'updated' ? 'DESC' : 'ASC';
    if (q.after !== undefined) {
      const cursor = decodeCursor(q.after);
      const cmp = q.order === 'updated' ? '<' : '>';
      where.push(`(${keyExpr} ${cmp} ? OR (${keyExpr} = ? AND a.id ${cmp} ?))`);
      params.push(cursor.key, cursor.key, cursor.id);
    }
    const limit = Math.max(1, Math.min(200, Math.trunc(q.limit)));
    const sql = `SELECT a.doc FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${keyExpr} ${direction}, a.id ${direction} LIMIT ?`;
    const items = docs<ApplicationRecord>(this.sql(sql).all(...params, limit + 1) as Row[]);
    const more = items.length > limit;
    if (more) items.pop();
    const last = items.at(-1);
    return { items, next: more && last ? encodeCursor({ key: sortKey(last, q.order), id: last.id }) : null };
  }

  async auditTrail(applicationId: string) {
    return docs<AuditEntry>(
      this.sql('SELECT doc FROM audit WHERE application_id = ? ORDER BY seq').all(str(applicationId, 'id')) as Row[],
    );
  }

  async getIdempotent(scope: string, key: string) {
    return this.idempotent(scope, key);
  }

  private idempotent(scope: string, key: string): { requestHash: string; response: StoredResponse } | null {
    const row = this.sql('SELECT request_hash, response FROM idempotency WHERE scope = ? AND key = ?')
      .get(str(scope, 'scope'), str(key, 'key')) as Row | undefined;
    return row ? { requestHash: row['request_hash'] as string, response: JSON.parse(row['response'] as string) as StoredResponse } : null;
  }

  // Deadlines

  async leaseDueDeadlines(now: string, owner: string, until: string, limit: number): Promise<DeadlineRecord[]> {
    return this.write(() => {
      const rows = this.sql(
          `SELECT doc FROM deadlines WHERE status = 'pending' AND due <= ? AND (lease_until IS NULL OR lease_until < ?)
           ORDER BY due, id LIMIT ?`,
        )
        .all(now, now, Math.max(1, Math.trunc(limit))) as Row[];
      return docs<DeadlineRecord>(rows).map((d) => {
        const leased = { ...d, leaseOwner: owner, leaseUntil: until };
        this.putDeadline(leased);
        return leased;
      });
    });
  }

  async releaseLease(id: string, owner: string): Promise<void> {
    this.write(() => {
      const row = this.sql('SELECT doc FROM deadlines WHERE id = ?').get(str(id, 'id')) as Row | undefined;
      const d = parse<DeadlineRecord>(row);
      if (d && d.status === 'pending' && d.leaseOwner === owner) this.putDeadline({ ...d, leaseOwner: null, leaseUntil: null });
    });
  }

  async cancelDeadline(id: string, owner: string): Promise<void> {
    this.write(() => {
      const row = this.sql('SELECT doc FROM deadlines WHERE id = ?').get(str(id, 'id')) as Row | undefined;
      const d = parse<DeadlineRecord>(row);
      if (d && d.status === 'pending' && d.leaseOwner === owner) this.putDeadline({ ...d, status: 'cancelled', leaseOwner: null, leaseUntil: null });
    });
  }

  async deadlines(applicationId: string) {
    return docs<DeadlineRecord>(
      this.sql('SELECT doc FROM deadlines WHERE application_id = ? ORDER BY due, id').all(str(applicationId, 'id')) as Row[],
    );
  }

  // Materials

  async putBlob(blob: BlobRecord): Promise<void> {
    this.sql('INSERT OR IGNORE INTO blobs (sha256, size, type, bytes) VALUES (?, ?, ?, ?)')
      .run(str(blob.sha256, 'sha256'), blob.size, blob.type, Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength));
  }

  async getBlob(sha256: string): Promise<BlobRecord | null> {
    const row = this.sql('SELECT sha256, size, type, bytes FROM blobs WHERE sha256 = ?').get(str(sha256, 'sha256')) as
      | { sha256: string; size: number; type: string; bytes: Buffer }
      | undefined;
    return row ? { sha256: row.sha256, size: row.size, type: row.type, bytes: new Uint8Array(row.bytes) } : null;
  }

  async attach(a: AttachmentRecord): Promise<void> {
    this.sql('INSERT OR IGNORE INTO attachments (application_id, material_id, sha256, doc) VALUES (?, ?, ?, ?)')
      .run(str(a.applicationId, 'id'), str(a.materialId, 'material'), str(a.sha256, 'sha256'), JSON.stringify(a));
  }

  async attachments(applicationId: string) {
    return docs<AttachmentRecord>(
      this.sql('SELECT doc FROM attachments WHERE application_id = ? ORDER BY material_id, sha256').all(str(applicationId, 'id')) as Row[],
    );
  }

  // Ratings, portals, outbox

  async addRating(rating: RatingRecord): Promise<void> {
    const result = this.sql('INSERT OR IGNORE INTO ratings (application_id, doc) VALUES (?, ?)')
      .run(str(rating.applicationId, 'id'), JSON.stringify(rating));
    if (result.changes !== 1) throw new StoreError('conflict', 'application already rated');
  }

  async getRating(applicationId: string) {
    return parse<RatingRecord>(this.sql('SELECT doc FROM ratings WHERE application_id = ?').get(str(applicationId, 'id')) as Row | undefined);
  }

  async savePortal(portal: PortalRecord): Promise<void> {
    this.sql('INSERT INTO portals (origin, doc) VALUES (?, ?) ON CONFLICT (origin) DO UPDATE SET doc = excluded.doc')
      .run(str(portal.origin, 'origin'), JSON.stringify(portal));
  }

  async deletePortal(origin: string): Promise<boolean> {
    return this.sql('DELETE FROM portals WHERE origin = ?').run(str(origin, 'origin')).changes === 1;
  }

  async listPortals() {
    return docs<PortalRecord>(this.sql('SELECT doc FROM portals ORDER BY origin').all() as Row[]);
  }

  async outbox(applicationId: string) {
    return docs<OutboxRecord>(
      this.sql('SELECT doc FROM outbox WHERE application_id = ? ORDER BY at, id').all(str(applicationId, 'id')) as Row[],
    );
  }
}
