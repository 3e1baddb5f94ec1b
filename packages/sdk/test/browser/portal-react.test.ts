import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ready, screenshot, settled, startSite, type Site } from './harness.js';
import { fillShort, form, service } from './newborn-portal.js';

let site: Site;
beforeAll(async () => {
  site = await startSite({ react: true });
});
afterAll(() => site?.close());

describe('the React portal', () => {
  it('embeds the service through createServiceForm, switches language from React state, and gets the typed submission', async () => {
    const { page, violations, errors } = await site.open('/portal-react/');
    await ready(page);
    expect(await form(page).locator('.title').textContent()).toBe('新生儿出生“一件事”');

    // The language button is React state, passed to the form with setLocale
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => form(page).locator('.title').textContent(), settled).toBe('Newborn birth — one thing');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => form(page).locator('.title').textContent(), settled).toBe('新生儿出生“一件事”');

    // Autosave state reaches React through onSave
    await fillShort(page);
    await expect.poll(() => page.locator('.bar .save').textContent(), settled).toBe('已保存');
    await form(page).getByRole('button', { name: '提交申请' }).click();

    // onSubmitted gets the typed submission: the page shows submission.data.child.name
    await expect.poll(() => page.locator('.done').textContent(), settled).toBe('已提交：李沐阳 的出生“一件事”');
    await expect.poll(() => service(page).locator('.panel h2').textContent(), settled).toBe('申请已提交');
    await screenshot(page, 'portal-react-submitted');
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
