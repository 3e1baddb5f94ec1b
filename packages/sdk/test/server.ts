// A real onething server for the SDK's tests, through the server's public API: the Express app on
// 127.0.0.1 (random port) over an in-memory SQLite store with the example definitions published.
// `stop()` / `restart()` take the HTTP listener down and up on the same port while the store stays,
// as a network outage would. Every log line is kept (`logs()`), so tests can check what is logged.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp, createLogger, importDefinitions, mintToken, SqliteStore, type AppOptions, type TokenClaims } from '@onething/server';
import { exampleFiles } from '../../../examples/testing/examples.js';

export const SECRET = 'sdk-test-secret-sdk-test-secret-0123456789';

/**
 * An HS256 applicant token for the test server (region 110105 unless given).
 * @example const bearer = await token({ sub: 'citizen-1', region: '420703' })
 */
export function token(claims: Partial<TokenClaims> & Pick<TokenClaims, 'sub'>): Promise<string> {
  return mintToken({ roles: ['applicant'], region: '110105', ...claims }, { secret: SECRET });
}

export interface SdkTestServer {
  url: string;
  port: number;
  store: SqliteStore;
  /** Every line the server logged so far. */
  logs(): string[];
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the server with the example definitions.
 * @example const server = await startServer({ assets: { sdk: 'packages/sdk/dist/browser' } })
 */
export async function startServer(options: Partial<AppOptions> = {}): Promise<SdkTestServer> {
  const store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  const report = await importDefinitions(store, exampleFiles(), 'seed', new Date('2025-03-03T00:00:00Z'));
  if (report.diagnostics.length) throw new Error(`seeding failed: ${JSON.stringify(report.diagnostics.slice(0, 3))}`);
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  const { app } = createApp({ auth: { secret: SECRET }, logger, rateLimits: false, ...options, store });
  let server: Server | undefined;
  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const s = app.listen(port, '127.0.0.1', () => resolve(s));
      s.once('error', reject);
    });
  const stop = async () => {
    if (!server) return;
    const s = server;
    server = undefined;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  server = await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    logs: () => [...lines],
    stop,
    async restart() {
      server ??= await listen(port);
    },
    async close() {
      await stop();
      await store.close();
    },
  };
}
