import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overflowing } from '../../../../examples/testing/chromium.js';
import { composeExample, composeFixture, validatorSource } from '../fixtures.js';
import { screenshot, startSite, type TestSite } from './harness.js';

const composed = composeExample('newborn-birth');
const fixture = composeFixture();
let site: TestSite;
beforeAll(async () => {
  site = await startSite({ 'newborn-birth': validatorSource(composed), fixture: validatorSource(fixture) });
});
afterAll(() => site?.close());

/** Lays out every section (they skip layout off screen) so their boxes can be measured. */
const layOutAll = (page: Page) =>
  page.locator('ot-form').evaluate((el) => {
    for (const s of el.shadowRoot!.querySelectorAll<HTMLElement>('.section')) s.style.contentVisibility = 'visible';
  });

async function mount(page: Page, options: Record<string, unknown>) {
  await page.evaluate((o) => (window as any).otTest.mount(o), options as any);
  await page.addStyleTag({ content: 'body { padding: 12px !important; }' });
}

describe('on a narrow screen (320 CSS px) and at 200 % zoom', () => {
  it('fits the whole newborn-birth form, with its errors, into 320 px without sideways scrolling', async () => {
    const { page, errors } = await site.page({ viewport: { width: 320, height: 640 } });
    const data = { mother: { name: '王晓燕', idNumber: '4207031994051200' } };
    await mount(page, { composed, validator: 'newborn-birth', data, answers: { bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: true }, holdUploads: true });
    await page.locator('ot-form').evaluate((el: any) => el.validate());
    await layOutAll(page);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'narrow-320-newborn-errors');
    expect(errors).toEqual([]);
  });

  it('fits the wizard, repeatable rows, the division picker and uploads into 320 px', async () => {
    const { page } = await site.page({ viewport: { width: 320, height: 640 } });
    await mount(page, { composed: fixture, validator: 'fixture', holdUploads: true, data: { 'household-members': { division: '420703', members: [{ name: '李明', relationship: 'child' }, {}] } } });
    await page.locator('ot-form').locator('[id="m-tenancy-file"]').setInputFiles({ name: '一份名字相当长的房屋租赁合同扫描件（2024年版）.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(512) });
    await page.locator('ot-form').locator('.division select').nth(2).waitFor();
    await layOutAll(page);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'narrow-320-rows-uploads');

    await mount(page, { composed, validator: 'newborn-birth', layout: 'wizard', locale: 'en' });
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'narrow-320-wizard-en');
  });

  it('fits 640 px, the width of a 1,280 px window zoomed to 200 %, in English', async () => {
    const { page } = await site.page({ viewport: { width: 640, height: 800 } });
    await mount(page, { composed, validator: 'newborn-birth', locale: 'en', answers: { bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: false } });
    await page.locator('ot-form').evaluate((el: any) => el.validate());
    await layOutAll(page);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'zoom-200-newborn-en');
  });
});
