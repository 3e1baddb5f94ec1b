import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { storeContract } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'onething-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('SQLite :memory:', async () => new SqliteStore({ path: ':memory:' }));
storeContract('SQLite file (WAL)', async () => new SqliteStore({ path: join(dir, `store-${n++}.sqlite`) }));
