import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, seed, startServer, STARTER_FORM, token, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
  await seed(server.services.store);
});
afterEach(() => server.close());

describe('the form an application runs on', () => {
  it('is its bundle composed with the item versions it pinned, for whoever may see it, with an ETag', async () => {
    const applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
    const clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
    const stranger = await token({ sub: 'citizen-b', roles: ['applicant'], region: '310101' });
    const created = await call(`${server.url}/api/applications`, { token: applicant, headers: { 'idempotency-key': 'form-0001' }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    const app = created.body.application;
    const form = await call(`${server.url}/api/applications/${app.id}/form`, { token: clerk });
    expect(form.status).toBe(200);
    expect(form.body.bundle).toMatchObject({ id: app.bundle.id, version: app.bundle.version });
    const pinned = (await server.services.store.getApplication(app.id))!.bundle.items;
    expect(Object.fromEntries(form.body.items.map((i: { id: string; version: string }) => [i.id, i.version]))).toEqual(pinned);
    const etag = form.headers.get('etag')!;
    expect((await call(`${server.url}/api/applications/${app.id}/form`, { token: clerk, headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await call(`${server.url}/api/applications/${app.id}/form`, { token: applicant })).status).toBe(200);
    expect((await call(`${server.url}/api/applications/${app.id}/form`, { token: stranger })).body.code).toBe('not-found');
  });
});
