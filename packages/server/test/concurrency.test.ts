import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { verifyAuditChain } from '../src/store/audit.js';
import { call, seed, startServer, STARTER_FORM, token, type TestServer } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'onething-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let server: TestServer;
afterEach(() => server.close());

/** A server on a real SQLite file, with the starter bundle published. */
async function fileServer(name: string) {
  const store = new SqliteStore({ path: join(dir, `${name}.sqlite`) });
  server = await startServer({ store });
  await seed(store);
  return server;
}

describe('concurrent requests on one application (real HTTP, real SQLite file)', () => {
  it('lets exactly one of 50 concurrent approvals of the same step win; 49 get 409; the revision goes up by one', async () => {
    const { url, services } = await fileServer('approvals');
    const applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
    const created = await call(`${url}/api/applications`, { token: applicant, headers: { 'idempotency-key': 'approve-1' }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    const id = created.body.application.id as string;
    const clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
    const claimed = await call(`${url}/api/applications/${id}/events`, { token: clerk, body: { type: 'CLAIM', revision: 1 } });
    expect(claimed.body.application.revision).toBe(2);

    const clerks = await Promise.all(Array.from({ length: 50 }, (_, i) => token({ sub: `clerk-${i}`, roles: ['clerk'], region: '310101', department: 'licensing-bureau' })));
    const responses = await Promise.all(clerks.map((t) => call(`${url}/api/applications/${id}/events`, { token: t, body: { type: 'ACCEPT', revision: 2 } })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(new Set(responses.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(new Set(['revision-conflict']));

    const stored = await services.store.getApplication(id);
    expect(stored).toMatchObject({ revision: 3, state: 'processing' });
    const trail = await services.store.auditTrail(id);
    expect(trail.map((e) => e.event)).toEqual(['START', 'SUBMIT', 'CLAIM', 'ACCEPT']);
    expect(verifyAuditChain(trail)).toBeNull();
  });

  it('makes one application of one Idempotency-Key submitted 100 times concurrently, with identical responses', async () => {
    const { url, services } = await fileServer('idempotency');
    const applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
    const body = { bundle: 'starter', submit: true, ...STARTER_FORM };
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => call(`${url}/api/applications`, { token: applicant, headers: { 'idempotency-key': 'one-submission-7f3a' }, body })),
    );
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
    const first = JSON.stringify(responses[0]!.body);
    expect(responses.every((r) => JSON.stringify(r.body) === first)).toBe(true);
    expect(responses.filter((r) => r.headers.get('idempotency-replayed') === 'true')).toHaveLength(99);
    const mine = await services.store.listApplications({ owner: 'citizen-a', order: 'updated', limit: 200 });
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.id).toBe(responses[0]!.body.application.id);
    expect(await services.store.auditTrail(mine.items[0]!.id)).toHaveLength(2);
  });

  it('submits a draft once when its submit is sent 100 times concurrently with one key', async () => {
    const { url, services } = await fileServer('draft-submit');
    const applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
    const draft = await call(`${url}/api/applications`, { token: applicant, body: { bundle: 'starter', ...STARTER_FORM } });
    const id = draft.body.application.id as string;
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => call(`${url}/api/applications/${id}/submit`, { token: applicant, headers: { 'idempotency-key': 'submit-draft-1' }, body: {} })),
    );
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect((await services.store.auditTrail(id)).map((e) => e.event)).toEqual(['START', 'SUBMIT']);
  });
});
