// A real onething server for the SDK's tests: the Express app on 127.0.0.1 (random port) over an
// in-memory SQLite store with the example definitions published. `stop()` / `restart()` take the
// HTTP listener down and up on the same port while the store stays, as a network outage would.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from '../../server/src/app.js';
import { SqliteStore } from '../../server/src/store/sqlite/sqlite-store.js';
import { EXAMPLES, memoryLogger, seed, SECRET, token } from '../../server/test/helpers.js';

export { SECRET, token };

export interface SdkTestServer {
  url: string;
  port: number;
  store: SqliteStore;
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
  await seed(store, EXAMPLES);
  const { app } = createApp({ auth: { secret: SECRET }, logger: memoryLogger().logger, rateLimits: false, ...options, store });
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
