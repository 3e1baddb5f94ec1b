import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, memoryLogger, seed, startServer, STARTER_FORM, token, type TestServer } from './helpers.js';

let server: TestServer;
let url: string;
let internal: () => unknown[];
let applicant: string;
beforeEach(async () => {
  const { logger, lines } = memoryLogger();
  internal = () => lines().filter((l) => l['msg'] === 'internal error');
  server = await startServer({ logger });
  url = server.url;
  await seed(server.services.store);
  applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
});
afterEach(() => server.close());

const key = () => ({ 'idempotency-key': `boundary-${Math.random().toString(36).slice(2, 12)}` });
/** STARTER_FORM as JSON text with the applicant's name replaced by raw JSON text. */
const formWithName = (nameJson: string) => JSON.stringify(STARTER_FORM).replace('"王芳"', nameJson).slice(1, -1);

describe('bad input at the HTTP boundary is a 4xx with a pointer, never a 500', () => {
  it('refuses a lone surrogate in a JSON string with 400 invalid-json at its pointer (it failed the data hash: 500)', async () => {
    // given a submission whose name holds "\ud800", which no UTF-8 text can carry
    const submitted = await call(`${url}/api/applications`, { token: applicant, headers: { ...key(), 'accept-language': 'en' }, body: `{"bundle":"starter","submit":true,${formWithName('"王\\ud800"')}}` });
    // then it is refused as malformed JSON, naming the field
    expect(submitted).toMatchObject({ status: 400, body: { code: 'invalid-json', pointer: '/data/applicant/name' } });
    expect(submitted.body.message).toMatchInlineSnapshot(`"The request body is not valid JSON: a string holds a lone surrogate (\\uD800–\\uDFFF), which is not valid Unicode"`);
    // and so is one in a member name, in a draft, and deep inside nesting the call stack could not walk
    const draft = await call(`${url}/api/applications`, { token: applicant, body: '{"bundle":"starter","data":{"a\\udfffb":"x"}}' });
    expect(draft).toMatchObject({ status: 400, body: { code: 'invalid-json', pointer: '/data/a\udfffb' } });
    const deep = `{"bundle":"starter","data":{"x":${'['.repeat(200_000)}"\\ud800"${']'.repeat(200_000)}}}`;
    const deepPointer = (await call(`${url}/api/applications`, { token: applicant, body: deep })).body.pointer as string;
    expect(deepPointer).toBe(`/data/x${'/0'.repeat(200_000)}`);
    expect(internal()).toEqual([]);
  });

  it('takes an escaped surrogate pair (an emoji) and an escaped backslash followed by "ud800" as the text they are', async () => {
    const created = await call(`${url}/api/applications`, { token: applicant, headers: key(), body: `{"bundle":"starter","submit":true,${formWithName('"王\\ud83d\\ude00"')}}` });
    expect(created.status).toBe(201);
    expect(created.body.application.data.applicant.name).toBe('王😀');
    const literal = await call(`${url}/api/applications`, { token: applicant, body: '{"bundle":"starter","data":{"permit":{"reason":"C:\\\\ud800"}}}' });
    expect(literal.status).toBe(201);
    expect(literal.body.application.data.permit.reason).toBe('C:\\ud800');
  });

  it('reads a leap second in the queue’s dueBefore as the instant after :59 (new Date() could not: 500)', async () => {
    // given an application whose acceptance deadline falls on New Year's Day 2017
    const clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
    await call(`${url}/api/applications`, { token: applicant, headers: key(), body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    const queue = (dueBefore: string) => call(`${url}/api/queue?dueBefore=${encodeURIComponent(dueBefore)}`, { token: clerk });
    // when the clerk filters by an RFC 3339 leap second (valid date-time), then it is answered like the next second
    const leap = await queue('2016-12-31T23:59:60Z');
    expect(leap.status).toBe(200);
    expect(leap.body).toEqual((await queue('2017-01-01T00:00:00Z')).body);
    expect((await queue('2099-01-01T07:59:60+08:00')).body.items).toHaveLength(1);
    expect(internal()).toEqual([]);
  });
});
