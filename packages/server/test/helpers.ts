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

import { fileURLToPath } from 'node:url';
import { readDefinitionDir } from '../src/cli/definitions-dir.js';
import { importDefinitions } from '../src/catalog/definitions.js';
import type { Store } from '../src/store/port.js';

export const STARTER = fileURLToPath(new URL('./fixtures/starter/', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../../examples/definitions/', import.meta.url));

/** Publishes every definition under a directory into a store; fails on any diagnostic error. */
export async function seed(store: Store, dir = STARTER): Promise<void> {
  const report = await importDefinitions(store, await readDefinitionDir(dir, '/'), 'test', new Date('2025-03-03T00:00:00Z'));
  if (report.diagnostics.length) throw new Error(`seed failed: ${JSON.stringify(report.diagnostics.slice(0, 3))}`);
}

/** A valid answer set for the starter bundle (permit only). */
export const STARTER_FORM = {
  answers: { wantsRegistration: false },
  data: { applicant: { name: '王芳', idNumber: '11010519491231002X' }, permit: { reason: '开一家面馆' } },
  materials: { 'id-card': { eLicense: { type: 'resident-id-card', number: '11010519491231002X' } } },
};

/** Minimal bytes that sniff as a PDF. */
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A settable clock. */
export function testClock(start = '2025-03-03T02:00:00.000Z') {
  let now = Date.parse(start);
  const clock = () => new Date(now);
  return Object.assign(clock, { set: (iso: string) => void (now = Date.parse(iso)), advance: (ms: number) => void (now += ms) });
}
