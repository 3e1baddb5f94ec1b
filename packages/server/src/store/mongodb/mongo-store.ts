import { Binary, MongoClient, MongoServerError, type ClientSession, type Collection, type Db, type Document, type Filter } from 'mongodb';
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
import { StoreError, str } from '../errors.js';
import { decodeCursor, encodeCursor, sortKey } from '../cursor.js';
import { mongoMigrations } from './migrations.js';
import { pendingMigrations } from '../migrations.js';
import { outboxDefaults, settled } from '../outbox.js';
import { storedResponseJson } from '../stored-response.js';

/** Every document keeps the record as JSON text in `doc` (user data may hold any key, even `$x` or `a.b`); scalar fields beside it are for queries. */
type DocRow = { _id: string; doc: string } & Document;
type DeadlineRow = Omit<DeadlineRecord, 'id'> & { _id: string };

/**
 * The database named by a connection string's path (`mongodb://h1:27017,h2:27017/onething?…`).
 * @example databaseOf('mongodb://a:1,b:2/ot?replicaSet=rs0') // 'ot'
 */
export function databaseOf(uri: string): string {
  return decodeURIComponent(/^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(uri)?.[1] ?? '');
}

/** Largest blob kept in one document (MongoDB documents are limited to 16 MiB). */
export const MONGO_MAX_BLOB_BYTES = 15 * 1024 * 1024;

const isDuplicate = (error: unknown) => error instanceof MongoServerError && error.code === 11000;
const parse = <T>(row: { doc: string } | null): T | null => (row ? (JSON.parse(row.doc) as T) : null);
const definitionId = (kind: string, id: string, version: string) => `${kind}:${id}@${version}`;
const fromDeadline = ({ _id, ...rest }: DeadlineRow): DeadlineRecord => ({ id: _id, ...rest });
const toDeadline = ({ id, ...rest }: DeadlineRecord): DeadlineRow => ({ _id: id, ...rest });
type OutboxRow = { _id: string; applicationId: string; at: string; status: string; nextAttempt: string; leaseOwner: string | null; leaseUntil: string | null; doc: string };
/** An outbox record as a document: the record as JSON, and the fields the dispatcher queries. */
const outboxRow = (m: OutboxRecord): OutboxRow => ({
  _id: str(m.id, 'id'),
  applicationId: m.applicationId,
  at: m.at,
  status: m.status,
  nextAttempt: m.nextAttempt,
  leaseOwner: m.leaseOwner,
  leaseUntil: m.leaseUntil,
  doc: JSON.stringify(m),
});
/** An outbox document as the record: the JSON, with the queried fields (which leases change) on top. */
const fromOutboxRow = (row: OutboxRow): OutboxRecord => ({
  ...outboxDefaults(JSON.parse(row.doc) as OutboxRecord),
  status: row.status as OutboxRecord['status'],
  nextAttempt: row.nextAttempt,
  leaseOwner: row.leaseOwner ?? null,
  leaseUntil: row.leaseUntil ?? null,
});
/** Concurrent upserts of one `_id` can fail with a duplicate key: the other one wrote the same thing. */
async function ignoreDuplicate(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!isDuplicate(error)) throw error;
  }
}

/**
 * The MongoDB store (official driver): collections and indexes created by versioned
 * migrations at start; each application change, its audit entries, deadlines, outbox and
 * idempotency record written in one multi-document transaction with write concern
 * `majority`. Needs a replica set (a single-node one is enough). Query filters are built
 * only from typed scalars (`str` throws on anything else), never from a caller's object.
 * @example const store = await MongoStore.connect('mongodb://127.0.0.1:27017/onething?replicaSet=rs0'); await store.migrate();
 */
export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  /** Hashes of the flows this store has written or read (a change need not carry them again). */
  private readonly storedFlows = new Set<string>();

  private constructor(
    private readonly client: MongoClient,
    readonly db: Db,
  ) {}

  /** Connects with majority read and write concerns. The database is the URL's path (default `onething`). */
  static async connect(uri: string, options: { dbName?: string } = {}): Promise<MongoStore> {
    const client = new MongoClient(uri, {
      writeConcern: { w: 'majority' },
      readConcern: { level: 'majority' },
      retryWrites: true,
      ignoreUndefined: true,
    });
    await client.connect();
    const dbName = options.dbName ?? (databaseOf(uri) || 'onething');
    return new MongoStore(client, client.db(dbName));
  }

  private c<T extends Document = DocRow>(name: string): Collection<T> {
    return this.db.collection<T>(name);
  }

  private async transaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = this.client.startSession();
    try {
      return await session.withTransaction(fn, { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } });
    } finally {
      await session.endSession();
    }
  }

  async migrate(): Promise<number[]> {
    const done = new Set((await this.c<{ _id: number }>('migrations').find({}).toArray()).map((m) => m._id));
    const applied: number[] = [];
    for (const migration of pendingMigrations(mongoMigrations, done)) {
      await migration.up(this.db);
      try {
        await this.c<{ _id: number; name: string; appliedAt: string }>('migrations').insertOne({ _id: migration.version, name: migration.name, appliedAt: new Date().toISOString() });
        applied.push(migration.version);
      } catch (error) {
        if (!isDuplicate(error)) throw error; // another process applied it at the same time
      }
    }
    return applied;
  }

  async schemaVersion(): Promise<number> {
    const last = await this.c<{ _id: number }>('migrations').find({}).sort({ _id: -1 }).limit(1).next();
    return last?._id ?? 0;
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  // Definitions

  private definitionRow(r: DefinitionRecord): DocRow {
    return { _id: definitionId(r.kind, r.id, r.version), kind: r.kind, id: r.id, version: r.version, status: r.status, revision: r.revision, doc: JSON.stringify(r) };
  }

  async saveDraft(input: DraftInput): Promise<DefinitionRecord> {
    return this.transaction(async (session) => {
      const _id = definitionId(str(input.kind, 'kind'), str(input.id, 'id'), str(input.version, 'version'));
      const current = parse<DefinitionRecord>(await this.c('definitions').findOne({ _id }, { session }));
      if (current?.status === 'published') throw new StoreError('published', `${input.id}@${input.version} is published and immutable`);
      if ((current?.revision ?? null) !== input.expectedRevision) throw new StoreError('conflict', 'draft revision moved');
      const record: DefinitionRecord = {
        kind: input.kind, id: input.id, version: input.version, status: 'draft', body: input.body, hash: input.hash,
        revision: (current?.revision ?? 0) + 1, createdAt: current?.createdAt ?? input.at, updatedAt: input.at,
        publishedAt: null, createdBy: current?.createdBy ?? input.by, publishedBy: null,
      };
      await this.c('definitions').replaceOne({ _id }, this.definitionRow(record), { upsert: true, session });
      return record;
    });
  }

  async publish(ref: { kind: DefinitionKind; id: string; version: string; expectedRevision: number; by: string; at: string }) {
    return this.transaction(async (session) => {
      const _id = definitionId(str(ref.kind, 'kind'), str(ref.id, 'id'), str(ref.version, 'version'));
      const current = parse<DefinitionRecord>(await this.c('definitions').findOne({ _id }, { session }));
      if (!current) throw new StoreError('not-found', `no draft ${ref.id}@${ref.version}`);
      if (current.status === 'published') throw new StoreError('published', `${ref.id}@${ref.version} is already published`);
      if (current.revision !== ref.expectedRevision) throw new StoreError('conflict', 'draft revision moved');
      const record: DefinitionRecord = { ...current, status: 'published', publishedAt: ref.at, publishedBy: ref.by, updatedAt: ref.at };
      const replaced = await this.c('definitions').replaceOne({ _id, revision: current.revision }, this.definitionRow(record), { session });
      if (replaced.matchedCount !== 1) throw new StoreError('conflict', 'draft revision moved');
      return record;
    });
  }

  async importPublished(input: Omit<DefinitionRecord, 'status' | 'revision'>) {
    const record: DefinitionRecord = { ...input, status: 'published', revision: 1 };
    const row = this.definitionRow(record);
    try {
      await this.c('definitions').insertOne(row);
      return { record, created: true };
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      const current = parse<DefinitionRecord>(await this.c('definitions').findOne({ _id: row._id }));
      if (current?.status === 'published' && current.hash === input.hash) return { record: current, created: false };
      throw new StoreError('published', `${input.id}@${input.version} exists with other content`);
    }
  }

  async getDefinition(kind: DefinitionKind, id: string, version: string) {
    return parse<DefinitionRecord>(await this.c('definitions').findOne({ _id: definitionId(str(kind, 'kind'), str(id, 'id'), str(version, 'version')) }));
  }

  async listDefinitions(filter: { kind?: DefinitionKind; id?: string; status?: DefinitionRecord['status'] }) {
    const q: Filter<DocRow> = {};
    if (filter.kind !== undefined) q['kind'] = str(filter.kind, 'kind');
    if (filter.id !== undefined) q['id'] = str(filter.id, 'id');
    if (filter.status !== undefined) q['status'] = str(filter.status, 'status');
    const rows = await this.c('definitions').find(q).sort({ kind: 1, id: 1, version: 1 }).toArray();
    return rows.map((r) => JSON.parse(r.doc) as DefinitionRecord);
  }

  // Applications

  private applicationRow(a: ApplicationRecord): DocRow {
    return {
      _id: str(a.id, 'id'),
      revision: a.revision,
      owner: a.owner,
      region: str(a.region, 'region'),
      state: str(a.state, 'state'),
      status: a.status,
      departments: a.departments.map((d) => str(d, 'department')),
      continuation: a.continuation,
      nextDeadline: a.nextDeadline,
      sortDeadline: a.nextDeadline ?? '~',
      updatedAt: a.updatedAt,
      doc: JSON.stringify(a),
    };
  }

  async commit(change: ApplicationChange): Promise<CommitResult> {
    try {
      const result = await this.transaction(async (session) => this.commitIn(change, session));
      if (result.status === 'committed' && change.flow) this.storedFlows.add(change.flow.hash);
      return result;
    } catch (error) {
      // Two transactions inserting the same idempotency key: the loser replays the winner's response.
      if (isDuplicate(error) && change.idempotency) {
        const stored = await this.getIdempotent(change.idempotency.scope, change.idempotency.key);
        if (stored && stored.requestHash === change.idempotency.requestHash) return { status: 'replayed', response: stored.response };
        if (stored) throw new StoreError('idempotency-mismatch', 'idempotency key was used with another request');
      }
      if (isDuplicate(error)) throw new StoreError('conflict', 'a concurrent change won');
      throw error;
    }
  }

  private async commitIn(change: ApplicationChange, session: ClientSession): Promise<CommitResult> {
    const key = change.idempotency;
    const keyId = key ? `${str(key.scope, 'scope')}\u0000${str(key.key, 'key')}` : undefined;
    if (key && keyId) {
      const stored = await this.c<{ _id: string; requestHash: string; response: string }>('idempotency').findOne({ _id: keyId }, { session });
      if (stored) {
        if (stored.requestHash !== key.requestHash) throw new StoreError('idempotency-mismatch', 'idempotency key was used with another request');
        return { status: 'replayed', response: JSON.parse(stored.response) as StoredResponse };
      }
    }
    const next = change.next;
    const row = this.applicationRow(next);
    if (change.expectedRevision === null) {
      if (next.revision !== 1) throw new StoreError('invalid', 'a new application starts at revision 1');
      await this.c('applications').insertOne(row, { session });
    } else {
      if (next.revision !== change.expectedRevision + 1) throw new StoreError('invalid', 'revision must grow by one');
      const result = await this.c('applications').replaceOne({ _id: row._id, revision: change.expectedRevision }, row, { session });
      if (result.matchedCount !== 1) throw new StoreError('conflict', `application ${next.id} is not at revision ${change.expectedRevision}`);
    }
    for (const entry of change.audit) {
      if (entry.applicationId !== next.id) throw new StoreError('invalid', 'audit entry of another application');
      await this.c('audit').insertOne({ _id: `${entry.applicationId}:${entry.seq}`, applicationId: entry.applicationId, seq: entry.seq, doc: JSON.stringify(entry) }, { session });
    }
    const deadlines = change.deadlines;
    if (deadlines?.fire) {
      const { id, owner, at } = deadlines.fire;
      const fired = await this.c<DeadlineRow>('deadlines').updateOne(
        { _id: str(id, 'id'), applicationId: next.id, status: 'pending', leaseOwner: str(owner, 'owner') },
        { $set: { status: 'fired', firedAt: at } },
        { session },
      );
      if (fired.matchedCount !== 1) throw new StoreError('conflict', `deadline ${id} is not pending under this lease`);
    }
    for (const k of deadlines?.cancel ?? []) {
      const filter: Filter<DeadlineRow> = k === '*' ? { applicationId: next.id, status: 'pending' } : { applicationId: next.id, status: 'pending', key: str(k, 'key') };
      await this.c<DeadlineRow>('deadlines').updateMany(filter, { $set: { status: 'cancelled' } }, { session });
    }
    for (const d of deadlines?.add ?? []) {
      if (d.applicationId !== next.id) throw new StoreError('invalid', 'deadline of another application');
      await this.c<DeadlineRow>('deadlines').insertOne(toDeadline(d), { session });
    }
    for (const m of change.outbox ?? []) {
      await this.c<OutboxRow>('outbox').insertOne(outboxRow({ ...m, applicationId: next.id }), { session });
    }
    if (change.flow && !this.storedFlows.has(change.flow.hash)) {
      // Upsert without replacing: a flow already stored under the hash keeps its body.
      await this.c('flows').updateOne(
        { _id: str(change.flow.hash, 'hash') },
        { $setOnInsert: { doc: JSON.stringify(change.flow.body), createdAt: next.updatedAt } },
        { upsert: true, session },
      );
    }
    if (key && keyId) {
      await this.c('idempotency').insertOne(
        { _id: keyId, requestHash: key.requestHash, response: storedResponseJson(key), applicationId: next.id, createdAt: next.updatedAt, doc: '' },
        { session },
      );
    }
    return { status: 'committed', application: next };
  }

  async getApplication(id: string) {
    return parse<ApplicationRecord>(await this.c('applications').findOne({ _id: str(id, 'id') }));
  }

  async findByContinuation(tokenHash: string) {
    return parse<ApplicationRecord>(await this.c('applications').findOne({ continuation: str(tokenHash, 'token') }));
  }

  async listApplications(q: ApplicationQuery): Promise<Page<ApplicationRecord>> {
    const and: Filter<DocRow>[] = [];
    if (q.owner !== undefined) and.push({ owner: str(q.owner, 'owner') });
    if (q.department !== undefined) and.push({ departments: str(q.department, 'department') });
    if (q.region !== undefined) and.push({ region: str(q.region, 'region') });
    if (q.status !== undefined) and.push({ status: str(q.status, 'status') });
    if (q.states?.length) and.push({ state: { $in: q.states.map((s) => str(s, 'state')) } });
    if (q.dueBefore !== undefined) and.push({ nextDeadline: { $ne: null, $lte: str(q.dueBefore, 'dueBefore') } });
    const field = q.order === 'updated' ? 'updatedAt' : 'sortDeadline';
    const direction = q.order === 'updated' ? -1 : 1;
    if (q.after !== undefined) {
      const cursor = decodeCursor(q.after);
      const cmp = direction === -1 ? '$lt' : '$gt';
      and.push({ $or: [{ [field]: { [cmp]: cursor.key } }, { [field]: cursor.key, _id: { [cmp]: cursor.id } }] } as Filter<DocRow>);
    }
    const limit = Math.max(1, Math.min(200, Math.trunc(q.limit)));
    const rows = await this.c('applications')
      .find(and.length ? { $and: and } : {})
      .sort({ [field]: direction, _id: direction })
      .limit(limit + 1)
      .toArray();
    const items = rows.map((r) => JSON.parse(r.doc) as ApplicationRecord);
    const more = items.length > limit;
    if (more) items.pop();
    const last = items.at(-1);
    return { items, next: more && last ? encodeCursor({ key: sortKey(last, q.order), id: last.id }) : null };
  }

  async auditTrail(applicationId: string) {
    const rows = await this.c('audit').find({ applicationId: str(applicationId, 'id') }).sort({ seq: 1 }).toArray();
    return rows.map((r) => JSON.parse(r.doc) as AuditEntry);
  }

  async expireDrafts(updatedBefore: string, limit: number): Promise<string[]> {
    const before = str(updatedBefore, 'updatedBefore');
    const candidates = await this.c('applications').find({ status: 'draft', updatedAt: { $lt: before } }, { projection: { _id: 1 } }).sort({ updatedAt: 1 }).limit(Math.max(1, Math.trunc(limit))).toArray();
    const expired: string[] = [];
    for (const { _id } of candidates) {
      const deleted = await this.transaction(async (session) => {
        // Still a draft not saved since: a save that won the race keeps it.
        const gone = await this.c('applications').deleteOne({ _id, status: 'draft', updatedAt: { $lt: before } }, { session });
        if (gone.deletedCount !== 1) return false;
        // (find, not distinct: distinct does not run in transactions on sharded collections)
        const files = new Set((await this.c('attachments').find({ applicationId: _id }, { projection: { sha256: 1 }, session }).toArray()).map((a) => a['sha256'] as string));
        for (const name of ['audit', 'deadlines', 'outbox', 'inbox', 'attachments', 'idempotency']) await this.c(name).deleteMany({ applicationId: _id }, { session });
        for (const sha of files) {
          if (!(await this.c('attachments').findOne({ sha256: sha }, { session }))) await this.c('blobs').deleteOne({ _id: sha }, { session });
        }
        return true;
      });
      if (deleted) expired.push(_id);
    }
    return expired;
  }

  async getIdempotent(scope: string, key: string) {
    const row = await this.c<{ _id: string; requestHash: string; response: string }>('idempotency').findOne({ _id: `${str(scope, 'scope')}\u0000${str(key, 'key')}` });
    return row ? { requestHash: row.requestHash, response: JSON.parse(row.response) as StoredResponse } : null;
  }

  // Application flows

  async getFlow(hash: string): Promise<Json | null> {
    const row = await this.c('flows').findOne({ _id: str(hash, 'hash') });
    if (!row) return null;
    this.storedFlows.add(hash);
    return JSON.parse(row.doc) as Json;
  }

  async putFlow(hash: string, body: Json, at: string): Promise<void> {
    if (this.storedFlows.has(hash)) return;
    await ignoreDuplicate(this.c('flows').updateOne({ _id: str(hash, 'hash') }, { $setOnInsert: { doc: JSON.stringify(body), createdAt: str(at, 'at') } }, { upsert: true }));
    this.storedFlows.add(hash);
  }

  // Deadlines

  async leaseDueDeadlines(now: string, owner: string, until: string, limit: number): Promise<DeadlineRecord[]> {
    return (await this.leaseDue<DeadlineRow>('deadlines', 'due', { now, owner, until, limit })).map(fromDeadline);
  }

  /**
   * Leases pending documents whose `dueField` has come and whose lease is free or expired, oldest
   * first: one atomic find-and-modify each (driver 6+ returns the document itself), so two
   * processes never lease the same one.
   */
  private async leaseDue<T extends Document>(name: string, dueField: 'due' | 'nextAttempt', q: { now: string; owner: string; until: string; limit: number }): Promise<T[]> {
    const leased: T[] = [];
    for (let i = 0; i < Math.max(1, Math.trunc(q.limit)); i++) {
      const row = await this.c<Document>(name).findOneAndUpdate(
        { status: 'pending', [dueField]: { $lte: str(q.now, 'now') }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: q.now } }] },
        { $set: { leaseOwner: str(q.owner, 'owner'), leaseUntil: str(q.until, 'until') } },
        { sort: { [dueField]: 1, _id: 1 }, returnDocument: 'after' },
      );
      if (!row) break;
      leased.push(row as unknown as T);
    }
    return leased;
  }

  async releaseLease(id: string, owner: string): Promise<void> {
    await this.c<DeadlineRow>('deadlines').updateOne({ _id: str(id, 'id'), status: 'pending', leaseOwner: str(owner, 'owner') }, { $set: { leaseOwner: null, leaseUntil: null } });
  }

  async cancelDeadline(id: string, owner: string): Promise<void> {
    await this.c<DeadlineRow>('deadlines').updateOne(
      { _id: str(id, 'id'), status: 'pending', leaseOwner: str(owner, 'owner') },
      { $set: { status: 'cancelled', leaseOwner: null, leaseUntil: null } },
    );
  }

  async deadlines(applicationId: string) {
    const rows = await this.c<DeadlineRow>('deadlines').find({ applicationId: str(applicationId, 'id') }).sort({ due: 1, _id: 1 }).toArray();
    return rows.map(fromDeadline);
  }

  // Materials

  async putBlob(blob: BlobRecord): Promise<void> {
    if (blob.size > MONGO_MAX_BLOB_BYTES) throw new StoreError('invalid', `blobs above ${MONGO_MAX_BLOB_BYTES} bytes do not fit a MongoDB document`);
    await ignoreDuplicate(
      this.c<{ _id: string; size: number; type: string; bytes: Binary }>('blobs').updateOne(
        { _id: str(blob.sha256, 'sha256') },
        { $setOnInsert: { size: blob.size, type: blob.type, bytes: new Binary(blob.bytes) } },
        { upsert: true },
      ),
    );
  }

  async getBlob(sha256: string): Promise<BlobRecord | null> {
    const row = await this.c<{ _id: string; size: number; type: string; bytes: Binary }>('blobs').findOne({ _id: str(sha256, 'sha256') });
    // value(): the bytes up to `position` (the buffer may be longer); copied off the reply's memory.
    return row ? { sha256: row._id, size: row.size, type: row.type, bytes: new Uint8Array(row.bytes.value()) } : null;
  }

  async attach(a: AttachmentRecord): Promise<void> {
    const _id = `${str(a.applicationId, 'id')}/${str(a.materialId, 'material')}/${str(a.sha256, 'sha256')}`;
    await ignoreDuplicate(
      this.c('attachments').updateOne(
        { _id },
        { $setOnInsert: { applicationId: a.applicationId, materialId: a.materialId, sha256: a.sha256, doc: JSON.stringify(a) } },
        { upsert: true },
      ),
    );
  }

  async attachments(applicationId: string) {
    const rows = await this.c('attachments').find({ applicationId: str(applicationId, 'id') }).sort({ materialId: 1, sha256: 1 }).toArray();
    return rows.map((r) => JSON.parse(r.doc) as AttachmentRecord);
  }

  // Notifications

  async leaseOutbox(now: string, owner: string, until: string, limit: number): Promise<OutboxRecord[]> {
    return (await this.leaseDue<OutboxRow>('outbox', 'nextAttempt', { now, owner, until, limit })).map(fromOutboxRow);
  }

  async settleOutbox(id: string, owner: string, settlement: OutboxSettlement): Promise<boolean> {
    const row = await this.c<OutboxRow>('outbox').findOne({ _id: str(id, 'id'), status: 'pending', leaseOwner: str(owner, 'owner') });
    if (!row) return false;
    const next = settled(fromOutboxRow(row), settlement);
    // Compare-and-set on the lease: another process that took the lease over meanwhile wins.
    const result = await this.c<OutboxRow>('outbox').replaceOne({ _id: row._id, status: 'pending', leaseOwner: owner, leaseUntil: row.leaseUntil }, outboxRow(next));
    return result.matchedCount === 1;
  }

  async addInbox(entries: InboxEntry[]): Promise<void> {
    for (const e of entries) {
      const row = { _id: str(e.id, 'id'), applicationId: str(e.applicationId, 'id'), kind: str(e.target.kind, 'kind'), subject: str(e.target.subject, 'subject'), region: str(e.target.region, 'region'), at: e.at, doc: JSON.stringify(e) };
      await ignoreDuplicate(this.c<DocRow>('inbox').updateOne({ _id: row._id }, { $setOnInsert: row }, { upsert: true }));
    }
  }

  async inbox(q: { targets: InboxTarget[]; applicationId?: string; limit: number; after?: string }): Promise<Page<InboxEntry>> {
    if (q.targets.length === 0) return { items: [], next: null };
    const anyOf = q.targets.map((t) => ({
      kind: str(t.kind, 'kind'),
      ...(t.subject !== undefined ? { subject: str(t.subject, 'subject') } : {}),
      ...(t.region !== undefined ? { region: str(t.region, 'region') } : {}),
    }));
    const and: Filter<DocRow>[] = [{ $or: anyOf }];
    if (q.applicationId !== undefined) and.push({ applicationId: str(q.applicationId, 'id') });
    if (q.after !== undefined) {
      const cursor = decodeCursor(q.after);
      and.push({ $or: [{ at: { $lt: cursor.key } }, { at: cursor.key, _id: { $lt: cursor.id } }] });
    }
    const limit = Math.max(1, Math.min(200, Math.trunc(q.limit)));
    const rows = await this.c('inbox').find({ $and: and }).sort({ at: -1, _id: -1 }).limit(limit + 1).toArray();
    const items = rows.map((r) => JSON.parse(r.doc) as InboxEntry);
    const more = items.length > limit;
    if (more) items.pop();
    const last = items.at(-1);
    return { items, next: more && last ? encodeCursor({ key: last.at, id: last.id }) : null };
  }

  // Ratings, portals, outbox

  async addRating(rating: RatingRecord): Promise<void> {
    try {
      await this.c('ratings').insertOne({ _id: str(rating.applicationId, 'id'), doc: JSON.stringify(rating) });
    } catch (error) {
      if (isDuplicate(error)) throw new StoreError('conflict', 'application already rated');
      throw error;
    }
  }

  async getRating(applicationId: string) {
    return parse<RatingRecord>(await this.c('ratings').findOne({ _id: str(applicationId, 'id') }));
  }

  async savePortal(portal: PortalRecord): Promise<void> {
    await this.c('portals').replaceOne({ _id: str(portal.origin, 'origin') }, { _id: portal.origin, doc: JSON.stringify(portal) }, { upsert: true });
  }

  async deletePortal(origin: string): Promise<boolean> {
    return (await this.c('portals').deleteOne({ _id: str(origin, 'origin') })).deletedCount === 1;
  }

  async listPortals() {
    const rows = await this.c('portals').find({}).sort({ _id: 1 }).toArray();
    return rows.map((r) => JSON.parse(r.doc) as PortalRecord);
  }

  async outbox(applicationId: string) {
    const rows = await this.c<OutboxRow>('outbox').find({ applicationId: str(applicationId, 'id') }).sort({ at: 1, _id: 1 }).toArray();
    return rows.map(fromOutboxRow);
  }
}
