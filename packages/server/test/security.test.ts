import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, startServer, token, type TestServer } from './helpers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('security headers and CORS', () => {
  it('sends a strict CSP and no framework banner', async () => {
    server = await startServer();
    const { headers } = await call(`${server.url}/healthz`);
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('never asks browsers to upgrade requests to https (a plain-http deployment on a LAN address must load its scripts)', async () => {
    // given a server on plain http serving the API and the designer's page (its own policy)
    const dir = mkdtempSync(join(tmpdir(), 'ot-csp-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>designer</title>');
    try {
      server = await startServer({ assets: { designer: dir } });
      // when a page and an API response are read, then neither policy names upgrade-insecure-requests
      const api = (await call(`${server.url}/healthz`)).headers.get('content-security-policy');
      expect(api).toMatchInlineSnapshot(
        `"default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'"`,
      );
      const designer = (await fetch(`${server.url}/designer/`)).headers.get('content-security-policy');
      expect(designer).toContain("'unsafe-eval'");
      expect(designer).not.toContain('upgrade-insecure-requests');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('admits a registered portal origin and no other', async () => {
    server = await startServer({ corsOrigins: ['http://configured.example'] });
    const preflight = (origin: string) =>
      fetch(`${server!.url}/api/admin/portals`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,idempotency-key' },
      });
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('http://configured.example')).headers.get('access-control-allow-origin')).toBe('http://configured.example');

    const admin = await token({ sub: 'admin-1', roles: ['admin'] });
    const registered = await call(`${server.url}/api/admin/portals`, { token: admin, body: { origin: 'https://portal.example.gov.cn', name: '市民门户' } });
    expect(registered.status).toBe(201);
    const allowed = await preflight('https://portal.example.gov.cn');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.gov.cn');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');

    expect((await call(`${server.url}/api/admin/portals/${encodeURIComponent('https://portal.example.gov.cn')}`, { method: 'DELETE', token: admin })).status).toBe(204);
    expect((await preflight('https://portal.example.gov.cn')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a portal origin with a path', async () => {
    server = await startServer();
    const admin = await token({ sub: 'admin-1', roles: ['admin'] });
    const response = await call(`${server.url}/api/admin/portals`, { token: admin, body: { origin: 'https://portal.example/path', name: 'x' } });
    expect(response).toMatchObject({ status: 400, body: { code: 'invalid-request', pointer: '/origin' } });
  });
});
