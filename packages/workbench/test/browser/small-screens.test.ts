import { afterAll, beforeAll, describe, it } from 'vitest';
import { overflowing } from '../../../../examples/testing/chromium.js';
import { axe, REGION, screenshot, startWorkbench, submitNewborn, type WorkbenchSite } from './harness.js';
import { applicationLoaded, expect, fieldRow, focused, poll, queueRows, stateBadge } from './steps.js';

let site: WorkbenchSite;
let id: string;
beforeAll(async () => {
  site = await startWorkbench();
  id = await submitNewborn(site);
});
afterAll(async () => site?.close());

const PHONE = { width: 360, height: 780 };

/** The label shown before each value of the queue's first row (CSS generated content; 'none': no label). */
const labels = (page: import('playwright-core').Page) =>
  queueRows(page)
    .first()
    .locator('td')
    .evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content.replace(/\s*\/\s*""$/, '')));

describe('the workbench on a phone (360 CSS px)', () => {
  it('shows each queue row as a card with labelled values, and nothing sticks out past the right edge of the queue or the application', async () => {
    // Given a clerk on a 360 px wide screen, in English
    const { page, errors } = await site.page(site.tokens.clerk, { viewport: PHONE, locale: 'en' });
    await poll(() => queueRows(page).count()).toBe(1);
    // Then every row is a card: each value has its column's name beside it
    expect(await labels(page)).toEqual(['"Number"', '"Service"', '"Applicant"', '"State"', '"Submitted"', '"Deadline"']);
    await poll(() => overflowing(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'small-360-queue');

    // When the application is opened, it fits too
    await page.getByRole('button', { name: /^Open application / }).click();
    await applicationLoaded(page);
    await poll(() => overflowing(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'small-360-application', true);

    // And so does the supplement request, with its flag column, reason and count
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    await page.getByRole('button', { name: /^Request a supplement/ }).click();
    await page.getByRole('checkbox', { name: "Correct “Newborn's name”" }).check();
    await page.getByLabel("Why “Newborn's name” must be corrected").fill('Does not match the birth certificate');
    await poll(() => overflowing(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'small-360-supplement', true);
    expect(errors).toEqual([]);
  });

  it('keeps the table with its column headers on a wide screen', async () => {
    const { page, errors } = await site.page(site.tokens.clerk, { locale: 'en' });
    await poll(() => queueRows(page).count()).toBe(1);
    expect(await page.locator('ot-queue thead th').first().isVisible()).toBe(true);
    expect(await labels(page)).toEqual(Array(6).fill('none'));
    expect(errors).toEqual([]);
  });
});

describe('the region in English', () => {
  it('keeps the Chinese division name, marked lang="zh-CN" for screen readers, beside its code', async () => {
    const { page, errors } = await site.page(site.tokens.clerk, { locale: 'en' });
    await poll(() => page.locator('ot-queue .region [lang="zh-CN"]').count()).toBe(1);
    expect(await page.locator('ot-queue .region').textContent()).toBe(`湖北省鄂州市华容区 (${REGION})`);
    expect(await page.locator('ot-workbench header [lang="zh-CN"]').first().textContent()).toBe('湖北省鄂州市华容区');
    await page.goto(`${site.url}/workbench/#/applications/${id}`);
    await applicationLoaded(page);
    expect(await page.locator('ot-application .summary [lang="zh-CN"]').textContent()).toBe('湖北省鄂州市华容区');
    // and so is a division the applicant gave (the place of birth)
    expect(await fieldRow(page, 'child.birthPlace').locator('td').textContent()).toBe('湖北省鄂州市鄂城区 (420704)');
    expect(await fieldRow(page, 'child.birthPlace').locator('td [lang="zh-CN"]').textContent()).toBe('湖北省鄂州市鄂城区');
    expect(errors).toEqual([]);
  });
});

/** The text of what a control's aria-describedby points at, in its shadow root. */
const description = (control: import('playwright-core').Locator) =>
  control.evaluate((el) => {
    const root = el.getRootNode() as ShadowRoot;
    return (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? `(no #${id})`)
      .join(' | ');
  });

describe('the reasons of a supplement request', () => {
  it('counts down the characters left, says so to screen readers near the limit only, and keeps a pasted overflow as an error instead of cutting it', async () => {
    // Given a clerk writing a supplement request for the newborn's name
    const mine = await submitNewborn(site);
    const { page, errors } = await site.page(site.tokens.clerk, { hash: `#/applications/${mine}` });
    await applicationLoaded(page);
    await page.getByRole('button', { name: '签收', exact: true }).click();
    await poll(() => stateBadge(page).textContent()).toBe('预审');
    await page.getByRole('button', { name: '一次性告知补正' }).click();
    await page.getByRole('checkbox', { name: '需补正 “新生儿姓名”' }).check();
    const reason = page.getByLabel('“新生儿姓名”的补正理由');
    const live = page.locator('ot-review-data .flag-box [aria-live="polite"]');
    // Then the reason says how much may be written, without announcing it
    expect(await description(reason)).toBe('还可输入 500 字');
    expect(await live.textContent()).toBe('');

    // When it nears the limit, the count is announced politely
    await reason.fill('名'.repeat(470));
    expect(await description(reason)).toBe('还可输入 30 字');
    expect(await live.textContent()).toBe('还可输入 30 字');

    // When 600 characters are pasted, all 600 stay, marked as an error that says by how much
    await reason.fill('');
    await reason.focus();
    await page.keyboard.insertText('补'.repeat(600));
    expect(await reason.inputValue()).toHaveLength(600);
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await description(reason)).toBe('已超出 100 字，最多 500 字，请精简');
    expect(await live.textContent()).toBe('已超出 100 字，最多 500 字，请精简');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'supplement-reason-too-long');

    // And the request is not sent until it fits
    await page.getByRole('button', { name: '检查并发送' }).click();
    await poll(() => page.locator('ot-application .flagbar .problem').textContent()).toBe('每项理由和总体说明最多 500 字，请精简');
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('counts the general note in English too', async () => {
    const mine = await submitNewborn(site);
    const { page, errors } = await site.page(site.tokens.clerk, { hash: `#/applications/${mine}`, locale: 'en' });
    await applicationLoaded(page);
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    await page.getByRole('button', { name: /^Request a supplement/ }).click();
    const note = page.getByLabel('General note (optional)');
    await note.fill('Please bring the originals');
    expect(await description(note)).toBe('474 characters left');
    expect(await page.locator('ot-application .flagbar [aria-live="polite"]').textContent()).toBe('');
    await note.fill('n'.repeat(499));
    expect(await description(note)).toBe('1 character left');
    await note.fill('n'.repeat(501));
    expect(await description(note)).toBe('1 character too many (at most 500); shorten it');
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('counts an action’s reason in its dialog too, and does not send one longer than the engine keeps', async () => {
    // Given a clerk rejecting a claimed application
    const mine = await submitNewborn(site);
    const { page, errors } = await site.page(site.tokens.clerk, { hash: `#/applications/${mine}` });
    await applicationLoaded(page);
    await page.getByRole('button', { name: '签收', exact: true }).click();
    await poll(() => stateBadge(page).textContent()).toBe('预审');
    await page.getByRole('button', { name: '不予受理' }).click();
    const dialog = page.getByRole('dialog');
    const reason = page.getByLabel('理由（必填，申请人可见）');
    expect(await description(reason)).toBe('还可输入 2000 字');
    // When 2,100 characters are pasted, they all stay and the count says by how much they are too many
    await reason.focus();
    await page.keyboard.insertText('拒'.repeat(2100));
    expect(await reason.inputValue()).toHaveLength(2100);
    expect(await description(reason)).toBe('已超出 100 字，最多 2000 字，请精简');
    // Then confirming sends nothing: the dialog stays open and the application where it was
    await dialog.getByRole('button', { name: '确认不予受理' }).click();
    await poll(() => focused(page)).toBe('理由（必填，申请人可见）'); // back to the text that is too long
    expect(await dialog.isVisible()).toBe(true);
    expect(await stateBadge(page).textContent()).toBe('预审');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
