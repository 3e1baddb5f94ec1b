import { StoreError, type StoreErrorCode } from '../errors.js';
import type Database from 'better-sqlite3';
import type { SqliteWrites, WriteOp } from './sqlite-writes.js';

/** One write the writer runs: a `SqliteWrites` method by name, and its arguments. */
export interface WriteRequest {
  op: WriteOp;
  args: unknown[];
}

/** How one write of a batch ended. */
export type WriteOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** An error as it crosses from the writer thread. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

/**
 * Runs a batch of writes in ONE `BEGIN IMMEDIATE` transaction, each in its own savepoint: a
 * failing write rolls back alone and fails alone; the others commit together (one disk sync).
 * When the transaction itself fails (the lock is not free within the busy timeout, the disk
 * is full) every write of the batch fails with that error and nothing is written.
 * @example runBatch(writes, [{ op: 'savePortal', args: [portal] }])
 */
export function runBatch(writes: SqliteWrites, batch: readonly WriteRequest[]): WriteOutcome[] {
  const { transaction, savepoint } = transactionsOf(writes);
  const outcomes: WriteOutcome[] = [];
  try {
    transaction.immediate(() => {
      for (const request of batch) {
        try {
          outcomes.push({ ok: true, value: savepoint(request) });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
    });
  } catch (error) {
    return batch.map(() => ({ ok: false, error }));
  }
  return outcomes;
}

interface Transactions {
  /** Runs a function in a transaction (`.immediate` for `BEGIN IMMEDIATE`). */
  transaction: Database.Transaction<(body: () => void) => void>;
  /** Runs one write; inside a transaction, in a savepoint of its own. */
  savepoint: (request: WriteRequest) => unknown;
}

const transactionsByWrites = new WeakMap<SqliteWrites, Transactions>();

/**
 * The transaction functions of a connection, made once: better-sqlite3's `db.transaction()`
 * builds four wrapped functions each time it is called (about 6 µs), once per write before.
 */
function transactionsOf(writes: SqliteWrites): Transactions {
  let found = transactionsByWrites.get(writes);
  if (!found) {
    found = {
      transaction: writes.db.transaction((body: () => void) => body()),
      savepoint: writes.db.transaction((request: WriteRequest) => (writes[request.op] as (...args: unknown[]) => unknown).apply(writes, request.args)),
    };
    transactionsByWrites.set(writes, found);
  }
  return found;
}

/** An error as plain data (for `postMessage`). */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/** The error a serialized one stands for: a `StoreError` stays one (callers switch on its code). */
export function reviveError(error: SerializedError): Error {
  if (error.name === 'StoreError' && error.code) return new StoreError(error.code as StoreErrorCode, error.message);
  const revived = new Error(error.message);
  revived.name = error.name;
  if (error.code) Object.assign(revived, { code: error.code });
  return revived;
}

/** The message the worker answers a batch with. */
export interface WorkerReply {
  outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: SerializedError }>;
}
