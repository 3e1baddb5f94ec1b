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
