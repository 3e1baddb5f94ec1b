import type { Submission } from '@onething/engine';
import type { FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeExample, validatorSource } from '../fixtures.js';
import { screenshot, settled, startSite, type TestSite } from './harness.js';
import { answers, entries, type Entry } from '../../../../examples/testing/newborn-birth.js';

const composed = composeExample('newborn-birth');
let site: TestSite;
beforeAll(async () => {
  site = await startSite({ 'newborn-birth': validatorSource(composed) });
});
afterAll(() => site?.close());

interface Focused {
  tag: string;
  type: string;
  name: string;
  text: string;
  label: string;
  checked: boolean;
  value: string;
  options: string[];
  selected: number;
}

/** What has focus inside the form's shadow root. */
const focused = (page: Page): Promise<Focused | null> =>
  page.locator('ot-form').evaluate((form) => {
    const el = form.shadowRoot!.activeElement as HTMLInputElement & HTMLSelectElement | null;
    if (!el) return null;
    const label = el.id ? form.shadowRoot!.querySelector(`label[for="${el.id}"]`)?.textContent?.trim() ?? '' : '';
    return {
      tag: el.tagName,
      type: el.type ?? '',
      name: el.getAttribute('name') ?? '',
      text: el.textContent?.trim() ?? '',
      label,
      checked: !!el.checked,
      value: el.value ?? '',
      options: el.tagName === 'SELECT' ? [...el.options].map((o) => o.text) : [],
      selected: el.tagName === 'SELECT' ? el.selectedIndex : -1,
    };
  });

const settle = (page: Page) => page.locator('ot-form').evaluate((el: any) => el.updateComplete);

/** Picks a radio by label with the arrow keys, as a keyboard user does (focus lands on the first or the checked one). */
async function chooseRadio(page: Page, wanted: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const now = (await focused(page))!;
    if (now.label === wanted) {
      if (!now.checked) await page.keyboard.press('Space');
      return settle(page);
    }
    await page.keyboard.press('ArrowDown');
    await settle(page);
  }
  throw new Error(`no radio "${wanted}"`);
}

/** Picks a select option by its text with the arrow keys. */
async function chooseOption(page: Page, wanted: string): Promise<void> {
  const now = (await focused(page))!;
  const target = now.options.indexOf(wanted);
  if (target < 0) throw new Error(`no option "${wanted}" in ${now.name}`);
  const key = target > now.selected ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(target - now.selected); i++) await page.keyboard.press(key);
  await settle(page);
}

describe('keyboard only', () => {
  it('fills in, corrects and submits the newborn-birth application without a pointer', async () => {
    const { page, errors } = await site.page();
    await page.evaluate((o) => (window as any).otTest.mount(o), { composed, validator: 'newborn-birth', uploadDelay: 50 } as any);
    // Listen for the file chooser from the start. Playwright turns the interception on by a message it
    // does not wait for, so a listener added just before the key press (waitForEvent in a Promise.all)
    // can lose the race on a busy machine: the chooser then opens unseen and the wait times out.
    const choosers: FileChooser[] = [];
    page.on('filechooser', (chooser) => void choosers.push(chooser));
    const plan = new Map<string, Entry>(entries);
    const questions = new Map(Object.entries(answers).map(([q, a]) => [`answers/${q}`, a]));
    const divisionsDone = new Map<string, number>();
    const visited: string[] = [];
    await page.locator('#page-title').click(); // start from the top of the page, before the form

    let submitted = false;
    for (let presses = 0; presses < 300 && !submitted; presses++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now) continue;
      visited.push(now.name || now.text);
      if (now.tag === 'BUTTON') {
        if (now.text === '提交申请') {
          await page.keyboard.press('Enter');
          submitted = true;
        }
        continue;
      }
      if (now.type === 'file') {
        // the father applies, so the mother's power of attorney is uploaded: Space opens the file chooser
        await page.keyboard.press('Space');
        await expect.poll(() => choosers.length, settled).toBe(1);
        await choosers[0]!.setFiles({ name: '委托书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
        await expect.poll(() => page.evaluate(() => (document.querySelector('ot-form') as any).materials['power-of-attorney'] !== undefined), settled).toBe(true);
        continue;
      }
      const wanted = questions.get(now.name) ?? plan.get(now.name);
      if (wanted === undefined) continue;
      if (typeof wanted === 'string') await chooseRadio(page, wanted);
      else if ('text' in wanted) {
        if (now.value !== '') continue;
        if (now.type === 'date') {
          const [y, m, d] = wanted.text.split('-');
          await page.keyboard.type(`${m}${d}${y}`); // the date field's segments, in the browser's order
        } else {
          await page.keyboard.type(wanted.text);
        }
        await settle(page);
      } else if ('option' in wanted) {
        if (now.tag === 'SELECT') await chooseOption(page, wanted.option);
        else await chooseRadio(page, wanted.option);
      } else {
        const level = divisionsDone.get(now.name) ?? 0;
        divisionsDone.set(now.name, level + 1);
        await chooseOption(page, wanted.division[level]!);
      }
    }

    // Then the application went through, from the keyboard alone
    expect(submitted).toBe(true);
    await screenshot(page, 'keyboard-submitted');
    const sent = await page.evaluate(() => (window as any).otTest.events.filter((e: { type: string }) => e.type === 'ot-submit'));
    const invalid = await page.evaluate(() => (window as any).otTest.events.filter((e: { type: string }) => e.type === 'ot-invalid'));
    expect(invalid).toEqual([]);
    expect(sent).toHaveLength(1);
    const { data } = sent[0].detail.submission as Submission;
    expect(data.child).toEqual({ name: '李沐阳', sex: 'male', birthDate: '2024-11-03', birthPlace: '420704', birthInstitution: '鄂州市中心医院', ethnicity: '01' });
    expect(data.delivery).toEqual({ method: 'mail', address: '湖北省鄂州市华容区葛店经济技术开发区发展大道18号3栋2单元501室' });
    expect(data['vaccination-certificate']).toEqual({
      clinicName: '华容区葛店社区卫生服务中心预防接种门诊',
      hepatitisBDose1Given: true,
      bcgGiven: false,
      bcgNotGivenReason: 'low-birth-weight',
    });
    // every field of the plan was reached in order (conditional ones once they appeared)
    const reached = [...new Set(visited.filter((name) => plan.has(name)))];
    expect(reached).toEqual(entries.map(([path]) => path));
    expect(errors).toEqual([]);
  });

  it('moves from the error summary to a field and back to the submit button without a pointer', async () => {
    const { page } = await site.page();
    await page.evaluate((o) => (window as any).otTest.mount(o), {
      composed,
      validator: 'newborn-birth',
      answers: { bornInHubeiInstitution: false, settleInHubei: false, wantsSocialSecurityCard: false },
    } as any);
    // Tab to the submit button and press Enter
    await page.locator('#page-title').click();
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      if ((await focused(page))?.text === '提交申请') break;
    }
    await page.keyboard.press('Enter');
    await settle(page);
    // the summary has focus; Tab reaches its first link, Enter moves focus to that field
    expect(await page.locator('ot-form').evaluate((el) => el.shadowRoot!.activeElement?.className)).toBe('error-summary');
    await page.keyboard.press('Tab');
    expect((await focused(page))!.text).toBe('请填写“新生儿姓名”');
    await page.keyboard.press('Enter');
    await settle(page);
    expect((await focused(page))!.name).toBe('child.name');
    await page.keyboard.type('李沐阳');
    await settle(page);
    expect(await page.locator('ot-form').locator('[id="f-child.name"]').getAttribute('aria-invalid')).toBe('false');
  });
});
