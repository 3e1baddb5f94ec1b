/**
 * The SQLite writer thread: opens its own connection and runs each batch of writes it is sent
 * in one transaction (see `runBatch`), answering with every write's outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type SqliteConnectionOptions } from './database.js';
import { SqliteWrites } from './sqlite-writes.js';
import { runBatch, serializeError, type WorkerReply, type WriteRequest } from './batch.js';

const port = parentPort;
if (!port) throw new Error('writer-worker runs as a worker thread');
const writes = new SqliteWrites(openDatabase((workerData as { options: SqliteConnectionOptions }).options));
port.on('message', (batch: WriteRequest[]) => {
  const reply: WorkerReply = {
    outcomes: runBatch(writes, batch).map((o) => (o.ok ? o : { ok: false, error: serializeError(o.error) })),
  };
  port.postMessage(reply);
});
