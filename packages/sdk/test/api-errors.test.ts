import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/api/client.js';
import { subjectOf } from '../src/drafts/keys.js';
import { startServer, token, type SdkTestServer } from './server.js';

let server: SdkTestServer;
let gateway: Server;
let gatewayUrl: string;
beforeAll(async () => {
  server = await startServer();
  // a reverse proxy whose upstream is down answers 502 with an HTML page, not the API's JSON
  gateway = createServer((req, res) => {
    if (req.url?.startsWith('/slow')) return void setTimeout(() => res.end('{}'), 2_000);
    res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server?.close();
  gateway?.closeAllConnections();
  await new Promise((r) => gateway?.close(r));
});

describe('API errors are data', () => {
  it('keeps the server’s code, status, message (in the request’s language) and pointer', async () => {
    const api = createApiClient({ server: server.url, locale: 'en' });
    await expect(api.composed('no-such-bundle')).rejects.toMatchObject({ name: 'ServiceError', code: 'not-found', status: 404, message: 'Not found', offline: false });
    api.setLocale('zh-CN');
    await expect(api.composed('no-such-bundle')).rejects.toMatchObject({ code: 'not-found', message: '未找到' });
  });

  it('lists every validation error of a refused submission', async () => {
    const api = createApiClient({ server: server.url, token: await token({ sub: 'errors-1', region: '420703' }), locale: 'en' });
    const { application } = await api.createDraft('newborn-birth', '1.0.0', 'errors-create-1');
    const refused = await api.submit(application.id, { answers: { bornInHubeiInstitution: false, settleInHubei: false, wantsSocialSecurityCard: false } }, 'errors-submit-1', {}).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'submission-invalid', status: 422 });
    expect((refused as { errors: Array<{ instancePath: string }> }).errors.map((e) => e.instancePath)).toContain('/data/child');
  });

  it('calls a request without an answer `network` (server down, refused) or `timeout`, and a gateway’s 502 `network` too', async () => {
    await expect(createApiClient({ server: 'http://127.0.0.1:9' }).composed('newborn-birth')).rejects.toMatchObject({ code: 'network', status: 0, offline: true });
    await expect(createApiClient({ server: gatewayUrl }).composed('newborn-birth')).rejects.toMatchObject({ code: 'network', status: 502, offline: true });
    await expect(createApiClient({ server: `${gatewayUrl}/slow`, timeoutMs: 200 }).composed('x')).rejects.toMatchObject({ code: 'timeout', offline: true });
  });
});

describe('whose drafts these are', () => {
  it('reads the subject of a token to keep people’s drafts apart, and nothing from what is not a token', async () => {
    expect(subjectOf(await token({ sub: '王芳-citizen', region: '420703' }))).toBe('王芳-citizen');
    expect(subjectOf('not-a-token')).toBeUndefined();
    expect(subjectOf('a.%%%.c')).toBeUndefined();
    expect(subjectOf(undefined)).toBeUndefined();
  });
});
