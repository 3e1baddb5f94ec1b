import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { load } from '@onething/engine';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { call, memoryLogger, startServer, token, type TestServer } from './helpers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('HTTP errors are { code, message, pointer? } with the right status', () => {
  it('answers an unknown route with 404 route-not-found, in the requested locale', async () => {
    server = await startServer();
    const zh = await call(`${server.url}/api/nope`);
    expect(zh).toMatchObject({ status: 404, body: { code: 'route-not-found', message: '接口不存在' } });
    const en = await call(`${server.url}/api/nope`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.body).toEqual({ code: 'route-not-found', message: 'No such API route' });
  });

  it('refuses a missing or invalid bearer token with 401', async () => {
    server = await startServer();
    expect((await call(`${server.url}/api/admin/portals`)).body.code).toBe('unauthenticated');
    const forged = await call(`${server.url}/api/admin/portals`, { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('invalid_token');
    const garbage = await call(`${server.url}/api/admin/portals`, { headers: { authorization: 'Basic abc' } });
    expect(garbage.status).toBe(401);
  });

  it('answers an admin route with 403 for other roles', async () => {
    server = await startServer();
    const clerk = await token({ sub: 'clerk-1', roles: ['clerk'], department: 'window' });
    expect(await call(`${server.url}/api/admin/portals`, { token: clerk })).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    const admin = await token({ sub: 'admin-1', roles: ['admin'] });
    expect(await call(`${server.url}/api/admin/portals`, { token: admin })).toMatchObject({ status: 200, body: { items: [] } });
  });

  it('answers malformed JSON with 400 invalid-json and a non-JSON body with 415', async () => {
    server = await startServer();
    const admin = await token({ sub: 'admin-1', roles: ['admin'] });
    const bad = await call(`${server.url}/api/admin/portals`, { token: admin, body: '{"origin": ' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid-json', pointer: '' } });
    const form = await call(`${server.url}/api/admin/portals`, { token: admin, body: 'origin=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form).toMatchObject({ status: 415, body: { code: 'unsupported-media-type' } });
  });

  it('answers a path that is not valid percent-encoding with 400, not 500', async () => {
    const { logger, lines } = memoryLogger();
    server = await startServer({ logger });
    const applicant = await token({ sub: 'citizen-a' });
    const response = await call(`${server.url}/api/applications/%E0%A4%A`, { token: applicant, headers: { 'accept-language': 'en' } });
    expect(response).toMatchObject({ status: 400, body: { code: 'invalid-request', message: 'The request does not match the API contract' } });
    expect(lines().filter((l) => l['msg'] === 'internal error')).toEqual([]);
  });

  it('answers a compressed or non-UTF-8 JSON body with 415 and an empty required body with 400', async () => {
    server = await startServer();
    const applicant = await token({ sub: 'citizen-a' });
    const post = (headers: Record<string, string>, body?: string) => call(`${server!.url}/api/applications`, { method: 'POST', token: applicant, headers, ...(body !== undefined ? { body } : {}) });
    expect(await post({ 'content-encoding': 'gzip' }, '{}')).toMatchObject({ status: 415, body: { code: 'unsupported-media-type', pointer: '/headers/content-encoding' } });
    expect(await post({ 'content-type': 'application/json; charset=latin1' }, '{}')).toMatchObject({ status: 415, body: { pointer: '/headers/content-type' } });
    expect(await post({})).toMatchObject({ status: 400, body: { code: 'invalid-request', pointer: '' } });
  });

  it('answers a body over the JSON limit with 413', async () => {
    server = await startServer({ limits: { jsonBytes: 1000 } });
    const admin = await token({ sub: 'admin-1', roles: ['admin'] });
    const big = await call(`${server.url}/api/admin/portals`, { token: admin, body: { origin: 'https://a.example', name: 'x'.repeat(2000) } });
    expect(big).toMatchObject({ status: 413, body: { code: 'payload-too-large' } });
  });

  it('points at the offending input when the body breaks the OpenAPI schema, and never runs an operator', async () => {
    server = await startServer();
    const admin = await token({ sub: 'admin-1', roles: ['admin'] });
    const operator = await call(`${server.url}/api/admin/portals`, { token: admin, body: { origin: { $ne: null }, name: 'x' } });
    expect(operator.status).toBe(400);
    expect(operator.body).toMatchInlineSnapshot(`
      {
        "code": "invalid-request",
        "message": "请求不符合接口约定：/origin 应当是 string 类型",
        "pointer": "/origin",
      }
    `);
    const extra = await call(`${server.url}/api/admin/portals`, { token: admin, body: { origin: 'https://a.example', name: 'x', admin: true }, headers: { 'accept-language': 'en' } });
    expect(extra.body).toMatchInlineSnapshot(`
      {
        "code": "invalid-request",
        "message": "The request does not match the API contract: /admin must NOT have additional properties",
        "pointer": "/admin",
      }
    `);
  });

  it('takes definition ids as the meta-schema defines them, and says in words what an id must look like', async () => {
    server = await startServer();
    const admin = await token({ sub: 'admin-1', roles: ['admin'] });
    const save = (id: string, locale: string) =>
      call(`${server!.url}/api/definitions/bundle/${encodeURIComponent(id)}/versions/1.0.0`, {
        method: 'PUT',
        token: admin,
        headers: { 'accept-language': locale },
        body: { definition: { kind: 'bundle', id, version: '1.0.0' } },
      });
    expect((await save('Bad Id!', 'zh-CN')).body).toMatchInlineSnapshot(`
      {
        "code": "invalid-request",
        "message": "请求不符合接口约定：/id 须为小写字母、数字和单个连字符，以字母开头，不超过 80 个字符（如 newborn-birth）",
        "pointer": "/params/id",
      }
    `);
    expect((await save('Bad Id!', 'en')).body).toMatchInlineSnapshot(`
      {
        "code": "invalid-request",
        "message": "The request does not match the API contract: /id must be lower-case letters, digits and single hyphens, starting with a letter, at most 80 characters (e.g. newborn-birth)",
        "pointer": "/params/id",
      }
    `);
    // The old API pattern let these through to the engine; the meta-schema never allowed them.
    for (const id of ['1st-bundle', 'double--hyphen', 'trailing-', `a${'b'.repeat(80)}`]) {
      expect((await call(`${server.url}/api/definitions/bundle/${id}/versions`, { token: admin })).body).toMatchObject({ code: 'invalid-request', pointer: '/params/id' });
    }
    expect((await call(`${server.url}/api/definitions/bundle/newborn-birth2/versions`, { token: admin })).status).toBe(200);
  });

  it('names the material id that is not an id', async () => {
    server = await startServer();
    const applicant = await token({ sub: 'citizen-a' });
    const draft = (locale: string) =>
      call(`${server!.url}/api/applications`, { token: applicant, headers: { 'accept-language': locale }, body: { bundle: 'newborn-birth', materials: { 'ID card': { files: [] } } } });
    expect((await draft('en')).body).toMatchInlineSnapshot(`
      {
        "code": "invalid-request",
        "message": "The request does not match the API contract: /materials: the name "ID card" must be lower-case letters, digits and single hyphens, starting with a letter, at most 80 characters (e.g. newborn-birth)",
        "pointer": "/materials",
      }
    `);
    expect((await draft('zh-CN')).body.message).toMatchInlineSnapshot(`"请求不符合接口约定：/materials 中的名称“ID card”须为小写字母、数字和单个连字符，以字母开头，不超过 80 个字符（如 newborn-birth）"`);
  });

  it('takes a department id in the queue exactly when the meta-schema would take it as an item’s department, and says in words what it must look like', async () => {
    server = await startServer();
    const admin = await token({ sub: 'admin-1', roles: ['admin'] });
    const queue = (department: string, locale = 'en') => call(`${server!.url}/api/queue?department=${encodeURIComponent(department)}`, { token: admin, headers: { 'accept-language': locale } });
    const example = JSON.parse(await readFile(new URL('../../../examples/definitions/items/birth-medical-certificate.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    // The meta-schema's verdict: load the example item with this department id and look for a problem at /department/id.
    const metaSchemaTakes = (id: string) =>
      !load([{ path: 'item.json', content: { ...example, department: { id, title: { 'zh-CN': '部门', en: 'Department' } } } }]).diagnostics.some(
        (d) => d.code === 'invalid-definition' && d.pointer === '/department/id',
      );
    // The old API pattern took the first five; the meta-schema never did.
    const ids = ['1st-window', 'double--hyphen', 'trailing-', '0', `a${'b'.repeat(80)}`, 'Public-Security', 'public_security', 'public-security', 'window2', 'huarong-health'];
    const apiTakes: boolean[] = [];
    for (const id of ids) {
      const response = await queue(id);
      apiTakes.push(response.status === 200);
      if (response.status !== 200) expect(response).toMatchObject({ status: 400, body: { code: 'invalid-request', pointer: '/query/department' } });
    }
    expect(apiTakes).toEqual(ids.map(metaSchemaTakes));
    expect(apiTakes).toEqual([false, false, false, false, false, false, false, true, true, true]);
    expect((await queue('Public-Security')).body).toMatchInlineSnapshot(`
      {
        "code": "invalid-request",
        "message": "The request does not match the API contract: /department must be lower-case letters, digits and single hyphens, starting with a letter, at most 80 characters (e.g. newborn-birth)",
        "pointer": "/query/department",
      }
    `);
    expect((await queue('1st-window', 'zh-CN')).body.message).toMatchInlineSnapshot(`"请求不符合接口约定：/department 须为小写字母、数字和单个连字符，以字母开头，不超过 80 个字符（如 newborn-birth）"`);
  });

  it('refuses repeated or bracketed query values where one string is expected', async () => {
    server = await startServer();
    const applicant = await token({ sub: 'citizen-a' });
    const twice = await call(`${server.url}/api/applications?status=open&status=closed`, { token: applicant });
    expect(twice).toMatchObject({ status: 400, body: { code: 'invalid-request', pointer: '/query/status' } });
    const bracket = await call(`${server.url}/api/applications?limit[$gt]=1`, { token: applicant });
    expect(bracket.status).toBe(200); // 'limit[$gt]' is just an unknown parameter name, never an operator
    const nonsense = await call(`${server.url}/api/applications?limit=lots`, { token: applicant });
    expect(nonsense).toMatchObject({ status: 400, body: { pointer: '/query/limit' } });
  });

  it('turns an internal failure into 500 internal without a stack trace, and logs it', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    await store.migrate();
    store.listPortals = async () => {
      throw new Error('disk on fire at /var/lib/secret/path');
    };
    const { logger, lines } = memoryLogger();
    server = await startServer({ store, logger });
    const admin = await token({ sub: 'admin-1', roles: ['admin'] });
    const response = await call(`${server.url}/api/admin/portals`, { token: admin });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ code: 'internal', message: '服务器内部错误，已记录，请稍后再试' });
    expect(JSON.stringify(response.body)).not.toContain('secret');
    const logged = lines().find((l) => l['msg'] === 'internal error');
    expect(JSON.stringify(logged)).toContain('disk on fire');
    expect(logged?.['requestId']).toBe(response.headers.get('x-request-id'));
  });

  it('reports a store that stopped answering as 503 unavailable on /healthz (a probe sees not-ready)', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    await store.migrate();
    store.schemaVersion = async () => {
      throw new Error('the SQLite writer thread stopped: exit code 1');
    };
    const { logger, lines } = memoryLogger();
    server = await startServer({ store, logger });
    const response = await call(`${server.url}/healthz`, { headers: { 'accept-language': 'en' } });
    expect(response).toMatchObject({ status: 503, body: { code: 'unavailable', message: 'The service is temporarily unavailable' } });
    expect(JSON.stringify(lines().find((l) => l['msg'] === 'health check: the store does not answer'))).toContain('writer thread stopped');
  });

  it('limits requests per IP and per token with 429 rate-limited', async () => {
    server = await startServer({ rateLimits: { perIp: 1000, perToken: 3, windowMs: 60_000 } });
    const admin = await token({ sub: 'admin-1', roles: ['admin'] });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(`${server.url}/api/admin/portals`, { token: admin })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await call(`${server.url}/api/admin/portals`, { token: admin });
    expect(limited.body.code).toBe('rate-limited');
    expect(limited.headers.get('retry-after')).toBe('60');
    // another token is not limited
    const other = await token({ sub: 'admin-2', roles: ['admin'] });
    expect((await call(`${server.url}/api/admin/portals`, { token: other })).status).toBe(200);
    await server.close();
    server = await startServer({ rateLimits: { perIp: 2, perToken: 1000, windowMs: 60_000 } });
    const ip = [];
    for (let i = 0; i < 3; i++) ip.push((await call(`${server.url}/healthz`)).status);
    expect(ip).toEqual([200, 200, 429]);
  });
});
