// The tester's report: in the HTML portal, a material left on its default "use my e-licence (no
// upload)" was not recorded — the server stored `materials: {}` and the workbench said "not provided".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ready, settled, startSite, type Site } from './harness.js';
import { composed, fillShort, form, service } from './newborn-portal.js';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.close());

describe('a material left on "use my e-licence" in the HTML portal', () => {
  it('is submitted and stored as the applicant’s e-licence choice, nothing typed', async () => {
    // Given the short path of the newborn-birth form: the vaccination certificate, whose two
    // materials an e-licence replaces, both left on the default choice with no number typed
    const { page, errors, violations } = await site.open('/portal/');
    await ready(page);
    await fillShort(page);
    const exempt = composed.materials.filter((m) => m.exempt && m.items.includes('vaccination-certificate')).map((m) => m.id);
    expect(exempt).toEqual(['mother-id-card', 'birth-medical-certificate']);
    for (const id of exempt) {
      await expect.poll(() => form(page).locator(`[id="m-${id}-mode"]`).isChecked(), settled).toBe(true);
      expect(await form(page).locator(`[id="m-${id}-licence"]`).inputValue()).toBe('');
    }

    // When it is submitted
    await form(page).getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => service(page).locator('.panel h2').textContent(), settled).toBe('申请已提交');

    // Then the server stored the choice for each material: the department retrieves the licences
    const id = (await service(page).locator('.panel .ref').textContent())!;
    const stored = await site.server.store.getApplication(id);
    expect(stored?.materials).toEqual({
      'mother-id-card': { eLicense: { type: 'resident-id-card' } },
      'birth-medical-certificate': { eLicense: { type: 'birth-medical-certificate' } },
    });
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
