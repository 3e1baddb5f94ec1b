import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, seed, startServer, STARTER_FORM, token, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
  await seed(server.services.store);
});
afterEach(() => server.close());

describe('a supplement round (补正) over HTTP', () => {
  it('lets the applicant change only the flagged fields, validates the result, and returns to pre-review', async () => {
    const url = server.url;
    const applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
    const clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
    const created = await call(`${url}/api/applications`, { token: applicant, headers: { 'idempotency-key': 'supplement-1' }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    const id = created.body.application.id as string;
    const send = (t: string, type: string, revision: number, payload?: object) => call(`${url}/api/applications/${id}/events`, { token: t, body: { type, revision, ...(payload ? { payload } : {}) } });

    await send(clerk, 'CLAIM', 1);
    const asked = await send(clerk, 'REQUEST_SUPPLEMENT', 2, { fields: ['permit.reason'], materials: [], reason: '申请理由不清楚' });
    expect(asked.status).toBe(200);
    expect(asked.body.application.state).toBe('supplement');

    const seen = await call(`${url}/api/applications/${id}`, { token: applicant });
    expect(seen.body.application.flow.openSupplement).toMatchObject({ fields: ['permit.reason'], reason: '申请理由不清楚', requestedBy: { role: 'clerk' } });
    expect(seen.body.application.timeline.at(-1)).toMatchObject({ event: 'REQUEST_SUPPLEMENT', detail: { fields: ['permit.reason'], reason: '申请理由不清楚' } });

    const notFlagged = await send(applicant, 'SUPPLEMENT', 3, { data: { applicant: { name: '李四' } } });
    expect(notFlagged).toMatchObject({ status: 422, body: { code: 'field-not-editable' } });
    const tooLong = await send(applicant, 'SUPPLEMENT', 3, { data: { permit: { reason: 'x'.repeat(501) } } });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.code).toBe('submission-invalid');
    expect(tooLong.body.errors[0]).toMatchObject({ keyword: 'maxLength', instancePath: '/data/permit/reason' });

    const answered = await send(applicant, 'SUPPLEMENT', 3, { data: { permit: { reason: '开一家兰州拉面馆，需要许可' } } });
    expect(answered.status).toBe(200);
    expect(answered.body.application).toMatchObject({ revision: 4, state: 'reception', data: { permit: { reason: '开一家兰州拉面馆，需要许可' } } });
    expect(answered.body.application.flow.openSupplement).toBeNull();
    expect(answered.body.application.flow.supplements[0].answer.fields).toEqual(['permit.reason']);
  });
});
