import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databaseOf, MongoStore } from '../src/store/mongodb/mongo-store.js';
import { storeContract } from './store-contract.js';

const uri = process.env['MONGODB_URI'];
const SKIP =
  'MongoDB store contract suite skipped: MONGODB_URI is not set (needs a single-node replica set, e.g. ' +
  '`mongod --replSet rs0 --dbpath /tmp/rs0 --port 27017` then `mongosh --eval "rs.initiate()"` and ' +
  'MONGODB_URI=mongodb://127.0.0.1:27017/?replicaSet=rs0)';

describe('MongoDB connection strings', () => {
  it('name the database by their path, with several hosts and options', () => {
    expect(databaseOf('mongodb://h1:27017,h2:27017/onething_prod?replicaSet=rs0')).toBe('onething_prod');
    expect(databaseOf('mongodb+srv://user:p%40ss@cluster.example/ot')).toBe('ot');
    expect(databaseOf('mongodb://127.0.0.1:27017/?replicaSet=rs0')).toBe('');
    expect(databaseOf('mongodb://127.0.0.1:27017')).toBe('');
  });
});

if (uri) {
  // Every test gets its own database, dropped afterwards.
  storeContract(
    'MongoDB (replica set)',
    async () => MongoStore.connect(uri, { dbName: `onething_contract_${randomUUID().slice(0, 8)}` }),
    async (store) => {
      await (store as MongoStore).db.dropDatabase();
    },
  );
} else {
  process.stdout.write(`${SKIP}\n`);
  describe.skip(SKIP, () => {
    it('runs the store contract against MongoDB', () => undefined);
  });
}
