import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { createApp } from '../src/app.js';
import { ApplicationService } from '../src/applications/service.js';
import { createScheduler } from '../src/scheduler/scheduler.js';
import { verifyAuditChain } from '../src/store/audit.js';
import { memoryLogger, seed, SECRET, STARTER_FORM, testClock } from './helpers.js';
import type { Principal } from '../src/auth/principal.js';

const dir = mkdtempSync(join(tmpdir(), 'onething-scheduler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const applicant: Principal = { sub: 'citizen-a', roles: ['applicant'], region: '310101' };

/** A process's view of the store file: its own connection, app services and scheduler. */
async function node(file: string, clock: () => Date, owner: string) {
  const store = new SqliteStore({ path: file });
  await store.migrate();
  const { services } = createApp({ store, auth: { secret: SECRET }, clock, logger: memoryLogger().logger });
  const applications = new ApplicationService(services);
  const scheduler = createScheduler({ store, clock, logger: services.logger, fire: applications.fireDeadline, owner, intervalMs: 5 });
  return { store, services, applications, scheduler };
}

describe('the deadline scheduler', () => {
  it('fires a deadline that passed while no server ran exactly once, with two schedulers on one store', async () => {
    const file = join(dir, 'two-schedulers.sqlite');
    const clock = testClock('2025-03-03T02:00:00.000Z'); // a Monday
    const first = await node(file, clock, 'first');
    await seed(first.store);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await first.applications.create({ bundle: 'starter', submit: true, ...STARTER_FORM }, { principal: applicant, continuation: undefined }, clock(), {
        scope: 'sub:citizen-a',
        key: `k-${i}`,
        requestHash: `h-${i}`,
      });
      ids.push((created.body as { application: { id: string } }).application.id);
    }
    const [pending] = await first.store.deadlines(ids[0]!);
    expect(pending).toMatchObject({ status: 'pending', event: 'OVERDUE' });
    await first.store.close(); // the server goes down

    clock.set('2025-03-13T02:00:00.000Z'); // ten days later both processes come back
    const a = await node(file, clock, 'a');
    const b = await node(file, clock, 'b');
    const fired = await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
    expect(fired.reduce((x, y) => x + y, 0)).toBe(10);
    expect(await Promise.all([a.scheduler.tick(), b.scheduler.tick()])).toEqual([0, 0]);
    for (const id of ids) {
      const trail = await a.store.auditTrail(id);
      expect(trail.filter((e) => e.event === 'OVERDUE')).toHaveLength(1);
      expect(trail.at(-1)?.actor).toEqual({ sub: 'scheduler', role: 'system' });
      expect(verifyAuditChain(trail)).toBeNull();
      expect((await a.store.deadlines(id)).map((d) => d.status)).toEqual(['fired']);
    }
    const outbox = await a.store.outbox(ids[0]!);
    expect(outbox.map((m) => (m.effect as { template?: string }).template)).toContain('onething.overdue');
    await Promise.all([a.store.close(), b.store.close()]);
  });

  it('does not fire a deadline before it is due, and retries one whose firing failed', async () => {
    const file = join(dir, 'retry.sqlite');
    const clock = testClock('2025-03-03T02:00:00.000Z');
    const n = await node(file, clock, 'n');
    await seed(n.store);
    const created = await n.applications.create({ bundle: 'starter', submit: true, ...STARTER_FORM }, { principal: applicant, continuation: undefined }, clock(), {
      scope: 'sub:citizen-a',
      key: 'k',
      requestHash: 'h',
    });
    const id = (created.body as { application: { id: string } }).application.id;
    expect(await n.scheduler.tick()).toBe(0);
    clock.set('2025-03-13T02:00:00.000Z');
    const realCommit = n.store.commit.bind(n.store);
    let failures = 1;
    n.store.commit = async (change) => {
      if (failures-- > 0) throw new Error('disk full');
      return realCommit(change);
    };
    expect(await n.scheduler.tick()).toBe(0); // failed, lease released
    expect(await n.scheduler.tick()).toBe(1);
    expect((await n.store.auditTrail(id)).filter((e) => e.event === 'OVERDUE')).toHaveLength(1);
    await n.store.close();
  });
});

describe('draft expiry', () => {
  it('deletes a draft not saved for 30 days at the next pass, and keeps one saved since', async () => {
    const file = join(dir, 'drafts.sqlite');
    const clock = testClock('2025-03-03T02:00:00.000Z');
    const { store, applications, scheduler } = await node(file, clock, 'drafts');
    await seed(store);
    const me = { principal: applicant, continuation: undefined };
    const stale = await applications.create({ bundle: 'starter', data: { applicant: { name: '王芳' } } }, me, clock());
    clock.advance(10 * 86_400_000);
    const kept = await applications.create({ bundle: 'starter' }, me, clock());
    const staleId = (stale.body as { application: { id: string } }).application.id;
    const keptId = (kept.body as { application: { id: string } }).application.id;
    clock.advance(21 * 86_400_000); // the first draft was saved 31 days ago, the second 21
    await scheduler.tick();
    expect(await store.getApplication(staleId)).toBeNull();
    expect((await store.getApplication(keptId))?.status).toBe('draft');
    await store.close();
  });
});
