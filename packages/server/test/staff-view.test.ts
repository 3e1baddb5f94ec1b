import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskName, maskedApplicantName } from '../src/applications/applicant-name.js';
import { call, seed, startServer, STARTER_FORM, token, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
  await seed(server.services.store);
});
afterEach(() => server.close());

describe('what staff read of an application', () => {
  it('lists it with the applicant’s name masked, and never the name itself', async () => {
    const applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
    const clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
    const created = await call(`${server.url}/api/applications`, { token: applicant, headers: { 'idempotency-key': 'staff-view-1' }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    expect(created.status).toBe(201);
    const queue = await call(`${server.url}/api/queue`, { token: clerk });
    expect(queue.body.items.map((i: { applicantName: string }) => i.applicantName)).toEqual(['王*']);
    expect(JSON.stringify(queue.body)).not.toContain('王芳');
  });

  it('names every state and event of the flow, so a timeline reads in words', async () => {
    const applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
    const clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
    const created = await call(`${server.url}/api/applications`, { token: applicant, headers: { 'idempotency-key': 'staff-view-2' }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    const view = (await call(`${server.url}/api/applications/${created.body.application.id}`, { token: clerk })).body.application;
    expect(view.stateTitles['reception.preReview']).toEqual({ 'zh-CN': '预审', en: 'Pre-review' });
    expect(view.eventTitles['REQUEST_SUPPLEMENT']).toEqual({ 'zh-CN': '一次性告知补正', en: 'Request a supplement' });
    expect(Object.keys(view.stateTitles).some((path) => path.startsWith('processing.permit.'))).toBe(true);
    expect(view.timeline.map((e: { event: string }) => e.event)).toEqual(['START', 'SUBMIT']);
  });
});

describe('masking a name', () => {
  it('keeps the first character and stars the others, counting characters', () => {
    expect([maskName('王芳'), maskName('欧阳娜娜'), maskName('𠀋一'), maskName('李'), maskName(' '), maskName('Wang Fang')]).toEqual(['王*', '欧***', '𠀋*', '*', '', 'W********']);
  });

  it('takes the applicant, else the legal representative, else the mother or the father', () => {
    expect(maskedApplicantName({ applicant: { name: '陈静' }, legalRepresentative: { name: '张伟' } })).toBe('陈*');
    expect(maskedApplicantName({ legalRepresentative: { name: '张伟' } })).toBe('张*');
    expect(maskedApplicantName({ child: { name: '李沐阳' }, mother: { name: '王晓燕' } })).toBe('王**');
    expect(maskedApplicantName({ applicant: { name: '' }, father: { name: '李建国' } })).toBe('李**');
    expect(maskedApplicantName({ applicant: 'x' })).toBeNull();
  });
});
