import type { Db } from 'mongodb';

/** One versioned change of the MongoDB collections and indexes; applied once, in order. */
export interface MongoMigration {
  version: number;
  name: string;
  up(db: Db): Promise<void>;
}

async function ensureCollection(db: Db, name: string): Promise<void> {
  const exists = await db.listCollections({ name }, { nameOnly: true }).hasNext();
  if (!exists) await db.createCollection(name);
}

/** Every MongoDB migration. Append only: never edit one that shipped. */
export const mongoMigrations: MongoMigration[] = [
  {
    version: 1,
    name: 'initial collections and indexes',
    async up(db) {
      // Collections must exist before a transaction writes to them.
      for (const name of ['definitions', 'applications', 'audit', 'deadlines', 'idempotency', 'blobs', 'attachments', 'ratings', 'portals', 'outbox']) {
        await ensureCollection(db, name);
      }
      await db.collection('definitions').createIndexes([{ key: { kind: 1, id: 1, version: 1 } }, { key: { status: 1 } }]);
      await db.collection('applications').createIndexes([
        { key: { continuation: 1 }, unique: true, partialFilterExpression: { continuation: { $type: 'string' } } },
        { key: { owner: 1, updatedAt: -1, _id: -1 } },
        { key: { departments: 1, region: 1, status: 1, sortDeadline: 1, _id: 1 } },
        { key: { region: 1, status: 1, sortDeadline: 1, _id: 1 } },
        { key: { status: 1, sortDeadline: 1, _id: 1 } },
      ]);
      await db.collection('audit').createIndexes([{ key: { applicationId: 1, seq: 1 }, unique: true }]);
      await db.collection('deadlines').createIndexes([{ key: { status: 1, due: 1 } }, { key: { applicationId: 1, status: 1, key: 1 } }]);
      await db.collection('attachments').createIndexes([{ key: { applicationId: 1, materialId: 1, sha256: 1 } }]);
      await db.collection('outbox').createIndexes([{ key: { applicationId: 1, at: 1 } }]);
    },
  },
  {
    version: 2,
    name: 'notification delivery (outbox leases, the in-app inbox) and draft expiry',
    async up(db) {
      await ensureCollection(db, 'inbox');
      // Messages written before delivery existed are due now.
      await db.collection('outbox').updateMany({ status: { $exists: false } }, [{ $set: { status: 'pending', nextAttempt: '$at', leaseOwner: null, leaseUntil: null } }]);
      await db.collection('outbox').createIndexes([{ key: { status: 1, nextAttempt: 1, _id: 1 } }]);
      await db.collection('inbox').createIndexes([
        { key: { kind: 1, subject: 1, region: 1, at: -1, _id: -1 } },
        { key: { applicationId: 1, at: -1, _id: -1 } },
      ]);
      await db.collection('applications').createIndexes([{ key: { status: 1, updatedAt: 1 } }]);
      await db.collection('attachments').createIndexes([{ key: { sha256: 1 } }]);
    },
  },
  {
    version: 3,
    name: 'application flows by hash (applications run on the flow they started with)',
    async up(db) {
      // _id is the flow's hash; written inside application transactions, so it must exist first.
      await ensureCollection(db, 'flows');
    },
  },
];
