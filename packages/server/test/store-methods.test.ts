import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { MongoStore } from '../src/store/mongodb/mongo-store.js';

const methods = (type: { prototype: object }) =>
  Object.getOwnPropertyNames(type.prototype).filter((name) => name !== 'constructor' && typeof (type.prototype as Record<string, unknown>)[name] === 'function');

describe('the store contract suite', () => {
  const suite = readFileSync(new URL('./store-contract.ts', import.meta.url), 'utf8');

  it('calls every method of the store port, so each adapter is checked whole', () => {
    const sqlite = methods(SqliteStore).filter((m) => !['sql'].includes(m));
    const uncalled = sqlite.filter((m) => !suite.includes(`store.${m}(`));
    expect(uncalled).toEqual([]);
  });

  it('knows the MongoDB adapter has the same public methods as the SQLite one', () => {
    const mongo = new Set(methods(MongoStore));
    expect(methods(SqliteStore).filter((m) => m !== 'sql' && !mongo.has(m))).toEqual([]);
  });
});
