import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
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
});
