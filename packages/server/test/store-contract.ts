/**
 * The ONE contract every store adapter passes. Run by store-sqlite.test.ts (always, on
 * `:memory:` and on a file) and store-mongodb.test.ts (when MONGODB_URI is set).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationChange, Store } from '../src/store/port.js';
import type { ApplicationRecord, DeadlineRecord, InboxEntry, OutboxRecord } from '../src/store/types.js';
import { StoreError } from '../src/store/errors.js';
import { chainAudit, auditHeadAfter, verifyAuditChain } from '../src/store/audit.js';
import { canonicalHash } from '../src/util/hash.js';

const T0 = '2025-03-01T08:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** A new application and the change that creates it (one audit entry). */
export function newApplication(overrides: Partial<ApplicationRecord> = {}): ApplicationChange {
  const id = overrides.id ?? randomUUID();
  const base: ApplicationRecord = {
    id,
    revision: 1,
    bundle: { id: 'newborn-birth', version: '1.0.0', hash: 'b'.repeat(64) },
    status: 'open',
    state: 'preReview',
    owner: 'citizen-a',
    region: '110105',
    departments: ['government-service-center'],
    continuation: null,
    answers: {},
    data: { mother: { name: '王芳' } },
    materials: {},
    flow: { value: 'preReview' },
    nextDeadline: null,
    createdAt: T0,
    updatedAt: T0,
    submittedAt: T0,
    auditHead: null,
    ...overrides,
  };
  const audit = chainAudit(null, [
    { applicationId: id, at: base.updatedAt, actor: { sub: base.owner ?? 'anonymous', role: 'applicant' }, event: 'submit', from: null, to: base.state, dataHash: canonicalHash(base.data) },
  ]);
  return { next: { ...base, auditHead: auditHeadAfter(null, audit) }, expectedRevision: null, audit };
}

/** The change that moves an application to `state` as `sub`. */
export function transition(app: ApplicationRecord, state: string, sub = 'clerk-1', extra: Partial<ApplicationChange> = {}): ApplicationChange {
  const audit = chainAudit(app.auditHead, [
    { applicationId: app.id, at: at(app.revision), actor: { sub, role: 'clerk' }, event: `to-${state}`, from: app.state, to: state, dataHash: canonicalHash(app.data) },
  ]);
  return {
    next: { ...app, revision: app.revision + 1, state, updatedAt: at(app.revision), auditHead: auditHeadAfter(app.auditHead, audit) },
    expectedRevision: app.revision,
    audit,
    ...extra,
  };
}

/** A notification written with a change, not yet delivered. */
export function message(applicationId: string, at: string, effect: OutboxRecord['effect'] = { type: 'notify', to: 'applicant', template: 'item-approved', params: {} }): OutboxRecord {
  return { id: randomUUID(), applicationId, at, effect, status: 'pending', attempts: 0, nextAttempt: at, delivered: [], lastError: null, settledAt: null, leaseOwner: null, leaseUntil: null };
}

function inboxEntry(id: string, applicationId: string, at: string, target: InboxEntry['target']): InboxEntry {
  const t = { 'zh-CN': '申请已办结', en: 'Application completed' };
  return { id, applicationId, at, target, template: 'item-approved', item: null, title: t, body: t };
}

function deadline(applicationId: string, key: string, due: string): DeadlineRecord {
  return { id: randomUUID(), applicationId, key, due, event: 'timeout', status: 'pending', leaseOwner: null, leaseUntil: null, firedAt: null };
}

async function storeError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  return 'no error';
}

async function committed(store: Store, change: ApplicationChange): Promise<ApplicationRecord> {
  const result = await store.commit(change);
  if (result.status !== 'committed') throw new Error('expected a commit');
  return result.application;
}

/** Runs the store contract against stores made by `open` (each test gets a fresh, migrated store). */
export function storeContract(name: string, open: () => Promise<Store>, dispose?: (store: Store) => Promise<void>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
      await store.migrate();
    });
    afterEach(async () => {
      if (dispose) await dispose(store);
      await store.close();
    });

    describe('migrations', () => {
      it('applies every migration once and reports the schema version', async () => {
        const version = await store.schemaVersion();
        expect(version).toBeGreaterThanOrEqual(1);
        expect(await store.migrate()).toEqual([]);
        expect(await store.schemaVersion()).toBe(version);
      });
    });

    describe('definitions', () => {
      const draft = (expectedRevision: number | null, title = 'A') => ({
        kind: 'item' as const, id: 'birth-certificate', version: '1.0.0', body: { title }, hash: canonicalHash({ title }),
        by: 'admin-1', at: T0, expectedRevision,
      });

      it('creates a draft, updates it by revision and refuses a stale revision', async () => {
        expect((await store.saveDraft(draft(null))).revision).toBe(1);
        expect((await store.saveDraft(draft(1, 'B'))).revision).toBe(2);
        expect(await storeError(store.saveDraft(draft(1, 'C')))).toBe('conflict');
        expect(await storeError(store.saveDraft(draft(null, 'D')))).toBe('conflict');
        expect((await store.getDefinition('item', 'birth-certificate', '1.0.0'))?.body).toEqual({ title: 'B' });
      });

      it('freezes a published version: no more drafts, no second publish', async () => {
        await store.saveDraft(draft(null));
        const published = await store.publish({ kind: 'item', id: 'birth-certificate', version: '1.0.0', expectedRevision: 1, by: 'admin-1', at: at(1) });
        expect(published).toMatchObject({ status: 'published', publishedBy: 'admin-1', publishedAt: at(1), hash: canonicalHash({ title: 'A' }) });
        expect(await storeError(store.saveDraft(draft(1, 'B')))).toBe('published');
        expect(await storeError(store.publish({ kind: 'item', id: 'birth-certificate', version: '1.0.0', expectedRevision: 1, by: 'x', at: T0 }))).toBe('published');
        expect(await storeError(store.publish({ kind: 'item', id: 'missing', version: '1.0.0', expectedRevision: 1, by: 'x', at: T0 }))).toBe('not-found');
      });

      it('imports a published version idempotently and refuses other content under the same version', async () => {
        const record = { kind: 'bundle' as const, id: 'newborn-birth', version: '1.0.0', body: { a: 1 }, hash: canonicalHash({ a: 1 }), createdAt: T0, updatedAt: T0, publishedAt: T0, createdBy: 'import', publishedBy: 'import' };
        expect((await store.importPublished(record)).created).toBe(true);
        expect((await store.importPublished(record)).created).toBe(false);
        expect(await storeError(store.importPublished({ ...record, body: { a: 2 }, hash: canonicalHash({ a: 2 }) }))).toBe('published');
      });

      it('lists by kind, id and status', async () => {
        await store.saveDraft(draft(null));
        await store.saveDraft({ ...draft(null), version: '2.0.0' });
        await store.publish({ kind: 'item', id: 'birth-certificate', version: '1.0.0', expectedRevision: 1, by: 'a', at: T0 });
        expect((await store.listDefinitions({ kind: 'item' })).map((d) => d.version)).toEqual(['1.0.0', '2.0.0']);
        expect((await store.listDefinitions({ status: 'published' })).map((d) => d.version)).toEqual(['1.0.0']);
        expect(await store.listDefinitions({ kind: 'bundle' })).toEqual([]);
      });
    });

    describe('applications', () => {
      it('creates an application with its audit entry and reads both back', async () => {
        const change = newApplication();
        const app = await committed(store, change);
        expect(await store.getApplication(app.id)).toEqual(change.next);
        const trail = await store.auditTrail(app.id);
        expect(trail).toEqual(change.audit);
        expect(verifyAuditChain(trail)).toBeNull();
        expect(await storeError(store.commit(newApplication({ id: app.id })))).toBe('conflict');
      });

      it('changes state by compare-and-set on the revision and chains the audit', async () => {
        const app = await committed(store, newApplication());
        const moved = await committed(store, transition(app, 'accepted'));
        expect(moved.revision).toBe(2);
        expect(await storeError(store.commit(transition(app, 'supplement')))).toBe('conflict');
        const trail = await store.auditTrail(app.id);
        expect(trail.map((e) => [e.seq, e.to])).toEqual([[1, 'preReview'], [2, 'accepted']]);
        expect(verifyAuditChain(trail)).toBeNull();
        expect((await store.getApplication(app.id))?.state).toBe('accepted');
      });

      it('lets exactly one of many concurrent changes from the same revision win', async () => {
        const app = await committed(store, newApplication());
        const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.commit(transition(app, `s${i}`))));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect((r.reason as StoreError).code).toBe('conflict');
        expect((await store.getApplication(app.id))?.revision).toBe(2);
        expect(await store.auditTrail(app.id)).toHaveLength(2);
      });

      it('writes nothing of a change that fails (no half-written state)', async () => {
        const app = await committed(store, newApplication());
        const d = deadline(app.id, 'preReview', at(10));
        const withDeadline = await committed(store, transition(app, 'preReview', 'clerk-1', { deadlines: { add: [d] } }));
        // firing a deadline not leased by this owner fails: the state, audit and outbox stay as they were
        const failing = transition(withDeadline, 'timedOut', 'system', {
          deadlines: { fire: { id: d.id, owner: 'nobody', at: at(11) } },
          outbox: [message(app.id, at(11))],
        });
        expect(await storeError(store.commit(failing))).toBe('conflict');
        expect((await store.getApplication(app.id))?.revision).toBe(2);
        expect(await store.auditTrail(app.id)).toHaveLength(2);
        expect(await store.outbox(app.id)).toEqual([]);
        expect((await store.deadlines(app.id))[0]?.status).toBe('pending');
      });

      it('finds a draft by its continuation token hash', async () => {
        const app = await committed(store, newApplication({ owner: null, status: 'draft', state: 'draft', continuation: 'c'.repeat(64) }));
        expect((await store.findByContinuation('c'.repeat(64)))?.id).toBe(app.id);
        expect(await store.findByContinuation('d'.repeat(64))).toBeNull();
      });

      it('never turns a caller object into a query operator', async () => {
        await committed(store, newApplication());
        const operator = { $ne: null } as unknown as string;
        expect(await storeError(store.getApplication(operator))).toBe('invalid');
        expect(await storeError(store.findByContinuation(operator))).toBe('invalid');
        expect(await storeError(store.listApplications({ owner: operator, order: 'updated', limit: 10 }))).toBe('invalid');
        expect(await storeError(store.getDefinition('item', operator, '1.0.0'))).toBe('invalid');
      });
    });

    describe('idempotency', () => {
      const keyed = (change: ApplicationChange, requestHash = 'r1'): ApplicationChange => ({
        ...change,
        idempotency: { scope: 'citizen-a', key: 'k-1', requestHash, response: { status: 201, body: { id: change.next.id } } },
      });

      it('replays the first response for the same key and writes nothing more', async () => {
        const first = keyed(newApplication());
        expect((await store.commit(first)).status).toBe('committed');
        const again = await store.commit(keyed(newApplication()));
        expect(again).toEqual({ status: 'replayed', response: { status: 201, body: { id: first.next.id } } });
        expect((await store.listApplications({ owner: 'citizen-a', order: 'updated', limit: 10 })).items).toHaveLength(1);
        expect(await store.getIdempotent('citizen-a', 'k-1')).toEqual({ requestHash: 'r1', response: { status: 201, body: { id: first.next.id } } });
        expect(await store.getIdempotent('citizen-b', 'k-1')).toBeNull();
      });

      it('refuses the same key with another request', async () => {
        await store.commit(keyed(newApplication()));
        expect(await storeError(store.commit(keyed(newApplication(), 'r2')))).toBe('idempotency-mismatch');
      });

      it('creates one application when the same key arrives concurrently', async () => {
        const changes = Array.from({ length: 20 }, () => keyed(newApplication()));
        const results = await Promise.all(changes.map((c) => store.commit(c).catch((e: unknown) => e)));
        expect(results.filter((r) => (r as { status?: string }).status === 'committed')).toHaveLength(1);
        const page = await store.listApplications({ owner: 'citizen-a', order: 'updated', limit: 50 });
        expect(page.items).toHaveLength(1);
        for (const r of results) {
          if ((r as { status?: string }).status === 'replayed') expect((r as { response: unknown }).response).toEqual({ status: 201, body: { id: page.items[0]?.id } });
        }
      });
    });

    describe('application flows', () => {
      const flow = (hash: string, title: string) => ({ hash, body: { format: 'onething.flow/1', definition: { id: 'newborn-birth', version: '1.0.0', hash }, machine: { title } } });

      it('keeps the flow a change ran on under its hash, the first body stored under a hash for good', async () => {
        const h1 = '1'.repeat(64);
        expect(await store.getFlow(h1)).toBeNull();
        await committed(store, { ...newApplication(), flow: flow(h1, 'first') });
        expect(await store.getFlow(h1)).toEqual(flow(h1, 'first').body);
        await committed(store, { ...newApplication(), flow: flow(h1, 'second') });
        expect(await store.getFlow(h1)).toEqual(flow(h1, 'first').body);

        const h2 = '2'.repeat(64);
        await store.putFlow(h2, flow(h2, 'put').body, T0);
        await store.putFlow(h2, flow(h2, 'put again').body, at(1));
        expect(await store.getFlow(h2)).toEqual(flow(h2, 'put').body);
        expect(await storeError(store.getFlow({ $ne: null } as unknown as string))).toBe('invalid');
      });

      it('stores nothing of the flow of a change that fails', async () => {
        const app = await committed(store, newApplication());
        await committed(store, transition(app, 'preReview'));
        const h3 = '3'.repeat(64);
        expect(await storeError(store.commit({ ...transition(app, 'stale'), flow: flow(h3, 'lost') }))).toBe('conflict');
        expect(await store.getFlow(h3)).toBeNull();
      });
    });

    describe('deadlines', () => {
      it('leases due deadlines to one owner at a time and fires each exactly once', async () => {
        const app = await committed(store, newApplication());
        const due = deadline(app.id, 'preReview', at(5));
        const later = deadline(app.id, 'processing', at(60));
        let current = await committed(store, transition(app, 'preReview', 'clerk-1', { deadlines: { add: [due, later] } }));

        const leased = await store.leaseDueDeadlines(at(10), 'p1', at(11), 10);
        expect(leased.map((d) => d.id)).toEqual([due.id]);
        expect(await store.leaseDueDeadlines(at(10), 'p2', at(11), 10)).toEqual([]);

        current = await committed(store, transition(current, 'timedOut', 'system', { deadlines: { fire: { id: due.id, owner: 'p1', at: at(10) } } }));
        expect(await storeError(store.commit(transition(current, 'again', 'system', { deadlines: { fire: { id: due.id, owner: 'p1', at: at(10) } } })))).toBe('conflict');
        const [fired] = await store.deadlines(app.id);
        expect(fired).toMatchObject({ id: due.id, status: 'fired', firedAt: at(10) });
        expect(await store.leaseDueDeadlines(at(20), 'p2', at(21), 10)).toEqual([]);
      });

      it('hands an expired or released lease to another owner', async () => {
        const app = await committed(store, newApplication());
        const due = deadline(app.id, 'preReview', at(5));
        await committed(store, transition(app, 'preReview', 'clerk-1', { deadlines: { add: [due] } }));
        expect(await store.leaseDueDeadlines(at(10), 'p1', at(11), 10)).toHaveLength(1);
        expect((await store.leaseDueDeadlines(at(12), 'p2', at(13), 10))[0]?.leaseOwner).toBe('p2');
        await store.releaseLease(due.id, 'p1'); // not p1's any more: no effect
        expect(await store.leaseDueDeadlines(at(12), 'p3', at(13), 10)).toEqual([]);
        await store.releaseLease(due.id, 'p2');
        expect((await store.leaseDueDeadlines(at(12), 'p3', at(13), 10))[0]?.leaseOwner).toBe('p3');
        await store.cancelDeadline(due.id, 'p2'); // not p2's: no effect
        expect((await store.deadlines(app.id))[0]?.status).toBe('pending');
        await store.cancelDeadline(due.id, 'p3');
        expect((await store.deadlines(app.id))[0]?.status).toBe('cancelled');
      });

      it('cancels pending deadlines by key or all at once', async () => {
        const app = await committed(store, newApplication());
        const a = deadline(app.id, 'a', at(5));
        const b = deadline(app.id, 'b', at(6));
        const c = deadline(app.id, 'c', at(7));
        let current = await committed(store, transition(app, 's1', 'x', { deadlines: { add: [a, b, c] } }));
        current = await committed(store, transition(current, 's2', 'x', { deadlines: { cancel: ['a'] } }));
        expect((await store.deadlines(app.id)).map((d) => [d.key, d.status])).toEqual([['a', 'cancelled'], ['b', 'pending'], ['c', 'pending']]);
        await committed(store, transition(current, 's3', 'x', { deadlines: { cancel: ['*'] } }));
        expect((await store.deadlines(app.id)).map((d) => d.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
        expect(await store.leaseDueDeadlines(at(100), 'p', at(101), 10)).toEqual([]);
      });
    });

    describe('listing', () => {
      async function seed() {
        const make = (i: number, o: Partial<ApplicationRecord>) =>
          committed(store, newApplication({ id: `app-${String(i).padStart(2, '0')}`, updatedAt: at(i), createdAt: at(i), ...o }));
        for (let i = 0; i < 12; i++) {
          await make(i, {
            owner: i % 2 ? 'citizen-b' : 'citizen-a',
            region: i < 8 ? '110105' : '110106',
            departments: i % 3 ? ['public-security'] : ['health', 'public-security'],
            state: i % 4 ? 'processing' : 'preReview',
            nextDeadline: i % 5 ? at(1000 - i) : null,
          });
        }
      }

      it('filters by owner, department, region, state and deadline', async () => {
        await seed();
        const ids = async (q: Parameters<Store['listApplications']>[0]) => (await store.listApplications(q)).items.map((a) => a.id);
        expect(await ids({ owner: 'citizen-b', order: 'updated', limit: 3 })).toEqual(['app-11', 'app-09', 'app-07']);
        expect(await ids({ department: 'health', region: '110105', order: 'updated', limit: 50 })).toEqual(['app-06', 'app-03', 'app-00']);
        expect(await ids({ department: 'public-security', region: '110106', states: ['preReview'], order: 'updated', limit: 50 })).toEqual(['app-08']);
        expect(await ids({ dueBefore: at(990), order: 'deadline', limit: 50 })).toEqual(['app-11']);
      });

      it('pages through every match exactly once, most urgent deadline first', async () => {
        await seed();
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await store.listApplications({ department: 'public-security', order: 'deadline', limit: 5, ...(after ? { after } : {}) });
          seen.push(...page.items.map((a) => a.id));
          after = page.next ?? undefined;
        } while (after);
        expect(seen).toEqual(['app-11', 'app-09', 'app-08', 'app-07', 'app-06', 'app-04', 'app-03', 'app-02', 'app-01', 'app-00', 'app-05', 'app-10']);
        expect(await storeError(store.listApplications({ order: 'deadline', limit: 5, after: 'not-a-cursor' }))).toBe('invalid');
      });
    });

    describe('materials, ratings, portals, outbox', () => {
      it('stores blobs by content and lists an application’s attachments', async () => {
        const bytes = new TextEncoder().encode('%PDF-1.7 test');
        const blob = { sha256: 'e'.repeat(64), size: bytes.length, type: 'application/pdf', bytes };
        await store.putBlob(blob);
        await store.putBlob(blob);
        expect(await store.getBlob(blob.sha256)).toEqual(blob);
        expect(await store.getBlob('f'.repeat(64))).toBeNull();
        const attachment = { applicationId: 'a1', materialId: 'id-card', sha256: blob.sha256, name: 'id.pdf', size: bytes.length, type: 'application/pdf', uploadedBy: 'citizen-a', at: T0 };
        await store.attach(attachment);
        await store.attach(attachment);
        expect(await store.attachments('a1')).toEqual([attachment]);
      });

      it('keeps one rating per application', async () => {
        const rating = { applicationId: 'a1', score: 5 as const, comment: '很好', by: 'citizen-a', at: T0 };
        await store.addRating(rating);
        expect(await storeError(store.addRating({ ...rating, score: 1 }))).toBe('conflict');
        expect(await store.getRating('a1')).toEqual(rating);
      });

      it('registers and removes portal origins', async () => {
        await store.savePortal({ origin: 'https://portal.example.gov.cn', name: 'City portal', createdAt: T0 });
        expect((await store.listPortals()).map((p) => p.origin)).toEqual(['https://portal.example.gov.cn']);
        expect(await store.deletePortal('https://portal.example.gov.cn')).toBe(true);
        expect(await store.deletePortal('https://portal.example.gov.cn')).toBe(false);
      });

      it('writes outbox messages with the change that caused them', async () => {
        const change = newApplication();
        const m = message(change.next.id, T0);
        await store.commit({ ...change, outbox: [m] });
        expect(await store.outbox(change.next.id)).toEqual([m]);
      });
    });

    describe('draft expiry', () => {
      it('deletes drafts saved before the cut with their files, keeping files other applications use', async () => {
        const old = await committed(store, newApplication({ status: 'draft', state: 'draft', updatedAt: at(0) }));
        const recent = await committed(store, newApplication({ status: 'draft', state: 'draft', updatedAt: at(100) }));
        const submitted = await committed(store, newApplication({ updatedAt: at(0) }));
        const bytes = (s: string) => new TextEncoder().encode(s);
        const own = { sha256: '1'.repeat(64), size: 4, type: 'application/pdf', bytes: bytes('%PDF') };
        const shared = { sha256: '2'.repeat(64), size: 5, type: 'application/pdf', bytes: bytes('%PDF2') };
        for (const blob of [own, shared]) await store.putBlob(blob);
        const file = (applicationId: string, sha256: string) => ({ applicationId, materialId: 'id-card', sha256, name: 'a.pdf', size: 4, type: 'application/pdf', uploadedBy: 'citizen-a', at: T0 });
        await store.attach(file(old.id, own.sha256));
        await store.attach(file(old.id, shared.sha256));
        await store.attach(file(submitted.id, shared.sha256));

        expect(await store.expireDrafts(at(50), 10)).toEqual([old.id]);
        expect(await store.getApplication(old.id)).toBeNull();
        expect(await store.auditTrail(old.id)).toEqual([]);
        expect(await store.attachments(old.id)).toEqual([]);
        expect(await store.getBlob(own.sha256)).toBeNull();
        expect(await store.getBlob(shared.sha256)).toEqual(shared);
        expect((await store.getApplication(recent.id))?.status).toBe('draft');
        expect((await store.getApplication(submitted.id))?.status).toBe('open');
        expect(await store.expireDrafts(at(50), 10)).toEqual([]);
      });
    });

    describe('notification delivery', () => {
      async function withMessages(n: number) {
        const change = newApplication();
        const messages = Array.from({ length: n }, (_, i) => message(change.next.id, at(i)));
        await store.commit({ ...change, outbox: messages });
        return { applicationId: change.next.id, messages };
      }

      it('leases due messages to one owner at a time, oldest first', async () => {
        const { messages } = await withMessages(3);
        const leased = await store.leaseOutbox(at(1), 'p1', at(2), 10);
        expect(leased.map((m) => [m.id, m.leaseOwner, m.leaseUntil])).toEqual([
          [messages[0]!.id, 'p1', at(2)],
          [messages[1]!.id, 'p1', at(2)],
        ]);
        expect(await store.leaseOutbox(at(1), 'p2', at(2), 10)).toEqual([]);
        // an expired lease goes to the next owner
        expect((await store.leaseOutbox(at(3), 'p2', at(4), 1)).map((m) => [m.id, m.leaseOwner])).toEqual([[messages[0]!.id, 'p2']]);
      });

      it('settles a delivery only under its lease: delivered, retried later, or failed', async () => {
        const { applicationId, messages } = await withMessages(3);
        const [a, b, c] = messages as [OutboxRecord, OutboxRecord, OutboxRecord];
        await store.leaseOutbox(at(5), 'p1', at(6), 10);
        expect(await store.settleOutbox(a.id, 'p2', { status: 'delivered', delivered: ['inbox'], at: at(5) })).toBe(false);
        expect(await store.settleOutbox(a.id, 'p1', { status: 'delivered', delivered: ['inbox'], at: at(5) })).toBe(true);
        expect(await store.settleOutbox(a.id, 'p1', { status: 'delivered', delivered: ['inbox'], at: at(5) })).toBe(false);
        expect(await store.settleOutbox(b.id, 'p1', { status: 'pending', delivered: ['inbox'], at: at(5), nextAttempt: at(30), error: 'webhook answered 503' })).toBe(true);
        expect(await store.settleOutbox(c.id, 'p1', { status: 'failed', delivered: [], at: at(5), error: 'gave up' })).toBe(true);
        const stored = Object.fromEntries((await store.outbox(applicationId)).map((m) => [m.id, m]));
        expect(stored[a.id]).toMatchObject({ status: 'delivered', attempts: 1, delivered: ['inbox'], settledAt: at(5), leaseOwner: null });
        expect(stored[b.id]).toMatchObject({ status: 'pending', attempts: 1, nextAttempt: at(30), lastError: 'webhook answered 503', leaseOwner: null });
        expect(stored[c.id]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'gave up', settledAt: at(5) });
        // the retry is due at its next attempt, not before
        expect(await store.leaseOutbox(at(29), 'p1', at(31), 10)).toEqual([]);
        expect((await store.leaseOutbox(at(30), 'p1', at(31), 10)).map((m) => [m.id, m.delivered])).toEqual([[b.id, ['inbox']]]);
      });

      it('keeps one inbox entry per notification and lists them per target, newest first, in pages', async () => {
        const applicant = { kind: 'applicant' as const, subject: 'citizen-a', region: '110105' };
        const window = { kind: 'clerk' as const, subject: 'window', region: '110105' };
        const entries = [
          inboxEntry('n1', 'a1', at(1), applicant),
          inboxEntry('n2', 'a1', at(2), window),
          inboxEntry('n3', 'a2', at(3), applicant),
          inboxEntry('n4', 'a2', at(3), { ...window, region: '110106' }),
        ];
        await store.addInbox(entries);
        await store.addInbox([{ ...entries[0]!, title: { 'zh-CN': '改了', en: 'changed' } }]);
        const ids = async (q: Parameters<Store['inbox']>[0]) => (await store.inbox(q)).items.map((e) => e.id);
        expect(await ids({ targets: [{ kind: 'applicant', subject: 'citizen-a' }], limit: 10 })).toEqual(['n3', 'n1']);
        expect((await store.inbox({ targets: [{ kind: 'applicant', subject: 'citizen-a' }], limit: 10 })).items[1]?.title.en).toBe('Application completed');
        expect(await ids({ targets: [{ kind: 'clerk', region: '110105' }], limit: 10 })).toEqual(['n2']);
        expect(await ids({ targets: [{ kind: 'clerk' }, { kind: 'applicant', subject: 'citizen-a' }], applicationId: 'a2', limit: 10 })).toEqual(['n4', 'n3']);
        expect(await ids({ targets: [], limit: 10 })).toEqual([]);
        const first = await store.inbox({ targets: [{ kind: 'applicant', subject: 'citizen-a' }, { kind: 'clerk' }], limit: 2 });
        expect(first.items.map((e) => e.id)).toEqual(['n4', 'n3']);
        expect(await ids({ targets: [{ kind: 'applicant', subject: 'citizen-a' }, { kind: 'clerk' }], limit: 2, after: first.next! })).toEqual(['n2', 'n1']);
      });
    });
  });
}
