import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions, type OnethingApp } from './app.js';
import { ApplicationService } from './applications/service.js';
import { createScheduler, type Scheduler } from './scheduler/scheduler.js';

/** Options of `serve`: the app's, plus where to listen and how the scheduler runs. */
export interface ServeOptions extends AppOptions {
  port?: number;
  host?: string;
  /** Deadline scheduler settings; `false` runs no scheduler in this process. */
  scheduler?: { intervalMs?: number; leaseMs?: number; owner?: string } | false;
}

/** A running server. */
export interface RunningServer extends OnethingApp {
  server: Server;
  url: string;
  scheduler: Scheduler | undefined;
  /** Stops accepting requests, stops the scheduler, waits for both, closes the store. */
  close(): Promise<void>;
}

/**
 * Starts the onething server: the app on `host:port` (default 127.0.0.1:3000) and the
 * deadline scheduler (deadlines that passed while the server was down fire at its first pass).
 * @example
 * const running = await serve({ store: await openStore('sqlite:.onething/data.sqlite'), auth: { secret } });
 * console.log(running.url);
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const built = createApp(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = built.app.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  server.keepAliveTimeout = 5_000;
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const services = built.services;
  const scheduler =
    options.scheduler === false
      ? undefined
      : createScheduler({
          store: services.store,
          clock: services.clock,
          logger: services.logger,
          fire: new ApplicationService(services).fireDeadline,
          ...options.scheduler,
        });
  scheduler?.start();
  let closing: Promise<void> | undefined;
  return {
    ...built,
    server,
    url: `http://${host}:${address.port}`,
    scheduler,
    close() {
      closing ??= (async () => {
        await scheduler?.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await services.store.close();
        services.logger.flush();
      })();
      return closing;
    },
  };
}
