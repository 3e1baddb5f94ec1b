import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { SqliteConnectionOptions } from './database.js';
import { SqliteWrites, type WriteOp } from './sqlite-writes.js';
import { reviveError, runBatch, type WorkerReply, type WriteOutcome, type WriteRequest } from './batch.js';

interface Pending extends WriteRequest {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * The store's single writer with group commit: writes queue up while a batch is being written,
 * and the next batch takes all of them. Every promise settles after its batch committed.
 */
export abstract class SqliteWriter {
  private queue: Pending[] = [];
  private busy = false;
  private failure: Error | undefined;

  /** Queues a write; resolves with its result once it is committed. */
  run<K extends WriteOp>(op: K, ...args: Parameters<SqliteWrites[K]>): Promise<ReturnType<SqliteWrites[K]>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ op, args, resolve: resolve as (value: unknown) => void, reject });
      if (!this.busy) {
        this.busy = true;
        // Let the writes of this turn of the event loop join the batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Why the writer stopped, if it did (a crashed worker). */
  get stopped(): Error | undefined {
    return this.failure;
  }

  /** Writes what is queued, then stops. */
  async close(): Promise<void> {
    while (this.busy) await new Promise((resolve) => setImmediate(resolve));
    await this.shutdown();
  }

  protected abstract execute(batch: WriteRequest[]): Promise<WriteOutcome[]>;
  protected abstract shutdown(): Promise<void>;

  /** Stops taking writes: queued and later ones fail with `error`. */
  protected fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0);
      let outcomes: WriteOutcome[];
      try {
        outcomes = await this.execute(batch.map(({ op, args }) => ({ op, args })));
      } catch (error) {
        outcomes = batch.map(() => ({ ok: false, error }));
      }
      batch.forEach((pending, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) pending.resolve(outcome.value);
        else pending.reject(outcome ? outcome.error : new Error('the writer lost a write'));
      });
    }
    this.busy = false;
  }
}

/** Writes on the calling thread (`:memory:` databases, which another thread cannot open). */
export class InlineWriter extends SqliteWriter {
  private readonly writes: SqliteWrites;

  constructor(db: Database.Database) {
    super();
    this.writes = new SqliteWrites(db);
  }

  protected execute(batch: WriteRequest[]): Promise<WriteOutcome[]> {
    return Promise.resolve(runBatch(this.writes, batch));
  }

  protected async shutdown(): Promise<void> {
    // the store closes the shared connection
  }
}

/**
 * Writes on a worker thread with its own connection: the disk sync of each commit, the
 * statements and the WAL writes happen off the event loop, which keeps serving requests
 * (and queueing the next batch) meanwhile. One batch is in flight at a time.
 */
export class WorkerWriter extends SqliteWriter {
  private worker: Promise<Worker> | undefined;
  private reply: { resolve(outcomes: WriteOutcome[]): void; reject(error: unknown): void } | undefined;

  constructor(private readonly options: SqliteConnectionOptions) {
    super();
  }

  private start(): Promise<Worker> {
    this.worker ??= workerEntry().then((entry) => {
      const worker = new Worker(entry, { workerData: { options: this.options } });
      worker.unref();
      worker.on('message', (message: WorkerReply) => {
        const reply = this.reply;
        this.reply = undefined;
        worker.unref();
        reply?.resolve(message.outcomes.map((o) => (o.ok ? o : { ok: false, error: reviveError(o.error) })));
      });
      const died = (error: Error) => {
        this.fail(new Error(`the SQLite writer thread stopped: ${error.message}`));
        this.reply?.reject(this.stopped);
        this.reply = undefined;
      };
      worker.on('error', died);
      worker.on('exit', (code) => died(new Error(`exit code ${code}`)));
      return worker;
    });
    return this.worker;
  }

  protected async execute(batch: WriteRequest[]): Promise<WriteOutcome[]> {
    const worker = await this.start();
    if (this.stopped) throw this.stopped;
    try {
      return await this.post(worker, batch);
    } catch (error) {
      if ((error as Error).name !== 'DataCloneError') throw error;
    }
    // A write whose arguments cannot cross threads (a function inside, say) fails alone.
    const outcomes = batch.map((request): WriteOutcome | undefined => {
      try {
        structuredClone(request);
        return undefined;
      } catch (error) {
        return { ok: false, error };
      }
    });
    const written = await this.post(worker, batch.filter((_, i) => !outcomes[i]));
    return outcomes.map((o) => o ?? written.shift()!);
  }

  private post(worker: Worker, batch: WriteRequest[]): Promise<WriteOutcome[]> {
    return new Promise<WriteOutcome[]>((resolve, reject) => {
      worker.postMessage(batch);
      this.reply = { resolve, reject };
      worker.ref();
    });
  }

  protected async shutdown(): Promise<void> {
    if (!this.worker) return;
    const worker = await this.worker;
    this.fail(new Error('the store is closed'));
    await worker.terminate();
  }
}

let bundled: Promise<URL> | undefined;

/**
 * The worker's entry module. From the build: `writer-worker.js` beside this file. From the
 * TypeScript sources (tests run them): bundled once per process by esbuild into a temporary
 * module that imports better-sqlite3 by its absolute path.
 */
function workerEntry(): Promise<URL> {
  if (import.meta.url.endsWith('.js')) return Promise.resolve(new URL('./writer-worker.js', import.meta.url));
  bundled ??= (async () => {
    const { build } = await import('esbuild');
    const nativeEntry = createRequire(import.meta.url).resolve('better-sqlite3');
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./writer-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      plugins: [{ name: 'native', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: nativeEntry, external: true })) }],
    });
    const code = result.outputFiles[0]!.text;
    // Named by its content: processes share one file, and a run leaves no new file behind.
    const outfile = join(tmpdir(), `onething-writer-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(outfile)) {
      const partial = `${outfile}.${process.pid}.tmp`;
      writeFileSync(partial, code);
      renameSync(partial, outfile);
    }
    return pathToFileURL(outfile);
  })();
  return bundled;
}
