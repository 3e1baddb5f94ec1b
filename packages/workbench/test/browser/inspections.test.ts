import { afterAll, beforeAll, describe, it } from 'vitest';
import { axe, screenshot, startWorkbench, submitRestaurant, type WorkbenchSite } from './harness.js';
import { actions, applicationLoaded, expect, poll, stateBadge } from './steps.js';

let site: WorkbenchSite;
beforeAll(async () => {
  site = await startWorkbench();
});
afterAll(async () => site?.close());

/** Sends an event through the API as someone, at the application's current revision. */
async function send(token: string, id: string, type: string): Promise<void> {
  const revision = (await site.api(token, 'GET', `/api/applications/${id}`)).body.application.revision as number;
  const sent = await site.api(token, 'POST', `/api/applications/${id}/events`, { type, revision });
  expect(sent.status).toBe(200);
}

describe('a department whose item has an on-site inspection', () => {
  it('offers the inspection’s own steps as the chart has them, records the inspector’s note, and decides', async () => {
    const id = await submitRestaurant(site);
    await send(site.tokens.clerk, id, 'CLAIM');
    await send(site.tokens.clerk, id, 'ACCEPT');
    const { page, errors } = await site.page(site.tokens.market, { hash: `#/applications/${id}` });
    await applicationLoaded(page);
    expect(await stateBadge(page).textContent()).toBe('并联办理');
    // the documents are accepted; the premises are over 150 m², so the chart schedules the inspection
    expect(await actions(page)).toEqual(['材料合格，安排现场核查', '不予办理（须说明理由）', '一次性告知补正']);
    await page.getByRole('button', { name: '材料合格，安排现场核查' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('办理后进入：现场核查');
    await dialog.getByRole('button', { name: '确认材料合格，安排现场核查' }).click();
    await poll(() => actions(page)).toEqual(['核查符合要求', '核查不符合，限期整改']);
    expect(await page.locator('ot-item-status tr[data-item="food-business-licence"] td').textContent()).toContain('现场核查');

    await page.getByRole('button', { name: '核查符合要求' }).click();
    await dialog.getByLabel('备注（选填，记入办理记录）').fill('后厨布局与申报一致，冷食间面积 8 平方米');
    await dialog.getByRole('button', { name: '确认核查符合要求' }).click();
    await poll(() => actions(page)).toEqual(['准予许可', '不予许可（须说明理由）']);
    await page.getByRole('button', { name: '准予许可' }).click();
    await dialog.getByRole('button', { name: '确认准予许可' }).click();
    await poll(() => stateBadge(page).textContent()).toBe('全部办结');
    const trail = await page.locator('ot-timeline ol.trail li').allTextContents();
    expect(trail.find((t) => t.includes('核查符合要求'))).toContain('后厨布局与申报一致，冷食间面积 8 平方米');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'inspection-decided', true);
    expect(errors).toEqual([]);
  });
});
