import type { Database } from 'better-sqlite3';

/** One versioned change of the SQLite schema; applied once, in order, each in a transaction. */
export interface SqliteMigration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Every SQLite migration. Append only: never edit one that shipped. */
export const sqliteMigrations: SqliteMigration[] = [
  {
    version: 1,
    name: 'initial schema',
    up(db) {
      db.exec(`
        CREATE TABLE definitions (
          kind TEXT NOT NULL, id TEXT NOT NULL, version TEXT NOT NULL,
          status TEXT NOT NULL, revision INTEGER NOT NULL, hash TEXT NOT NULL, doc TEXT NOT NULL,
          PRIMARY KEY (kind, id, version)
        ) STRICT;
        CREATE TABLE applications (
          id TEXT PRIMARY KEY, revision INTEGER NOT NULL, owner TEXT, region TEXT NOT NULL,
          state TEXT NOT NULL, status TEXT NOT NULL, continuation TEXT UNIQUE,
          next_deadline TEXT, updated_at TEXT NOT NULL, doc TEXT NOT NULL
        ) STRICT;
        CREATE INDEX applications_owner ON applications (owner, updated_at DESC, id DESC);
        CREATE INDEX applications_region ON applications (region, state);
        CREATE TABLE application_departments (
          department TEXT NOT NULL, application_id TEXT NOT NULL REFERENCES applications (id),
          PRIMARY KEY (department, application_id)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE audit (
          application_id TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL, doc TEXT NOT NULL,
          PRIMARY KEY (application_id, seq)
        ) STRICT;
        CREATE TABLE deadlines (
          id TEXT PRIMARY KEY, application_id TEXT NOT NULL, key TEXT NOT NULL, due TEXT NOT NULL,
          status TEXT NOT NULL, lease_owner TEXT, lease_until TEXT, fired_at TEXT, doc TEXT NOT NULL
        ) STRICT;
        CREATE INDEX deadlines_due ON deadlines (status, due);
        CREATE INDEX deadlines_application ON deadlines (application_id, status);
        CREATE TABLE idempotency (
          scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, response TEXT NOT NULL,
          application_id TEXT, created_at TEXT NOT NULL,
          PRIMARY KEY (scope, key)
        ) STRICT;
        CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, type TEXT NOT NULL, bytes BLOB NOT NULL) STRICT;
        CREATE TABLE attachments (
          application_id TEXT NOT NULL, material_id TEXT NOT NULL, sha256 TEXT NOT NULL, doc TEXT NOT NULL,
          PRIMARY KEY (application_id, material_id, sha256)
        ) STRICT;
        CREATE TABLE ratings (application_id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
        CREATE TABLE portals (origin TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
        CREATE TABLE outbox (id TEXT PRIMARY KEY, application_id TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL) STRICT;
        CREATE INDEX outbox_application ON outbox (application_id, at);
      `);
    },
  },
  {
    version: 2,
    name: 'notification delivery (outbox leases, the in-app inbox) and draft expiry',
    up(db) {
      db.exec(`
        ALTER TABLE outbox ADD COLUMN status TEXT NOT NULL DEFAULT 'pending';
        ALTER TABLE outbox ADD COLUMN next_attempt TEXT;
        ALTER TABLE outbox ADD COLUMN lease_until TEXT;
        UPDATE outbox SET next_attempt = at;
        CREATE INDEX outbox_due ON outbox (status, next_attempt);
        CREATE TABLE inbox (
          id TEXT PRIMARY KEY, application_id TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL,
          region TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL
        ) STRICT;
        CREATE INDEX inbox_target ON inbox (kind, subject, region, at DESC, id DESC);
        CREATE INDEX inbox_application ON inbox (application_id, at DESC, id DESC);
        CREATE INDEX applications_status_updated ON applications (status, updated_at);
      `);
    },
  },
  {
    version: 3,
    name: 'application flows by hash (applications run on the flow they started with)',
    up(db) {
      db.exec('CREATE TABLE flows (hash TEXT PRIMARY KEY, doc TEXT NOT NULL, created_at TEXT NOT NULL) STRICT');
    },
  },
];
