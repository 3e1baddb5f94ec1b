import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, PDF, seed, startServer, STARTER_FORM, testClock, token, type TestServer } from './helpers.js';
import { verifyAuditChain } from '../src/store/audit.js';
import { canonicalHash } from '../src/util/hash.js';

let server: TestServer;
let url: string;
const clock = testClock();
const tokens: Record<string, string> = {};

beforeEach(async () => {
  server = await startServer({ clock });
  url = server.url;
  await seed(server.services.store);
  tokens.a = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
  tokens.b = await token({ sub: 'citizen-b', roles: ['applicant'], region: '310101' });
  tokens.clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
  tokens.reviewer = await token({ sub: 'rev-1', roles: ['reviewer:licensing-bureau'], region: '310101' });
});
afterEach(() => server.close());

const submit = (id: string, key: string, body: unknown, auth: { token?: string; headers?: Record<string, string> }) =>
  call(`${url}/api/applications/${id}/submit`, { ...auth, body, headers: { ...auth.headers, 'idempotency-key': key } });

describe('an application from draft to rating', () => {
  it('serves the composed bundle with an ETag and its validator as an ES module', async () => {
    const composed = await call(`${url}/api/bundles/starter`);
    expect(composed.status).toBe(200);
    expect(composed.body.bundle).toMatchObject({ id: 'starter', version: '1.0.0' });
    const etag = composed.headers.get('etag')!;
    expect((await fetch(`${url}/api/bundles/starter/versions/1.0.0`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const module = await fetch(`${url}/api/bundles/starter/versions/1.0.0/validator.js`);
    expect(module.headers.get('content-type')).toContain('text/javascript');
    const source = await module.text();
    expect(source).toContain('/api/assets/onething-standalone.js');
    expect(source).not.toMatch(/\beval\(|new Function/);
    const runtime = await fetch(`${url}/api/assets/onething-standalone.js`);
    expect(runtime.status).toBe(200);
    expect(await runtime.text()).toContain('fmt_resident_id');
    const catalog = await call(`${url}/api/catalog`);
    expect(catalog.body.bundles.map((b: { id: string }) => b.id)).toEqual(['starter']);
    expect(catalog.body.bundles[0].metrics.trips).toBeDefined();
  });

  it('lets a citizen who is not logged in start, resume and save a draft by continuation token', async () => {
    const created = await call(`${url}/api/applications`, { body: { bundle: 'starter', data: { reason: 'x' } } });
    expect(created.status).toBe(201);
    const { application, continuationToken } = created.body;
    expect(application).toMatchObject({ status: 'draft', state: 'draft', revision: 1 });
    expect(continuationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const resumed = await call(`${url}/api/resume`, { headers: { 'x-continuation-token': continuationToken } });
    expect(resumed.body.application).toMatchObject({ id: application.id, data: { reason: 'x' } });
    const saved = await call(`${url}/api/applications/${application.id}/draft`, {
      method: 'PUT',
      headers: { 'x-continuation-token': continuationToken },
      body: { revision: 1, data: { reason: 'y' } },
    });
    expect(saved.body.application).toMatchObject({ revision: 2, data: { reason: 'y' } });
    const stale = await call(`${url}/api/applications/${application.id}/draft`, { method: 'PUT', headers: { 'x-continuation-token': continuationToken }, body: { revision: 1, data: {} } });
    expect(stale).toMatchObject({ status: 409, body: { code: 'revision-conflict' } });
    // another citizen's token does not open it
    expect((await call(`${url}/api/applications/${application.id}`, { token: tokens.b })).status).toBe(404);
    // a wrong continuation token does not either
    expect((await call(`${url}/api/resume`, { headers: { 'x-continuation-token': 'A'.repeat(43) } })).status).toBe(404);
  });

  it('validates on submit, requires an Idempotency-Key and replays the same response', async () => {
    const created = await call(`${url}/api/applications`, { token: tokens.a, body: { bundle: 'starter' } });
    const id = created.body.application.id as string;
    const noKey = await call(`${url}/api/applications/${id}/submit`, { token: tokens.a, body: {} });
    expect(noKey).toMatchObject({ status: 400, body: { code: 'idempotency-key-required', pointer: '/headers/idempotency-key' } });
    const invalid = await submit(id, 'key-00000001', { data: { reason: 'r' } }, { token: tokens.a });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('submission-invalid');
    expect(invalid.body.errors.map((e: { instancePath: string; params: { missingProperty?: string } }) => `${e.instancePath} ${e.params.missingProperty ?? ''}`)).toEqual(
      expect.arrayContaining(['/data/applicant name', '/answers wantsRegistration']),
    );
    const ok = await submit(id, 'key-00000002', STARTER_FORM, { token: tokens.a });
    expect(ok.status).toBe(200);
    expect(ok.body.application).toMatchObject({ status: 'open', state: 'reception', revision: 2 });
    const again = await submit(id, 'key-00000002', STARTER_FORM, { token: tokens.a });
    expect(again.body).toEqual(ok.body);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    const reused = await submit(id, 'key-00000002', { ...STARTER_FORM, data: { ...STARTER_FORM.data, permit: { reason: 'other' } } }, { token: tokens.a });
    expect(reused).toMatchObject({ status: 422, body: { code: 'idempotency-key-reused' } });
  });

  it('runs the flow: claim, accept, approve, then a rating; the audit chain holds', async () => {
    const created = await call(`${url}/api/applications`, { token: tokens.a, headers: { 'idempotency-key': 'direct-0001' }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    expect(created.status).toBe(201);
    const id = created.body.application.id as string;
    const send = (who: string, type: string, revision: number, extra: object = {}) =>
      call(`${url}/api/applications/${id}/events`, { token: tokens[who], body: { type, revision, ...extra } });

    expect(created.body.application.revision).toBe(1);
    expect((await send('a', 'CLAIM', 1)).body.code).toBe('role-forbidden');
    expect((await send('b', 'CLAIM', 1)).status).toBe(404);
    let r = await send('clerk', 'CLAIM', 1);
    expect(r.body.application.state).toBe('reception');
    r = await send('clerk', 'ACCEPT', 2);
    expect(r.body.application.state).toBe('processing');
    expect((await send('reviewer', 'APPROVE', 2, { item: 'permit' })).body.code).toBe('revision-conflict');
    expect((await send('reviewer', 'APPROVE', 3)).body.code).toBe('event-not-accepted');
    r = await send('reviewer', 'APPROVE', 3, { item: 'permit' });
    expect(r.body.application).toMatchObject({ status: 'closed', state: 'completed' });

    const queue = await call(`${url}/api/queue?status=closed`, { token: tokens.reviewer });
    expect(queue.body.items.map((a: { id: string }) => a.id)).toEqual([id]);

    expect((await call(`${url}/api/applications/${id}/rating`, { token: tokens.b, body: { score: 1 } })).status).toBe(404);
    const rated = await call(`${url}/api/applications/${id}/rating`, { token: tokens.a, body: { score: 5, comment: '一次办成' } });
    expect(rated).toMatchObject({ status: 201, body: { score: 5, comment: '一次办成' } });
    expect((await call(`${url}/api/applications/${id}/rating`, { token: tokens.a, body: { score: 4 } })).body.code).toBe('already-rated');

    const view = await call(`${url}/api/applications/${id}`, { token: tokens.a });
    expect(view.body.application.timeline.map((e: { event: string }) => e.event)).toEqual(['START', 'SUBMIT', 'CLAIM', 'ACCEPT', 'APPROVE']);
    expect(view.body.application.timeline[2].actor).toEqual({ role: 'clerk', department: 'licensing-bureau' });
    expect(view.body.application.rating).toMatchObject({ score: 5 });
    const trail = await server.services.store.auditTrail(id);
    expect(verifyAuditChain(trail)).toBeNull();
    const stored = (await server.services.store.getApplication(id))!;
    for (const entry of trail.slice(1)) expect(entry.dataHash).toBe(canonicalHash({ answers: stored.answers, data: stored.data, materials: stored.materials }));
  });

  it('prefills concept-bound fields from the token’s profile claims first, then from my earlier applications', async () => {
    const withProfile = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101', profile: { idNumber: '11010519491231002X' } });
    expect((await call(`${url}/api/prefill?bundle=starter`, { token: withProfile })).body.values).toEqual([
      { path: 'applicant.idNumber', value: '11010519491231002X', concept: 'applicant.idNumber', source: 'token' },
    ]);
    await call(`${url}/api/applications`, { token: tokens.a, body: { bundle: 'starter', data: { applicant: { name: '李雷' } } } });
    const values = (await call(`${url}/api/prefill?bundle=starter`, { token: withProfile })).body.values;
    expect(values.map((v: { path: string; source: string; value: string }) => [v.path, v.source, v.value])).toEqual([
      ['applicant.name', 'history', '李雷'],
      ['applicant.idNumber', 'token', '11010519491231002X'],
    ]);
    expect((await call(`${url}/api/prefill?bundle=starter`, { token: tokens.b })).body.values).toEqual([]);
    expect((await call(`${url}/api/prefill?bundle=nope`, { token: tokens.a })).status).toBe(404);
  });

  it('uploads a material with its type sniffed from the bytes and serves it only to those allowed', async () => {
    const created = await call(`${url}/api/applications`, { token: tokens.a, body: { bundle: 'starter' } });
    const id = created.body.application.id as string;
    const upload = (bytes: Uint8Array, material = 'id-card', auth = tokens.a!) =>
      fetch(`${url}/api/applications/${id}/materials/${material}`, { method: 'POST', headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('身份证.pdf') }, body: Buffer.from(bytes) });
    const stored = await upload(PDF);
    expect(stored.status).toBe(201);
    const file = (await stored.json()) as { sha256: string; name: string; type: string };
    expect(file).toMatchObject({ name: '身份证.pdf', type: 'application/pdf' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    expect((await upload(png)).status).toBe(415);
    expect((await upload(new Uint8Array(5_000_001))).status).toBe(413);
    expect((await upload(PDF, 'no-such-material')).status).toBe(404);
    expect((await upload(PDF, 'id-card', tokens.b!)).status).toBe(404);

    const download = await fetch(`${url}/api/applications/${id}/materials/${file.sha256}`, { headers: { authorization: `Bearer ${tokens.a}` } });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    expect((await fetch(`${url}/api/applications/${id}/materials/${file.sha256}`, { headers: { authorization: `Bearer ${tokens.b}` } })).status).toBe(404);

    // a submission may reference only files uploaded to this application
    const bogus = { ...STARTER_FORM, materials: { 'id-card': { files: [{ ...file, sha256: 'f'.repeat(64) }] } } };
    expect((await submit(id, 'key-upload-1', bogus, { token: tokens.a })).body.code).toBe('submission-invalid');
    const real = { ...STARTER_FORM, materials: { 'id-card': { files: [file] } } };
    expect((await submit(id, 'key-upload-2', real, { token: tokens.a })).status).toBe(200);
  });
});
