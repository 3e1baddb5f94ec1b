// What staff see of a material the applicant left on "use my e-licence" without typing its number
// (what the form records by default: { eLicense: { type } }).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { NEWBORN, startWorkbench, type WorkbenchSite } from './harness.js';
import { applicationLoaded, expect } from './steps.js';

let site: WorkbenchSite;
beforeAll(async () => {
  site = await startWorkbench();
});
afterAll(async () => site?.close());

describe('a material given as the e-licence the applicant chose', () => {
  it('reads as that e-licence, with its number when there is one, never as "not provided"', async () => {
    // Given a newborn application whose birth certificate is the e-licence chosen without a number,
    // and the mother's ID card the e-licence with its number
    const materials = {
      'birth-medical-certificate': { eLicense: { type: 'birth-medical-certificate' } },
      'mother-id-card': { eLicense: { type: 'resident-id-card', number: '420703199405120024' } },
    };
    const created = await site.api(site.tokens.applicant, 'POST', '/api/applications', { bundle: 'newborn-birth', answers: NEWBORN.answers, data: NEWBORN.data, materials, submit: true }, { 'Idempotency-Key': randomUUID() });
    expect(created.status).toBe(201);

    // When the window clerk opens it
    const { page, errors } = await site.page(site.tokens.clerk, { hash: `#/applications/${created.body.application.id}` });
    await applicationLoaded(page);

    // Then each material says which e-licence the applicant chose
    const provided = (id: string) => page.locator(`tr[data-material="${id}"] td`).first().textContent();
    expect((await provided('birth-medical-certificate'))?.trim()).toBe('使用电子证照（免提交），由部门调取');
    expect((await provided('mother-id-card'))?.trim()).toBe('引用电子证照 420703199405120024');
    expect(errors).toEqual([]);
  });
});
