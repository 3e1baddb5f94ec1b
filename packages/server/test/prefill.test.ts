import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, seed, startServer, testClock, token, type TestServer } from './helpers.js';

let server: TestServer;
let url: string;
const clock = testClock();
const ID_A = '11010519491231002X';
const ID_B = '110105198001010011';

beforeEach(async () => {
  server = await startServer({ clock });
  url = server.url;
  await seed(server.services.store);
});
afterEach(() => server.close());

const applicant = (sub: string, profile?: Record<string, string>) => token({ sub, roles: ['applicant'], region: '310101', ...(profile ? { profile } : {}) });
const draft = (auth: string | undefined, name: string, idNumber: string) =>
  call(`${url}/api/applications`, { ...(auth ? { token: auth } : {}), body: { bundle: 'starter', data: { applicant: { name, idNumber } } } });
const prefill = async (auth: string) => {
  const response = await call(`${url}/api/prefill?bundle=starter`, { token: auth });
  expect(response.status).toBe(200);
  return response.body.values.map((v: { path: string; source: string; value: string }) => [v.path, v.source, v.value]);
};

describe('smart prefill (GET /api/prefill) sends only what the applicant may reuse', () => {
  it('never sends a sensitive field’s value from an earlier application, even the applicant’s own', async () => {
    // given citizen A's earlier application with their name (personal) and ID number (sensitive)
    const a = await applicant('citizen-a');
    expect((await draft(a, '李雷', ID_A)).status).toBe(201);
    // when A's new form asks for prefill, then only the name comes from history
    const response = await call(`${url}/api/prefill?bundle=starter`, { token: a });
    expect(response.body.values.map((v: { path: string; source: string }) => [v.path, v.source])).toEqual([['applicant.name', 'history']]);
    expect(JSON.stringify(response.body)).not.toContain(ID_A);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sends a sensitive value the identity provider vouches for in the token', async () => {
    const a = await applicant('citizen-a', { idNumber: ID_A });
    await draft(a, '李雷', '110105194912310021');
    expect(await prefill(a)).toEqual([
      ['applicant.name', 'history', '李雷'],
      ['applicant.idNumber', 'token', ID_A],
    ]);
  });

  it('never prefills across applicants: each gets only their own history, a newcomer nothing', async () => {
    // given two applicants with earlier applications, and one made without signing in
    const [a, b, c] = await Promise.all([applicant('citizen-a'), applicant('citizen-b'), applicant('citizen-c')]);
    await draft(a, '李雷', ID_A);
    await draft(b, '韩梅梅', ID_B);
    await draft(undefined, '匿名', ID_B);
    // then each reads their own name, and someone with no applications reads nothing
    expect(await prefill(a)).toEqual([['applicant.name', 'history', '李雷']]);
    expect(await prefill(b)).toEqual([['applicant.name', 'history', '韩梅梅']]);
    expect(await prefill(c)).toEqual([]);
  });

  it('takes the newest non-empty value among the applicant’s own applications', async () => {
    const a = await applicant('citizen-a');
    await draft(a, '李雷', ID_A);
    clock.advance(60_000);
    await draft(a, '李磊', ID_A);
    expect(await prefill(a)).toEqual([['applicant.name', 'history', '李磊']]);
  });

  it('answers an unknown bundle or version with 404 pointing at the parameter that named it', async () => {
    const a = await applicant('citizen-a');
    expect(await call(`${url}/api/prefill?bundle=nope`, { token: a })).toMatchObject({ status: 404, body: { code: 'not-found', pointer: '/query/bundle' } });
    expect(await call(`${url}/api/prefill?bundle=starter&version=9.9.9`, { token: a })).toMatchObject({ status: 404, body: { code: 'not-found', pointer: '/query/version' } });
  });
});
