import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** How a SQLite connection is opened; the same for the reading connection and the writer's. */
export interface SqliteConnectionOptions {
  /** A file path, or `:memory:`. Parent directories are created. */
  path: string;
  /**
   * `full` (default): a commit is on disk before it is acknowledged, even across a power cut.
   * `normal`: survives a crash of the process (SIGKILL) but may lose the last commits on power loss.
   */
  synchronous?: 'full' | 'normal';
  /** How long a writer waits for another process's lock before failing. Default 5 s. */
  busyTimeoutMs?: number;
}

/**
 * Opens a connection in WAL mode with the durability and lock wait asked for.
 * @example const db = openDatabase({ path: '.onething/data.sqlite', synchronous: 'full' })
 */
export function openDatabase(options: SqliteConnectionOptions): Database.Database {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  return db;
}

/** Prepared statements cached by their SQL text (preparing costs more than running). */
export class Statements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  /** The prepared statement for `source`. @example this.sql('SELECT doc FROM portals').all() */
  sql(source: string): Database.Statement {
    let statement = this.cache.get(source);
    if (!statement) this.cache.set(source, (statement = this.db.prepare(source)));
    return statement;
  }
}

type Row = Record<string, unknown>;

/** The record a row's `doc` column holds, or null. */
export const parseDoc = <T>(row: unknown): T | null => (row ? (JSON.parse((row as Row)['doc'] as string) as T) : null);

/** The records of rows' `doc` columns. */
export const parseDocs = <T>(rows: unknown[]): T[] => rows.map((r) => JSON.parse((r as Row)['doc'] as string) as T);
