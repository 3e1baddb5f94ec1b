import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, seed, startServer, STARTER_FORM, testClock, token, type TestServer } from './helpers.js';

let server: TestServer;
const tokens: Record<string, string> = {};

beforeEach(async () => {
  server = await startServer({ clock: testClock() });
  await seed(server.services.store);
  tokens.a = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
  tokens.clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
  tokens.reviewer = await token({ sub: 'rev-1', roles: ['reviewer:licensing-bureau'], region: '310101' });
  tokens.admin = await token({ sub: 'admin-1', roles: ['admin'], region: '310101' });
});
afterEach(() => server.close());

const allowed = async (id: string, who: string) =>
  ((await call(`${server.url}/api/applications/${id}`, { token: tokens[who] })).body.application.allowedEvents as Array<{ type: string; item?: string }>).map((e) =>
    e.item ? `${e.item}/${e.type}` : e.type,
  );

describe('the events an application lists for the caller', () => {
  it('follow the state and the caller’s roles through the flow', async () => {
    const draft = await call(`${server.url}/api/applications`, { token: tokens.a, body: { bundle: 'starter' } });
    expect(await allowed(draft.body.application.id, 'a')).toEqual([]); // drafts use the draft and submit routes

    const created = await call(`${server.url}/api/applications`, { token: tokens.a, headers: { 'idempotency-key': 'allowed-0001' }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    const id = created.body.application.id as string;
    const send = (who: string, body: object) => call(`${server.url}/api/applications/${id}/events`, { token: tokens[who], body });
    expect(await allowed(id, 'a')).toEqual(['WITHDRAW']);
    expect(await allowed(id, 'clerk')).toEqual(['CLAIM']);
    expect(await allowed(id, 'reviewer')).toEqual([]);

    await send('clerk', { type: 'CLAIM', revision: 1 });
    expect(await allowed(id, 'clerk')).toEqual(['ACCEPT', 'REQUEST_SUPPLEMENT', 'REJECT']);

    await send('clerk', { type: 'ACCEPT', revision: 2 });
    expect(await allowed(id, 'a')).toEqual([]);
    expect(await allowed(id, 'reviewer')).toEqual(['permit/APPROVE', 'permit/REJECT']);
    expect(await allowed(id, 'clerk')).toEqual([]);

    await send('reviewer', { type: 'APPROVE', item: 'permit', revision: 3 });
    for (const who of ['a', 'clerk', 'reviewer', 'admin']) expect(await allowed(id, who)).toEqual([]);
  });

  it('name each event with the chart’s title and the state it leads to', async () => {
    const created = await call(`${server.url}/api/applications`, { token: tokens.a, headers: { 'idempotency-key': 'allowed-0002' }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    const view = await call(`${server.url}/api/applications/${created.body.application.id}`, { token: tokens.clerk });
    expect(view.body.application.allowedEvents).toEqual([
      {
        type: 'CLAIM',
        title: { 'zh-CN': '签收', en: 'Claim' },
        branches: [{ title: { 'zh-CN': '签收', en: 'Claim' }, target: { path: 'reception.preReview', title: { 'zh-CN': '预审', en: 'Pre-review' }, final: false } }],
      },
    ]);
  });
});
