import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeFixture } from '../fixtures.js';
import { startSite, type TestSite } from './harness.js';

const PAYLOAD = '<img src=x onerror=alert(1)>';
let site: TestSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.close());

describe('definition texts', () => {
  it('render as text: a title that looks like HTML shows literally and creates no element', async () => {
    // Given a definition whose field title, section title and help text are an HTML payload
    const { page, errors } = await site.page();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.evaluate((c) => (window as any).otTest.mount({ composed: c }), composeFixture({ title: PAYLOAD }) as any);
    const form = page.locator('ot-form');

    // When it is rendered, and its error shows in the summary after submitting
    await form.getByRole('button', { name: '提交申请' }).click();
    await form.evaluate((el: any) => (el.locale = 'en'));

    // Then the payload is text in the label, the hint, the section heading and the summary…
    expect(await form.locator('[for="f-household-members.name"]').textContent()).toBe(PAYLOAD);
    expect(await form.locator('[id="f-household-members.name-hint"]').textContent()).toBe(PAYLOAD);
    expect(await form.locator('.section-title').first().textContent()).toBe(`Household members: ${PAYLOAD}`);
    expect(await form.locator('.error-summary').textContent()).toContain(`"${PAYLOAD}" is required`);
    // …no element was created from it, nothing was fetched for it, and no script ran
    expect(await form.evaluate((el) => el.shadowRoot!.querySelectorAll('img').length)).toBe(0);
    expect(requests.filter((url) => url.endsWith('/x'))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
