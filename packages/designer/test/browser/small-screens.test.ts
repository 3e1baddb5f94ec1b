import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overflowing } from '../../../../examples/testing/chromium.js';
import { axe, screenshot, startDesigner, type DesignerSite } from './harness.js';
import { poll } from './steps.js';

let site: DesignerSite;
beforeAll(async () => {
  site = await startDesigner();
});
afterAll(async () => site?.close());

/** The width of an element of the designer's shadow root, in CSS px. */
const width = (page: import('playwright-core').Page, selector: string) =>
  page.locator('ot-designer').evaluate((el, s) => Math.round(el.shadowRoot!.querySelector(s)!.getBoundingClientRect().width), selector);

describe('the designer on a phone (360 CSS px)', () => {
  it('stacks the catalog above the page, and nothing sticks out past the right edge: catalog, composer, item view', async () => {
    // Given a 360 px wide screen
    const { page, errors } = await site.page({ viewport: { width: 360, height: 780 } });
    await poll(() => page.locator('ot-catalog li[data-item]').count()).toBe(11);
    // Then the start page and the catalog use the whole width, one above the other
    expect(await width(page, 'main')).toBeGreaterThan(330);
    expect(await width(page, 'aside')).toBeGreaterThan(330);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'small-360-start');

    // When a bundle is composed from two items
    await page.getByRole('button', { name: '+ 新建组合' }).click();
    await page.getByRole('button', { name: '将“预防接种证办理”加入组合' }).click();
    await page.getByRole('button', { name: '将“户口登记（出生登记）”加入组合' }).click();
    await poll(() => page.locator('ot-bundle-entry').count()).toBe(2);
    await poll(() => page.locator('ot-composer ot-form').count()).toBe(1);
    await page.getByRole('button', { name: '+ 添加问题' }).click();
    // Then the editor, its basics, the questions, the metrics and the preview fit
    await poll(() => overflowing(page)).toEqual([]);
    await page.locator('ot-bundle-basics').scrollIntoViewIfNeeded();
    await screenshot(page, 'small-360-composer');
    expect(await axe(page)).toEqual([]);

    // And an item's page fits too
    await page.locator('ot-catalog li[data-item="household-registration"] .open').click();
    await poll(() => page.locator('ot-item-view').count()).toBe(1);
    await poll(() => overflowing(page)).toEqual([]);
    await screenshot(page, 'small-360-item');
    expect(errors).toEqual([]);
  });
});
