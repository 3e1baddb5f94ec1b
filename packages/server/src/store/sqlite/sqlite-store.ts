import type Database from 'better-sqlite3';
import type { Json } from '@onething/engine';
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
  InboxEntry,
  InboxTarget,
  OutboxRecord,
  OutboxSettlement,
  Page,
  PortalRecord,
  RatingRecord,
  StoredResponse,
} from '../types.js';
import { str } from '../errors.js';
import { decodeCursor, encodeCursor, sortKey } from '../cursor.js';
import { openDatabase, parseDoc, parseDocs, Statements, type SqliteConnectionOptions } from './database.js';
import { InlineWriter, WorkerWriter, type SqliteWriter } from './writer.js';
import { serializeChange } from './sqlite-writes.js';
import { outboxDefaults } from '../outbox.js';

/** Options of the SQLite store. */
export interface SqliteStoreOptions extends SqliteConnectionOptions {
  /**
   * Where writes run: `worker` (default for files) — a worker thread with its own connection,
   * so disk syncs never block the event loop; `inline` — on the calling thread (always for
   * `:memory:`, which another thread cannot open).
   */
  writer?: 'worker' | 'inline';
}

type Row = Record<string, unknown>;

/**
 * The default store: one SQLite file (WAL), zero set-up. Reads run on the calling thread;
 * writes go to one writer (a worker thread for files) that groups the writes arriving together
 * into one `BEGIN IMMEDIATE` transaction — one disk sync for many requests, each write in its
 * own savepoint. Several processes can share the file.
 * @example
 * const store = new SqliteStore({ path: '.onething/data.sqlite' });
 * await store.migrate();
 */
export class SqliteStore extends Statements implements Store {
  readonly kind = 'sqlite' as const;
  private readonly writer: SqliteWriter;
  /** Hashes of the flows this store has written or read (a change need not carry them again). */
  private readonly storedFlows = new Set<string>();

  constructor(options: SqliteStoreOptions) {
    const db: Database.Database = openDatabase(options);
    super(db);
    const inline = options.path === ':memory:' || options.writer === 'inline';
    this.writer = inline ? new InlineWriter(db) : new WorkerWriter(options);
  }

  async migrate(): Promise<number[]> {
    return this.writer.run('migrate', new Date().toISOString());
  }

  async schemaVersion(): Promise<number> {
    if (this.writer.stopped) throw this.writer.stopped;
    const exists = this.sql("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").get();
    if (!exists) return 0;
    return (this.sql('SELECT COALESCE(MAX(version), 0) FROM schema_migrations').pluck().get() as number) ?? 0;
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
  }

  // Definitions

  saveDraft(input: DraftInput): Promise<DefinitionRecord> {
    return this.writer.run('saveDraft', input);
  }

  publish(ref: { kind: DefinitionKind; id: string; version: string; expectedRevision: number; by: string; at: string }): Promise<DefinitionRecord> {
    return this.writer.run('publish', ref);
  }

  importPublished(input: Omit<DefinitionRecord, 'status' | 'revision'>): Promise<{ record: DefinitionRecord; created: boolean }> {
    return this.writer.run('importPublished', input);
  }

  async getDefinition(kind: DefinitionKind, id: string, version: string) {
    return parseDoc<DefinitionRecord>(
      this.sql('SELECT doc FROM definitions WHERE kind = ? AND id = ? AND version = ?').get(str(kind, 'kind'), str(id, 'id'), str(version, 'version')),
    );
  }

  async listDefinitions(filter: { kind?: DefinitionKind; id?: string; status?: DefinitionRecord['status'] }) {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.kind !== undefined) (where.push('kind = ?'), params.push(str(filter.kind, 'kind')));
    if (filter.id !== undefined) (where.push('id = ?'), params.push(str(filter.id, 'id')));
    if (filter.status !== undefined) (where.push('status = ?'), params.push(str(filter.status, 'status')));
    const sql = `SELECT doc FROM definitions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY kind, id, version`;
    return parseDocs<DefinitionRecord>(this.sql(sql).all(...params));
  }

  // Applications

  /**
   * Group commit: the change joins the writer's next batch; the promise settles after that
   * batch's transaction committed, so an acknowledged change is on disk.
   */
  async commit(change: ApplicationChange): Promise<CommitResult> {
    const result = await this.writer.run('commit', serializeChange(change, this.storedFlows));
    if (result.status !== 'committed') return result;
    if (change.flow) this.storedFlows.add(change.flow.hash);
    return { status: 'committed', application: change.next };
  }

  async getApplication(id: string) {
    return parseDoc<ApplicationRecord>(this.sql('SELECT doc FROM applications WHERE id = ?').get(str(id, 'id')));
  }

  async findByContinuation(tokenHash: string) {
    return parseDoc<ApplicationRecord>(this.sql('SELECT doc FROM applications WHERE continuation = ?').get(str(tokenHash, 'token')));
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
    const items = parseDocs<ApplicationRecord>(this.sql(sql).all(...params, limit + 1));
    const more = items.length > limit;
    if (more) items.pop();
    const last = items.at(-1);
    return { items, next: more && last ? encodeCursor({ key: sortKey(last, q.order), id: last.id }) : null };
  }

  async auditTrail(applicationId: string) {
    return parseDocs<AuditEntry>(this.sql('SELECT doc FROM audit WHERE application_id = ? ORDER BY seq').all(str(applicationId, 'id')));
  }

  expireDrafts(updatedBefore: string, limit: number): Promise<string[]> {
    // Asked every scheduler pass: look on the read connection first, so a pass with nothing to
    // expire takes no write lock (the writer checks again in its transaction).
    const due = this.sql("SELECT 1 FROM applications WHERE status = 'draft' AND updated_at < ? LIMIT 1").get(str(updatedBefore, 'updatedBefore'));
    if (!due) return Promise.resolve([]);
    return this.writer.run('expireDrafts', updatedBefore, limit);
  }

  async getIdempotent(scope: string, key: string): Promise<{ requestHash: string; response: StoredResponse } | null> {
    const row = this.sql('SELECT request_hash, response FROM idempotency WHERE scope = ? AND key = ?').get(str(scope, 'scope'), str(key, 'key')) as Row | undefined;
    return row ? { requestHash: row['request_hash'] as string, response: JSON.parse(row['response'] as string) as StoredResponse } : null;
  }

  // Application flows

  async getFlow(hash: string): Promise<Json | null> {
    const row = this.sql('SELECT doc FROM flows WHERE hash = ?').get(str(hash, 'hash')) as { doc: string } | undefined;
    if (!row) return null;
    this.storedFlows.add(hash);
    return JSON.parse(row.doc) as Json;
  }

  async putFlow(hash: string, body: Json, at: string): Promise<void> {
    if (this.storedFlows.has(hash)) return;
    await this.writer.run('putFlow', str(hash, 'hash'), JSON.stringify(body), str(at, 'at'));
    this.storedFlows.add(hash);
  }

  // Deadlines

  leaseDueDeadlines(now: string, owner: string, until: string, limit: number): Promise<DeadlineRecord[]> {
    return this.writer.run('leaseDueDeadlines', now, owner, until, limit);
  }

  releaseLease(id: string, owner: string): Promise<void> {
    return this.writer.run('releaseLease', id, owner);
  }

  cancelDeadline(id: string, owner: string): Promise<void> {
    return this.writer.run('cancelDeadline', id, owner);
  }

  async deadlines(applicationId: string) {
    return parseDocs<DeadlineRecord>(this.sql('SELECT doc FROM deadlines WHERE application_id = ? ORDER BY due, id').all(str(applicationId, 'id')));
  }

  // Materials

  putBlob(blob: BlobRecord): Promise<void> {
    return this.writer.run('putBlob', blob);
  }

  async getBlob(sha256: string): Promise<BlobRecord | null> {
    const row = this.sql('SELECT sha256, size, type, bytes FROM blobs WHERE sha256 = ?').get(str(sha256, 'sha256')) as
      | { sha256: string; size: number; type: string; bytes: Buffer }
      | undefined;
    return row ? { sha256: row.sha256, size: row.size, type: row.type, bytes: new Uint8Array(row.bytes) } : null;
  }

  attach(attachment: AttachmentRecord): Promise<void> {
    return this.writer.run('attach', attachment);
  }

  async attachments(applicationId: string) {
    return parseDocs<AttachmentRecord>(this.sql('SELECT doc FROM attachments WHERE application_id = ? ORDER BY material_id, sha256').all(str(applicationId, 'id')));
  }

  // Notifications

  leaseOutbox(now: string, owner: string, until: string, limit: number): Promise<OutboxRecord[]> {
    return this.writer.run('leaseOutbox', now, owner, until, limit);
  }

  settleOutbox(id: string, owner: string, settlement: OutboxSettlement): Promise<boolean> {
    return this.writer.run('settleOutbox', id, owner, settlement);
  }

  addInbox(entries: InboxEntry[]): Promise<void> {
    return this.writer.run('addInbox', entries);
  }

  async inbox(q: { targets: InboxTarget[]; applicationId?: string; limit: number; after?: string }): Promise<Page<InboxEntry>> {
    if (q.targets.length === 0) return { items: [], next: null };
    const params: string[] = [];
    const anyOf = q.targets.map((t) => {
      const terms = ['kind = ?'];
      params.push(str(t.kind, 'kind'));
      if (t.subject !== undefined) (terms.push('subject = ?'), params.push(str(t.subject, 'subject')));
      if (t.region !== undefined) (terms.push('region = ?'), params.push(str(t.region, 'region')));
      return `(${terms.join(' AND ')})`;
    });
    const where = [`(${anyOf.join(' OR ')})`];
    if (q.applicationId !== undefined) (where.push('application_id = ?'), params.push(str(q.applicationId, 'id')));
    if (q.after !== undefined) {
      const cursor = decodeCursor(q.after);
      where.push('(at < ? OR (at = ? AND id < ?))');
      params.push(cursor.key, cursor.key, cursor.id);
    }
    const limit = Math.max(1, Math.min(200, Math.trunc(q.limit)));
    const items = parseDocs<InboxEntry>(this.sql(`SELECT doc FROM inbox WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ?`).all(...params, limit + 1));
    const more = items.length > limit;
    if (more) items.pop();
    const last = items.at(-1);
    return { items, next: more && last ? encodeCursor({ key: last.at, id: last.id }) : null };
  }

  // Ratings, portals, outbox

  addRating(rating: RatingRecord): Promise<void> {
    return this.writer.run('addRating', rating);
  }

  async getRating(applicationId: string) {
    return parseDoc<RatingRecord>(this.sql('SELECT doc FROM ratings WHERE application_id = ?').get(str(applicationId, 'id')));
  }

  savePortal(portal: PortalRecord): Promise<void> {
    return this.writer.run('savePortal', portal);
  }

  deletePortal(origin: string): Promise<boolean> {
    return this.writer.run('deletePortal', origin);
  }

  async listPortals() {
    return parseDocs<PortalRecord>(this.sql('SELECT doc FROM portals ORDER BY origin').all());
  }

  async outbox(applicationId: string) {
    return parseDocs<OutboxRecord>(this.sql('SELECT doc FROM outbox WHERE application_id = ? ORDER BY at, id').all(str(applicationId, 'id'))).map(outboxDefaults);
  }
}
