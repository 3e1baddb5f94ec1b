import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { createApp, type AppOptions, type OnethingApp } from '../src/app.js';
import { createLogger } from '../src/logging.js';
import { mintToken, type TokenClaims } from '../src/auth/tokens.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';

export const SECRET = 'test-secret-test-secret-test-secret!';

/** A logger whose lines tests can read. */
export function memoryLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

export interface TestServer extends OnethingApp {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts an app on 127.0.0.1 on a random port (a fresh in-memory SQLite store unless given). */
export async function startServer(options: Partial<AppOptions> = {}): Promise<TestServer> {
  const store = options.store ?? new SqliteStore({ path: ':memory:' });
  await store.migrate();
  const built = createApp({ auth: { secret: SECRET }, logger: memoryLogger().logger, ...options, store });
  const server = await new Promise<Server>((resolve) => {
    const s = built.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...built,
    url: `http://127.0.0.1:${port}`,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/** An HS256 token for the test secret. */
export function token(claims: Partial<TokenClaims> & Pick<TokenClaims, 'sub'>): Promise<string> {
  return mintToken({ roles: ['applicant'], region: '110105', ...claims }, { secret: SECRET });
}

/** fetch with JSON in and out. */
export async function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  }
  const response = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
