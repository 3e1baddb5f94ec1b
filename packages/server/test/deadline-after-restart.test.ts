import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { call, STARTER, STARTER_FORM, token } from './helpers.js';
import { requireBuild, spawnServer, type ServerProcess } from './process.js';

const dir = mkdtempSync(join(tmpdir(), 'onething-deadline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(requireBuild);

const THIRTY_DAYS = String(30 * 24 * 3600 * 1000);

async function stop(p: ServerProcess) {
  p.child.kill('SIGTERM');
  await p.exited;
}

describe('deadlines survive restarts', () => {
  it('fires a deadline that passed while the server was down exactly once after restart, with two server processes', { timeout: 90_000 }, async () => {
    const file = join(dir, 'deadline.sqlite');
    const store = `sqlite:${file}`;
    const first = await spawnServer(['--store', store, '--definitions', STARTER, '--scheduler-interval', '50']);
    const applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(`${first.url}/api/applications`, { token: applicant, headers: { 'idempotency-key': `deadline-${i}` }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
      expect(r.status).toBe(201);
      ids.push(r.body.application.id);
    }
    first.child.kill('SIGKILL'); // down before any deadline is due
    await first.exited;

    const check = new SqliteStore({ path: file });
    for (const id of ids) expect((await check.deadlines(id)).map((d) => d.status)).toEqual(['pending']);

    // Thirty days later, two processes start on the same store.
    const a = await spawnServer(['--store', store, '--clock-offset', THIRTY_DAYS, '--scheduler-interval', '20']);
    const b = await spawnServer(['--store', store, '--clock-offset', THIRTY_DAYS, '--scheduler-interval', '20']);
    try {
      const deadline = Date.now() + 30_000;
      const firedAll = async () => (await Promise.all(ids.map((id) => check.deadlines(id)))).every((ds) => ds.every((d) => d.status === 'fired'));
      while (!(await firedAll())) {
        if (Date.now() > deadline) throw new Error('deadlines did not fire');
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 500)); // many more passes of both schedulers
      for (const id of ids) {
        const trail = await check.auditTrail(id);
        expect(trail.map((e) => e.event)).toEqual(['START', 'SUBMIT', 'OVERDUE']);
        expect(trail[2]?.actor).toEqual({ sub: 'scheduler', role: 'system' });
      }
      const admin = await token({ sub: 'admin-1', roles: ['admin'], region: '310101' });
      const view = await call(`${b.url}/api/applications/${ids[0]}`, { token: admin });
      expect(view.body.application.deadlines).toEqual([]);
    } finally {
      await Promise.all([stop(a), stop(b)]);
      await check.close();
    }
  });
});
