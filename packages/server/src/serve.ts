import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions, type OnethingApp } from './app.js';
import { ApplicationService } from './applications/service.js';
import { createScheduler, type Scheduler } from './scheduler/scheduler.js';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from './notifications/dispatcher.js';
import { createTransports, type TransportConfig } from './notifications/transports/index.js';
import { storeCurrentFlows } from './catalog/stored-flow.js';

/** Options of `serve`: the app's, plus where to listen and how the scheduler runs. */
export interface ServeOptions extends AppOptions {
  port?: number;
  host?: string;
  /** Deadline scheduler settings; `false` runs no scheduler in this process. */
  scheduler?: { intervalMs?: number; leaseMs?: number; owner?: string; draftDays?: number } | false;
  /**
   * Notification delivery: the transports (default: the in-app inbox alone) and the
   * dispatcher's settings; `false` delivers nothing from this process (another one may).
   */
  notifications?: ({ transports?: TransportConfig[] } & Pick<DispatcherOptions, 'intervalMs' | 'leaseMs' | 'owner' | 'backoff'>) | false;
}

/** A running server. */
export interface RunningServer extends OnethingApp {
  server: Server;
  url: string;
  scheduler: Scheduler | undefined;
  dispatcher: Dispatcher | undefined;
  /** Stops accepting requests, stops the scheduler, waits for both, closes the store. */
  close(): Promise<void>;
}

/**
 * Starts the onething server: the app on `host:port` (default 127.0.0.1:3000), the deadline
 * scheduler (deadlines that passed while the server was down fire at its first pass) and the
 * notification dispatcher.
 * @example
 * const running = await serve({ store: await openStore('sqlite:.onething/data.sqlite'), auth: { secret } });
 * console.log(running.url);
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const built = createApp(options);
  const { transports: transportConfigs = [{ type: 'inbox' }], ...dispatching } = options.notifications || {};
  // Built before listening: a bad transport option fails the start, not the first delivery.
  const transports = options.notifications === false ? [] : createTransports(transportConfigs, { store: built.services.store, logger: built.services.logger });
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
  const dispatcher =
    options.notifications === false
      ? undefined
      : createDispatcher({
          store: services.store,
          catalog: services.catalog,
          clock: services.clock,
          logger: services.logger,
          transports,
          ...dispatching,
        });
  scheduler?.start();
  dispatcher?.start();
  // Flows of applications created before each application stored its own (see docs/operations.md).
  void storeCurrentFlows(services.store, services.catalog, services.logger, services.clock()).catch((error: unknown) =>
    services.logger.warn({ err: error }, 'could not store the current flows'),
  );
  let closing: Promise<void> | undefined;
  return {
    ...built,
    server,
    url: `http://${host}:${address.port}`,
    scheduler,
    dispatcher,
    close() {
      closing ??= (async () => {
        await Promise.all([scheduler?.stop(), dispatcher?.stop()]);
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
