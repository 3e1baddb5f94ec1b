import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api/client.js';
import { newborn } from '../fixtures.js';
import { token } from '../server.js';
import { axe, screenshot, settled, startSite, type Site } from './harness.js';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.close());

const region = '420703';

/** Calls the API as staff. */
async function act(bearer: string, id: string, body: Record<string, unknown>) {
  const current = await (await fetch(`${site.server.url}/api/applications/${id}`, { headers: { authorization: `Bearer ${bearer}` } })).json();
  const response = await fetch(`${site.server.url}/api/applications/${id}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ revision: current.application.revision, ...body }),
  });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return (await response.json()).application;
}

/** A newborn application the citizen submitted through the API; its id. */
async function submitted(citizen: string, key: string): Promise<string> {
  const api = createApiClient({ server: site.server.url, token: citizen });
  const { application } = await api.createDraft('newborn-birth', undefined, `${key}-create-0001`);
  await api.submit(application.id, newborn, `${key}-submit-0001`, {});
  return application.id;
}

/** Puts `<tag>` for the application at the top of the page. */
function show(page: Page, tag: 'ot-status' | 'ot-rating', id: string, bearer: string): Promise<void> {
  return page.evaluate(
    ({ tag, id, bearer }) => {
      const element = Object.assign(document.createElement(tag), { server: location.origin, application: id, token: bearer });
      document.querySelector('main')!.prepend(element);
    },
    { tag, id, bearer },
  );
}

/** What the workbench shows for an instant: China Standard Time. */
const chinaTime = (iso: string) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
const chinaDay = (iso: string) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(new Date(Date.parse(iso) - 1));

describe('<ot-status> for an applicant whose browser is not in China time', () => {
  it('shows times and last days in China time, names flagged fields with their group, and stops a supplement upload when removed', async () => {
    const citizen = await token({ sub: 'citizen-status-utc', region });
    const clerk = await token({ sub: 'clerk-utc', roles: ['clerk'], region, department: 'huarong-service-centre' });
    // Given a submitted application whose window asks for the clinic's name and the mother's ID card again
    const id = await submitted(citizen, 'status-utc');
    await act(clerk, id, { type: 'CLAIM' });
    await act(clerk, id, { type: 'REQUEST_SUPPLEMENT', payload: { fields: ['mother.name', 'vaccination-certificate.clinicName'], materials: ['mother-id-card'], reason: '请补充' } });
    const requested = await createApiClient({ server: site.server.url, token: citizen }).application(id, {});
    const submit = requested.timeline!.find((e) => e.event === 'SUBMIT')!;
    const due = Object.values(requested.flow!.deadlines as Record<string, { due: string; event: string }>).find((d) => d.event === 'SUPPLEMENT_EXPIRED')!.due;

    // When the applicant opens the status in a browser set to UTC
    const context = await site.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' });
    const { page, errors } = await site.open(`/portal/#token=${citizen}`, { context });
    await show(page, 'ot-status', id, citizen);
    const status = page.locator('ot-status');
    await expect.poll(() => status.locator('#ot-supplement-title').count(), settled).toBe(1);

    // Then the submission time is China time (08:00 ahead of the browser), as the workbench shows it
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
    expect(await status.locator(`.timeline time[datetime="${submit.at}"]`).textContent()).toBe(chinaTime(submit.at));
    expect(chinaTime(submit.at)).not.toBe(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(submit.at)));
    // And the supplement's time limit reads as its last day in China
    expect(await status.locator('[part="supplement"] > p strong').first().textContent()).toBe(`请在 ${chinaDay(due)}（含当日）前补正，逾期视为撤回申请。`);
    // And a flagged field is named with its group, as in the workbench and the notifications (unless its own title begins with it)
    await screenshot(page, 'status-utc-china-time');
    expect(await status.locator('[part="supplement"] > dl li').allTextContents()).toEqual(['母亲姓名', '预防接种证办理 · 拟接种单位', '母亲居民身份证']);

    // Given an ID card on its way (slowly)
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 200 * 1024 });
    const failed: string[] = [];
    page.on('requestfailed', (r) => void (r.url().includes('/materials/') && failed.push(r.failure()?.errorText ?? '')));
    const file = { name: '身份证.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000_000, 0x20)]) };
    await status.locator('ot-form [id="m-mother-id-card-mode-upload"]').check();
    await status.locator('ot-form [id="m-mother-id-card-file"]').setInputFiles(file);
    await expect.poll(() => status.locator('ot-form .file--uploading progress').evaluate((el: HTMLProgressElement) => el.value, undefined, { timeout: 1_000 }).catch(() => 0), settled).toBeGreaterThan(5);
    // When the page takes the status away
    await page.evaluate(() => document.querySelector('ot-status')!.remove());
    // Then the upload is aborted and the server stores nothing
    await expect.poll(() => failed, settled).toEqual(['net::ERR_ABORTED']);
    expect(await site.server.store.attachments(id)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});

describe('<ot-rating> stars', () => {
  it('are met by keyboard and screen reader in the order they are seen, 1 to 5, and ArrowRight gives the next higher score', async () => {
    const citizen = await token({ sub: 'citizen-rating-keys', region });
    const clerk = await token({ sub: 'clerk-rating', roles: ['clerk'], region, department: 'huarong-service-centre' });
    const cdc = await token({ sub: 'reviewer-cdc-rating', roles: ['reviewer:huarong-cdc'], region });
    // Given a finished application
    const id = await submitted(citizen, 'rating-keys');
    await act(clerk, id, { type: 'CLAIM' });
    await act(clerk, id, { type: 'ACCEPT' });
    await act(cdc, id, { type: 'APPROVE', item: 'vaccination-certificate' });
    const { page, errors } = await site.open(`/portal/#token=${citizen}`);
    await show(page, 'ot-rating', id, citizen);
    const rating = page.locator('ot-rating');
    await expect.poll(() => rating.getByRole('radio').count(), settled).toBe(5);

    // Then the radios' accessible names read in DOM order 1 星 … 5 星, left to right on screen
    const stars = rating.getByRole('radio');
    expect(await Promise.all([0, 1, 2, 3, 4].map((i) => stars.nth(i).getAttribute('value')))).toEqual(['1', '2', '3', '4', '5']);
    for (const n of [1, 2, 3, 4, 5]) expect(await rating.getByRole('radio', { name: `${n} 星`, exact: true }).getAttribute('value')).toBe(String(n));
    const lefts = await rating.locator('.stars label').evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().left));
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));

    // When the applicant tabs into the group and presses ArrowRight twice
    await rating.locator('legend').click();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.querySelector('ot-rating')!.shadowRoot!.activeElement as HTMLInputElement | null)?.value)).toBe('1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Then 3 is chosen, and stars 1 to 3 are lit, 4 and 5 not
    expect(await rating.getByRole('radio', { name: '3 星', exact: true }).isChecked()).toBe(true);
    const colours = await rating.locator('.stars label').evaluateAll((labels) => labels.map((l) => getComputedStyle(l).color));
    expect(colours.slice(0, 3).every((c) => c === colours[0]) && colours.slice(3).every((c) => c === colours[3]) && colours[0] !== colours[3]).toBe(true);
    // And ArrowLeft goes back down
    await page.keyboard.press('ArrowLeft');
    expect(await rating.getByRole('radio', { name: '2 星', exact: true }).isChecked()).toBe(true);
    // And pointing at the 4th star lights 1 to 4 (not the chosen 2), taking the pointer away shows 2 again
    const lit = () => rating.locator('.stars label').evaluateAll((labels) => labels.map((l) => getComputedStyle(l).color));
    const on = colours[0];
    await rating.locator('label[for="score-4"]').hover();
    expect((await lit()).map((c) => c === on)).toEqual([true, true, true, true, false]);
    await rating.locator('legend').hover();
    expect((await lit()).map((c) => c === on)).toEqual([true, true, false, false, false]);
    await screenshot(page, 'rating-keyboard-2-stars');

    expect(await axe(page)).toEqual([]);

    // When the applicant sends it
    await rating.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => rating.locator('[role="status"]').textContent(), settled).toBe('您的评价：2 星');
    expect(await site.server.store.getRating(id)).toMatchObject({ score: 2 });
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);
});
