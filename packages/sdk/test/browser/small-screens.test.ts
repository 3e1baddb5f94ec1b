import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overflowing } from '../../../../examples/testing/chromium.js';
import { answer } from '../../../../examples/testing/newborn-birth.js';
import { ready, screenshot, settled, startSite, type Site } from './harness.js';
import { composed, form, service } from './newborn-portal.js';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.close());

describe('the portal on a phone (320 CSS px)', () => {
  it('shows the service, its errors and the offline notice without sideways scrolling', async () => {
    const { page, errors } = await site.open('/portal/', { viewport: { width: 320, height: 640 } });
    await ready(page);
    await answer(form(page), composed, { bornInHubeiInstitution: '是', settleInHubei: '是', wantsSocialSecurityCard: '是' });
    await form(page).getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => form(page).locator('.error-summary').count(), settled).toBe(1);
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await form(page).locator('[id="f-child.name"]').fill('李沐阳');
    await expect.poll(() => service(page).locator('.notice--offline').count(), settled).toBe(1);
    await page.locator('ot-service').evaluate((el) => {
      for (const s of el.shadowRoot!.querySelector('ot-form')!.shadowRoot!.querySelectorAll<HTMLElement>('.section')) s.style.contentVisibility = 'visible';
    });
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'portal-html-320-offline-errors');
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
