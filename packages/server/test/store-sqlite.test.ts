import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { sqliteMigrations } from '../src/store/sqlite/migrations.js';
import { storeContract } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'onething-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('SQLite :memory:', async () => new SqliteStore({ path: ':memory:' }));
storeContract('SQLite file (WAL)', async () => new SqliteStore({ path: join(dir, `store-${n++}.sqlite`) }));

describe('SQLite migrations', () => {
  it('refuses a store whose schema is newer than the server', async () => {
    const store = new SqliteStore({ path: join(dir, 'newer.sqlite') });
    await store.migrate();
    store.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, ?)').run('from the future', new Date().toISOString());
    await expect(store.migrate()).rejects.toThrow('schema version 99, newer than this server knows');
    await store.close();
  });

  it('upgrades a schema-1 store: notifications written before delivery existed are delivered after the upgrade', async () => {
    const file = join(dir, 'schema-1.sqlite');
    const old = new Database(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    sqliteMigrations[0]!.up(old);
    old.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run('initial schema', '2025-01-01T00:00:00.000Z');
    const message = { id: 'm1', applicationId: 'a1', at: '2025-01-01T00:00:00.000Z', effect: { type: 'notify', to: 'applicant', template: 'item-approved', params: {} } };
    old.prepare('INSERT INTO outbox (id, application_id, at, doc) VALUES (?, ?, ?, ?)').run(message.id, message.applicationId, message.at, JSON.stringify(message));
    old.close();

    const store = new SqliteStore({ path: file });
    expect(await store.migrate()).toEqual([2, 3]);
    const [leased] = await store.leaseOutbox('2025-01-02T00:00:00.000Z', 'p1', '2025-01-02T00:01:00.000Z', 10);
    expect(leased).toEqual({ ...message, status: 'pending', attempts: 0, nextAttempt: message.at, delivered: [], lastError: null, settledAt: null, leaseOwner: 'p1', leaseUntil: '2025-01-02T00:01:00.000Z' });
    await store.close();
  });
});
