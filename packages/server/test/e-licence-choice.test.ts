import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, seed, startServer, STARTER_FORM, testClock, token, type TestServer } from './helpers.js';

let server: TestServer;
let applicant: string;

beforeEach(async () => {
  server = await startServer({ clock: testClock() });
  await seed(server.services.store);
  applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
});
afterEach(() => server.close());

/** The starter form with the ID card given as the e-licence `eLicense`. */
const withLicence = (eLicense: unknown) => ({ ...STARTER_FORM, materials: { 'id-card': { eLicense } } });
const submitNow = (body: unknown, key: string) =>
  call(`${server.url}/api/applications`, { token: applicant, headers: { 'idempotency-key': key }, body: { bundle: 'starter', submit: true, ...(body as object) } });

describe('a material given as the e-licence the applicant chose, number unknown', () => {
  it('is saved in a draft, submitted and stored as the choice (the department retrieves the licence by type)', async () => {
    // Given a draft whose ID card is "use my e-licence" with no number typed
    const created = await call(`${server.url}/api/applications`, { token: applicant, body: { bundle: 'starter', ...withLicence({ type: 'resident-id-card' }) } });
    expect(created.status).toBe(201);
    const id = created.body.application.id as string;
    // When it is submitted
    const submitted = await call(`${server.url}/api/applications/${id}/submit`, {
      token: applicant,
      headers: { 'idempotency-key': 'licence-0001' },
      body: withLicence({ type: 'resident-id-card' }),
    });
    // Then the server accepts it and keeps the choice
    expect(submitted.status).toBe(200);
    expect((await server.services.store.getApplication(id))?.materials).toEqual({ 'id-card': { eLicense: { type: 'resident-id-card' } } });
  });

  it('refuses a blank number (422) and a number that is not text (400), each pointing at it', async () => {
    const blank = await submitNow(withLicence({ type: 'resident-id-card', number: ' ' }), 'licence-0002');
    expect(blank).toMatchObject({ status: 422, body: { code: 'submission-invalid', pointer: '/materials/id-card/eLicense' } });
    const numeric = await submitNow(withLicence({ type: 'resident-id-card', number: 42 }), 'licence-0003');
    expect(numeric.status).toBe(400);
    expect(numeric.body.pointer).toMatch(/^\/materials\/id-card/);
  });
});
