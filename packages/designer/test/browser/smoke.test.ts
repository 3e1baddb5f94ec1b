import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startDesigner, type DesignerSite } from './harness.js';

let site: DesignerSite;
beforeAll(async () => {
  site = await startDesigner();
});
afterAll(async () => site?.close());

describe('smoke', () => {
  it('loads', async () => {
    const { page, errors } = await site.page();
    await page.getByRole('button', { name: /新生儿出生/ }).click();
    await page.waitForTimeout(1500);
    await screenshot(page, 'smoke');
    expect(errors).toEqual([]);
  });
});
