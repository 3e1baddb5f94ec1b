import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { canonicalHash } from '../src/util/hash.js';
import { storeCurrentFlows } from '../src/catalog/stored-flow.js';
import { call, seed, startServer, STARTER_FORM, token, type TestServer } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'onething-flows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tokens: Record<'applicant' | 'clerk' | 'reviewer', string> = { applicant: '', clerk: '', reviewer: '' };
beforeAll(async () => {
  tokens.applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
  tokens.clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
  tokens.reviewer = await token({ sub: 'rev-1', roles: ['reviewer:licensing-bureau'], region: '310101' });
});

/** A server on the file, as a restarted process would be: a new store, a new catalog. */
async function restart(file: string): Promise<TestServer> {
  await server?.close();
  server = await startServer({ store: new SqliteStore({ path: file }) });
  return server;
}

async function event(id: string, who: keyof typeof tokens, body: Record<string, unknown>) {
  const current = await call(`${server!.url}/api/applications/${id}`, { token: tokens[who] });
  return call(`${server!.url}/api/applications/${id}/events`, { token: tokens[who], body: { revision: current.body.application.revision, ...body } });
}

async function submitted(key: string): Promise<{ id: string; hash: string }> {
  const r = await call(`${server!.url}/api/applications`, { token: tokens.applicant, headers: { 'idempotency-key': key }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
  expect(r.status).toBe(201);
  return { id: r.body.application.id, hash: r.body.application.bundle.hash };
}

async function allowed(id: string): Promise<string[]> {
  const view = await call(`${server!.url}/api/applications/${id}`, { token: tokens.reviewer });
  return view.body.application.allowedEvents.map((e: { type: string; item?: string }) => `${e.item ?? ''}/${e.type}`);
}

/**
 * What an engine upgrade that generates another orchestration does to the flow of a bundle
 * version, done the only way a test can: the published permit item is patched in place (same
 * version) so that its chart's APPROVE becomes GRANT, and every flow generated from now on differs.
 */
function patchPermitChart(file: string): void {
  const db = new Database(file);
  const row = db.prepare("SELECT doc FROM definitions WHERE kind = 'item' AND id = 'permit' AND version = '1.0.0'").get() as { doc: string };
  const record = JSON.parse(row.doc);
  const review = record.body.flow.states.review;
  review.on.GRANT = review.on.APPROVE;
  delete review.on.APPROVE;
  record.hash = canonicalHash(record.body);
  db.prepare("UPDATE definitions SET doc = ?, hash = ? WHERE kind = 'item' AND id = 'permit' AND version = '1.0.0'").run(JSON.stringify(record), record.hash);
  db.close();
}

describe('applications run on the flow they started with', () => {
  it('keeps stepping an application on its stored flow after the generated flow changed and the server restarted, while a new application gets the new flow', async () => {
    const file = join(dir, 'upgrade.sqlite');
    await restart(file);
    await seed(server!.services.store);
    const old = await submitted('flow-old-1');
    expect((await event(old.id, 'clerk', { type: 'CLAIM' })).status).toBe(200);
    expect((await event(old.id, 'clerk', { type: 'ACCEPT' })).status).toBe(200);
    expect(await allowed(old.id)).toContain('permit/APPROVE');

    patchPermitChart(file);
    await restart(file);

    // The old application still runs on its own flow: APPROVE, not GRANT.
    expect(await allowed(old.id)).toContain('permit/APPROVE');
    expect(await allowed(old.id)).not.toContain('permit/GRANT');
    const approved = await event(old.id, 'reviewer', { type: 'APPROVE', item: 'permit' });
    expect(approved.status).toBe(200);
    expect(approved.body.application).toMatchObject({ status: 'closed', bundle: { hash: old.hash } });

    // A new application gets the flow generated now.
    const fresh = await submitted('flow-new-1');
    expect(fresh.hash).not.toBe(old.hash);
    expect((await event(fresh.id, 'clerk', { type: 'CLAIM' })).status).toBe(200);
    expect((await event(fresh.id, 'clerk', { type: 'ACCEPT' })).status).toBe(200);
    expect(await allowed(fresh.id)).toContain('permit/GRANT');
    expect((await event(fresh.id, 'reviewer', { type: 'APPROVE', item: 'permit' })).body.code).toBe('event-not-accepted');
    expect((await event(fresh.id, 'reviewer', { type: 'GRANT', item: 'permit' })).status).toBe(200);

    const store = server!.services.store;
    expect(await store.getFlow(old.hash)).toMatchObject({ format: 'onething.flow/1', definition: { id: 'starter', version: '1.0.0', hash: old.hash } });
    expect(await store.getFlow(fresh.hash)).toMatchObject({ definition: { hash: fresh.hash } });
  });

  it('would strand the application without its stored flow (the engine refuses a snapshot of another flow)', async () => {
    const file = join(dir, 'stranded.sqlite');
    await restart(file);
    await seed(server!.services.store);
    const old = await submitted('flow-old-2');
    await server!.close();
    server = undefined;
    patchPermitChart(file);
    const db = new Database(file);
    db.prepare('DELETE FROM flows WHERE hash = ?').run(old.hash);
    db.close();

    await restart(file);
    const claimed = await event(old.id, 'clerk', { type: 'CLAIM' });
    expect(claimed).toMatchObject({ status: 409, body: { code: 'version-mismatch' } });
  });

  it('stores at start the flows the engine generates now, so an application made before flows were stored keeps its own', async () => {
    const file = join(dir, 'backfill.sqlite');
    await restart(file);
    await seed(server!.services.store);
    const old = await submitted('flow-old-3');
    await server!.close();
    server = undefined;
    const db = new Database(file);
    db.prepare('DELETE FROM flows').run(); // as a store written by a server before this one
    db.close();

    await restart(file);
    const { store, catalog, logger } = server!.services;
    expect(await storeCurrentFlows(store, catalog, logger, new Date())).toBe(1);
    expect(await store.getFlow(old.hash)).not.toBeNull();
    patchPermitChart(file);
    await restart(file);
    expect((await event(old.id, 'clerk', { type: 'CLAIM' })).status).toBe(200);
  });
});
