import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { verifyAuditChain } from '../src/store/audit.js';
import { call, STARTER, STARTER_FORM, token } from './helpers.js';
import { requireBuild, spawnServer } from './process.js';

const dir = mkdtempSync(join(tmpdir(), 'onething-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(requireBuild);

describe('durability: the server process is killed with SIGKILL during a stream of submissions', () => {
  // FULL is the default; NORMAL (WAL) is documented as safe against a process crash too.
  it.each(['full', 'normal'])('keeps every acknowledged submission, intact, after a restart (synchronous=%s)', { timeout: 90_000 }, async (synchronous) => {
    const file = join(dir, `crash-${synchronous}.sqlite`);
    const args = ['--store', `sqlite:${file}?synchronous=${synchronous}`, '--definitions', STARTER, '--no-scheduler'];
    const first = await spawnServer(args);
    const applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });

    const acknowledged = new Map<string, { id: string; revision: number; reason: string }>();
    let sent = 0;
    let killed = false;
    // Eight clients submit continuously; each application carries its own reason to check later.
    const client = async (n: number) => {
      for (let i = 0; !killed; i++) {
        const key = `crash-${n}-${i}`;
        const reason = `申请 ${n}-${i}：开一家面馆`;
        sent++;
        try {
          const r = await call(`${first.url}/api/applications`, {
            token: applicant,
            headers: { 'idempotency-key': key },
            body: { bundle: 'starter', submit: true, ...STARTER_FORM, data: { ...STARTER_FORM.data, permit: { reason } } },
          });
          if (r.status === 201) acknowledged.set(key, { id: r.body.application.id, revision: r.body.application.revision, reason });
        } catch {
          return; // connection reset by the kill
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    while (acknowledged.size < 150) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    killed = true;
    await first.exited;
    await Promise.all(clients);
    expect(acknowledged.size).toBeGreaterThanOrEqual(150);

    // Restart on the same file: every acknowledged submission is there, as acknowledged.
    const second = await spawnServer(args);
    try {
      for (const [key, ack] of acknowledged) {
        const r = await call(`${second.url}/api/applications/${ack.id}`, { token: applicant });
        expect(r.status, key).toBe(200);
        expect(r.body.application).toMatchObject({ id: ack.id, revision: ack.revision, status: 'open', state: 'reception', data: { permit: { reason: ack.reason } } });
      }
      // A retry of an acknowledged request after the crash replays it instead of applying twice.
      const [someKey, some] = [...acknowledged][0]!;
      const [n, i] = someKey.split('-').slice(1);
      const retry = await call(`${second.url}/api/applications`, {
        token: applicant,
        headers: { 'idempotency-key': someKey },
        body: { bundle: 'starter', submit: true, ...STARTER_FORM, data: { ...STARTER_FORM.data, permit: { reason: `申请 ${n}-${i}：开一家面馆` } } },
      });
      expect(retry.body.application.id).toBe(some.id);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }

    // Nothing half-written: every stored application's audit chain is whole and ends at its head.
    const store = new SqliteStore({ path: file });
    const page = await store.listApplications({ owner: 'citizen-a', order: 'updated', limit: 200 });
    let all = page.items;
    for (let next = page.next; next; ) {
      const more = await store.listApplications({ owner: 'citizen-a', order: 'updated', limit: 200, after: next });
      all = all.concat(more.items);
      next = more.next;
    }
    expect(all.length).toBeGreaterThanOrEqual(acknowledged.size);
    expect(all.length).toBeLessThanOrEqual(sent);
    for (const app of all) {
      const trail = await store.auditTrail(app.id);
      expect(verifyAuditChain(trail)).toBeNull();
      expect(trail.at(-1)?.hash).toBe(app.auditHead?.hash);
      expect(trail.map((e) => e.event)).toEqual(['START', 'SUBMIT']);
    }
    await store.close();
  });
});
