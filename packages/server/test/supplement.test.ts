import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, seed, startServer, STARTER_FORM, token, type TestServer } from './helpers.js';
import { createDispatcher } from '../src/notifications/dispatcher.js';
import { createTransports } from '../src/notifications/transports/index.js';

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

  it('takes a reason per flagged field and material, shows each with its entry, and names them by title in the applicant’s notification', async () => {
    const url = server.url;
    const applicant = await token({ sub: 'citizen-b', roles: ['applicant'], region: '310101' });
    const clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
    const created = await call(`${url}/api/applications`, { token: applicant, headers: { 'idempotency-key': 'supplement-2' }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    const id = created.body.application.id as string;
    const send = (t: string, type: string, revision: number, payload?: object) => call(`${url}/api/applications/${id}/events`, { token: t, body: { type, revision, ...(payload ? { payload } : {}) } });
    await send(clerk, 'CLAIM', 1);

    // A payload of the wrong shape is refused by the request schema; one without a reason for every entry by the flow.
    const badShape = await send(clerk, 'REQUEST_SUPPLEMENT', 2, { fields: [{ path: 'permit.reason', reason: '' }] });
    expect(badShape).toMatchObject({ status: 400, body: { code: 'invalid-request', pointer: '/payload/fields/0' } });
    const noReason = await send(clerk, 'REQUEST_SUPPLEMENT', 2, { fields: [{ path: 'permit.reason', reason: '理由太笼统' }], materials: ['id-card'] });
    expect(noReason).toMatchObject({ status: 400, body: { code: 'invalid-event' } });

    const asked = await send(clerk, 'REQUEST_SUPPLEMENT', 2, {
      fields: [
        { path: 'permit.reason', reason: '理由太笼统，请写明经营项目' },
        { path: 'applicant.name', reason: '与身份证不一致' },
      ],
      materials: [{ id: 'id-card', reason: '请上传身份证正反面' }],
    });
    expect(asked.status).toBe(200);
    const seen = (await call(`${url}/api/applications/${id}`, { token: applicant })).body.application;
    expect(seen.flow.openSupplement).toEqual({
      round: 1,
      scope: 'bundle',
      requestedBy: expect.objectContaining({ role: 'clerk' }),
      requestedAt: expect.any(String),
      fields: ['applicant.name', 'permit.reason'],
      materials: ['id-card'],
      fieldReasons: { 'applicant.name': '与身份证不一致', 'permit.reason': '理由太笼统，请写明经营项目' },
      materialReasons: { 'id-card': '请上传身份证正反面' },
    });

    // The applicant's notification names each flagged field and material by its title, with its reason.
    const { store, catalog, logger } = server.services;
    const dispatcher = createDispatcher({ store, catalog, clock: () => new Date(), logger, transports: createTransports([{ type: 'inbox' }], server.services), owner: 'test' });
    await dispatcher.tick();
    const notified = (await call(`${url}/api/applications/${id}`, { token: applicant })).body.application.notifications;
    expect(notified.find((n: { template: string }) => n.template === 'onething.supplement-requested').body).toEqual({
      'zh-CN': '第 1 次补正。需修改的字段：申请人姓名（与身份证不一致）、示例许可 · 申请理由（理由太笼统，请写明经营项目）；需更换的材料：身份证（请上传身份证正反面）。',
      en: "Supplement round 1. Fields to correct: Applicant's name (与身份证不一致), Example permit · Reason (理由太笼统，请写明经营项目); materials to replace: Identity card (请上传身份证正反面).",
    });

    // Only the flagged entries may change, as before.
    const notFlagged = await send(applicant, 'SUPPLEMENT', 3, { data: { applicant: { idNumber: '110105194912310021' } } });
    expect(notFlagged).toMatchObject({ status: 422, body: { code: 'field-not-editable' } });
  });
});
