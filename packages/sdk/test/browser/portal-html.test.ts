import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, answers, fill, fillAll } from '../../../../examples/testing/newborn-birth.js';
import { axe, ready, screenshot, settled, startSite, type Site } from './harness.js';
import { composed, fillShort, form, service } from './newborn-portal.js';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.close());

describe('the plain HTML portal under a strict CSP', () => {
  it('renders the newborn-birth form, validates it and submits it, with no CSP violation', async () => {
    // Given the portal page (script-src 'self', style-src 'self', no inline script, no eval)
    const { page, violations, errors, saves, requests } = await site.open('/portal/');
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    await ready(page);
    expect(await form(page).locator('.title').textContent()).toBe('新生儿出生“一件事”');
    await screenshot(page, 'portal-html-1-start');
    expect(await axe(page)).toEqual([]);

    // When the empty form is submitted, it says what is missing
    await form(page).getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => form(page).locator('.error-summary').count(), settled).toBe(1);

    // When it is filled in completely (the father applies: the mother's power of attorney is uploaded)
    await answer(form(page), composed, answers);
    await fillAll(page, composed);
    await form(page).locator('[id="m-power-of-attorney-file"]').setInputFiles({ name: '委托书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
    await expect.poll(() => form(page).locator('.file--done .file-name').allTextContents(), settled).toEqual(['委托书.pdf']);
    await expect.poll(async () => (await saves()).at(-1), settled).toMatch(/"saved"/);
    expect(await service(page).locator('[part="status"] [role="status"]').textContent()).toMatch(/草稿已于 .* 自动保存/);
    await screenshot(page, 'portal-html-2-filled');
    await form(page).getByRole('button', { name: '提交申请' }).click();

    // Then the server has it, and the page confirms it and shows its progress
    await expect.poll(() => service(page).locator('.panel h2').textContent(), settled).toBe('申请已提交');
    const id = (await service(page).locator('.panel .ref').textContent())!;
    const stored = await site.server.store.getApplication(id);
    expect(stored).toMatchObject({ status: 'open', state: 'reception', owner: null });
    expect(stored?.data['child']).toMatchObject({ name: '李沐阳', birthDate: '2024-11-03' });
    expect(stored?.materials['power-of-attorney']).toMatchObject({ files: [{ name: '委托书.pdf', type: 'application/pdf' }] });
    await expect.poll(() => service(page).locator('ot-status .state').textContent(), settled).toBe('已提交，等待受理');
    await screenshot(page, 'portal-html-3-submitted');

    // And the continuation token, the only credential of this citizen's application, was never in a
    // URL (history, Referer, access logs) nor in any line the server logged
    const receipts = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.endsWith(':receipts')).map(([, v]) => JSON.parse(v)));
    const continuation: string = receipts[0]?.[0]?.continuation;
    expect(continuation).toMatch(/^\S{20,}$/);
    expect(requests.filter((url) => url.includes(continuation))).toEqual([]);
    expect(site.server.logs().length).toBeGreaterThan(0);
    expect(site.server.logs().filter((line) => line.includes(continuation))).toEqual([]);

    // And nothing was blocked by the CSP, and nothing failed in the console
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('offline', () => {
  it('keeps what was typed while the network is cut, through a reload, and saves it when the network is back', async () => {
    const { page, saves, violations } = await site.open('/portal/');
    await ready(page);
    await answer(form(page), composed, { bornInHubeiInstitution: '否', settleInHubei: '否', wantsSocialSecurityCard: '否' });
    await fill(form(page), composed, 'mother.name', { text: '王晓燕' });
    await expect.poll(async () => (await saves()).at(-1), settled).toMatch(/"saved"/);

    // Given the network is cut mid-fill
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await fill(form(page), composed, 'child.name', { text: '李沐阳' });
    await fill(form(page), composed, 'contact.mobile', { text: '13971234567' });
    // Then the page says so clearly, and that the answers are kept
    await expect.poll(() => service(page).locator('.notice--offline').textContent(), settled).toContain('网络连接已断开');
    await screenshot(page, 'portal-html-4-offline');
    expect(await axe(page)).toEqual([]);

    // When the page is reloaded, still without a network
    await page.reload();
    // Then the form comes back from the device with every value
    await expect.poll(() => form(page).locator('[id="f-child.name"]').inputValue(), settled).toBe('李沐阳');
    expect(await form(page).locator('[id="f-mother.name"]').inputValue()).toBe('王晓燕');
    expect(await form(page).locator('[id="f-contact.mobile"]').inputValue()).toBe('13971234567');
    expect(await service(page).locator('.notice--offline').count()).toBe(1);
    await screenshot(page, 'portal-html-5-offline-reloaded');

    // When the network is back, the draft on the server catches up by itself
    const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes(':draft:newborn-birth:anonymous'))!);
    const id = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!).id as string, key);
    await page.unroute('**/api/**');
    await expect.poll(async () => (await site.server.store.getApplication(id))?.data, { timeout: 40_000, interval: 500 }).toMatchObject({
      mother: { name: '王晓燕' },
      child: { name: '李沐阳' },
      contact: { mobile: '13971234567' },
    });
    await expect.poll(() => service(page).locator('.notice--offline').count(), settled).toBe(0);
    expect(await violations()).toEqual([]);
  }, 90_000);
});

describe('submitting once', () => {
  it('makes one application from a submission whose answer was lost and two fast clicks after it', async () => {
    const applications = async () => (await site.server.store.listApplications({ order: 'updated', limit: 100 })).items;
    const before = (await applications()).length;
    const { page, saves, errors } = await site.open('/portal/');
    await ready(page);
    await fillShort(page);
    await expect.poll(async () => (await saves()).at(-1), settled).toMatch(/"saved"/);

    // Given the first submission reaches the server but its answer is lost on the way back
    await page.route('**/submit', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    }, { times: 1 });
    await form(page).getByRole('button', { name: '提交申请' }).click();
    // Then the person is told it did not go through, with every value still there
    await expect.poll(() => service(page).locator('#ot-submit-error').textContent(), settled).toContain('提交失败：无法连接到服务');
    expect(await form(page).locator('[id="f-child.name"]').inputValue()).toBe('李沐阳');
    await screenshot(page, 'portal-html-6-submit-lost');

    // When they click submit twice, fast
    await form(page).getByRole('button', { name: '提交申请' }).dblclick();
    // Then the application is confirmed, and there is exactly one (the draft that became it)
    await expect.poll(() => service(page).locator('.panel h2').textContent(), settled).toBe('申请已提交');
    const id = (await service(page).locator('.panel .ref').textContent())!;
    const all = await applications();
    expect(all.length).toBe(before + 1);
    expect(all.filter((a) => a.id === id).map((a) => a.status)).toEqual(['open']);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});


describe('the element on a page that changes', () => {
  it('sends a change the autosave had not sent yet when the service element is moved in the page', async () => {
    const { page, saves } = await site.open('/portal/');
    await ready(page);
    await answer(form(page), composed, { bornInHubeiInstitution: '否', settleInHubei: '否', wantsSocialSecurityCard: '否' });
    await expect.poll(async () => (await saves()).at(-1), settled).toMatch(/"saved"/);
    const id = await page.evaluate(() => JSON.parse(Object.entries(localStorage).find(([k]) => k.includes(':draft:newborn-birth:'))![1]).id as string);
    // Given autosave waits a minute, and the portal moves the element (a framework re-parenting it)
    const move = () =>
      page.evaluate(() => {
        const service = document.querySelector('ot-service') as HTMLElement & { autosaveDelay: number };
        service.autosaveDelay = 60_000;
        const box = document.createElement('div');
        document.querySelector('main')!.append(box);
        box.append(service);
      });
    await move();
    // When the person types and the element is moved again before the autosave ran
    await fill(form(page), composed, 'mother.name', { text: '王晓燕' });
    await move();
    // Then the change reaches the server without waiting for another one
    await expect.poll(async () => (await site.server.store.getApplication(id))?.data['mother'], settled).toEqual({ name: '王晓燕' });
  });

  it('exports every part the form uses, so a portal can style any of them from outside', async () => {
    const { page } = await site.open('/portal/');
    await ready(page);
    await answer(form(page), composed, { bornInHubeiInstitution: '是', settleInHubei: '是', wantsSocialSecurityCard: '是' });
    await form(page).getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => form(page).locator('.error-summary').count(), settled).toBe(1);
    const { used, exported } = await form(page).evaluate((el) => ({
      used: [...new Set([...el.shadowRoot!.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part')!.split(/\s+/)))].sort(),
      exported: el.getAttribute('exportparts')!.split(',').map((p) => p.trim()),
    }));
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((part) => !exported.includes(part))).toEqual([]);
  });

  it('refuses createServiceForm without a server or a bundle at once, instead of never resolving', async () => {
    const { page } = await site.open('/portal/');
    // (a string: vitest rewrites import() in the test's own functions)
    const message = await page.evaluate(`import('/sdk/onething-sdk.js').then((sdk) =>
      sdk.createServiceForm(document.createElement('div'), { bundle: 'newborn-birth' }).then(() => 'resolved', (e) => e.name + ': ' + e.message))`);
    expect(message).toBe('TypeError: createServiceForm: the options `server` and `bundle` are required');
  });
});

describe('the autosave line', () => {
  it('says when the draft was saved, and keeps “Saving…” out of what a screen reader hears after every pause', async () => {
    const { page, saves } = await site.open('/portal/');
    await ready(page);
    // Given every change of the live region is recorded
    await page.locator('ot-service').evaluate((el) => {
      const live = el.shadowRoot!.querySelector('[part="status"] [role="status"]')!;
      const heard: string[] = ((window as unknown as { __heard: string[] }).__heard = []);
      new MutationObserver(() => heard.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
    });
    // When the person answers, pauses, types, pauses
    await answer(form(page), composed, { bornInHubeiInstitution: '否', settleInHubei: '否', wantsSocialSecurityCard: '否' });
    await expect.poll(async () => (await saves()).filter((s) => s.includes('"saved"')).length, settled).toBe(1);
    await fill(form(page), composed, 'mother.name', { text: '王晓燕' });
    await expect.poll(async () => (await saves()).filter((s) => s.includes('"saved"')).length, settled).toBe(2);
    // Then autosave was saving twice, but the live region only ever said when the draft was saved
    expect((await saves()).filter((s) => s.includes('"saving"')).length).toBeGreaterThanOrEqual(2);
    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.filter((text) => !/^草稿已于 \d\d:\d\d 自动保存$/.test(text))).toEqual([]);
  });
});
