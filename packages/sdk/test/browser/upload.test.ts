import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, fill } from '../../../../examples/testing/newborn-birth.js';
import { ready, settled, startSite, type Site } from './harness.js';
import { composed, form } from './newborn-portal.js';

// The server takes uploads of at most 4 MiB here, below the material's own 5 MiB limit, so the
// form lets a 4.5 MB file through and only the server refuses it (413).
const SERVER_LIMIT = 4 * 1024 * 1024;

let site: Site;
beforeAll(async () => {
  site = await startSite({ server: { limits: { uploadBytes: SERVER_LIMIT } } });
});
afterAll(() => site?.close());

/** A PDF of `bytes` bytes (the server sniffs the type from its first bytes). */
const pdf = (name: string, bytes: number) => ({ name, mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes - 9, 0x20)]) });

/** The father applies, so the mother's power of attorney is asked for: its file input. */
async function powerOfAttorney(page: Page) {
  await ready(page);
  await answer(form(page), composed, { bornInHubeiInstitution: '是', settleInHubei: '否', wantsSocialSecurityCard: '否' });
  await fill(form(page), composed, 'applicant.relationshipToChild', { option: '父亲' });
  return form(page).locator('[id="m-power-of-attorney-file"]');
}

/** Uploads go out at about `kbps` KB a second (CDP network emulation); `-1` lifts the limit. */
async function throttle(page: Page, kbps: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: kbps < 0 ? 0 : 20, downloadThroughput: -1, uploadThroughput: kbps < 0 ? -1 : kbps * 1024 });
  return cdp;
}

/** Records every text the power of attorney's polite live region takes, from now on. */
async function recordNews(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const formRoot = document.querySelector('ot-service')!.shadowRoot!.querySelector('ot-form')!.shadowRoot!;
    const region = formRoot.getElementById('m-power-of-attorney-news')!;
    const said: string[] = ((window as unknown as { __news: string[] }).__news = []);
    new MutationObserver(() => {
      const text = region.textContent!.trim();
      if (text && text !== said.at(-1)) said.push(text);
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __news: string[] }).__news);
}

/** The first upload progress bar as the accessibility tree has it (what screen readers get): role, name, value. */
async function progressBar(page: Page): Promise<{ role: string; name: string; value: number; max: number } | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const found = await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector('ot-service').shadowRoot.querySelector('ot-form').shadowRoot.querySelector('.file--uploading progress')`,
    });
    if (!found.result.objectId) return undefined;
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: found.result.objectId, fetchRelatives: false });
    const node = nodes[0]!;
    return {
      role: String(node.role?.value),
      name: String(node.name?.value),
      value: Number(node.value?.value),
      max: Number(node.properties?.find((p) => p.name === 'valuemax')?.value.value),
    };
  } finally {
    await cdp.detach();
  }
}

/** The draft the portal keeps on the device (its server id). */
const draftId = (page: Page) => page.evaluate(() => JSON.parse(Object.entries(localStorage).find(([k]) => k.includes(':draft:newborn-birth:'))![1]).id as string);

describe('uploading a material through the SDK', () => {
  it('moves the progress bar as the bytes go out, announces it by quarters, and stops the upload when the file is removed', async () => {
    const { page, errors } = await site.open('/portal/');
    const input = await powerOfAttorney(page);
    // Given a connection that uploads about 400 KB a second
    const cdp = await throttle(page, 400);
    const news = await recordNews(page);

    // When a 1.5 MB file is picked
    await input.setInputFiles(pdf('委托书.pdf', 1_500_000));
    // Then the bar shows the bytes sent so far: it is seen between the start and the end, not only at 0 and 100 %
    const seen = new Set<number>();
    const progress = form(page).locator('.file--uploading progress');
    await expect
      .poll(async () => {
        const value = await progress.evaluate((el: HTMLProgressElement) => el.value, undefined, { timeout: 1_000 }).catch(() => undefined);
        if (value !== undefined) seen.add(value);
        return [...seen].some((percent) => percent >= 10 && percent <= 90);
      }, settled)
      .toBe(true);
    // And a screen reader gets it as a named progress bar with the percentage as its value (on screen,
    // as it is for the person who just picked the file: off screen, the section's layout is skipped)
    await progress.scrollIntoViewIfNeeded();
    let bar: Awaited<ReturnType<typeof progressBar>>;
    await expect.poll(async () => (bar = await progressBar(page))?.role, settled).toBe('progressbar');
    expect(bar).toMatchObject({ role: 'progressbar', name: '正在上传 委托书.pdf', max: 100 });
    expect(bar!.value).toBeGreaterThan(0);
    expect(bar!.value).toBeLessThan(100);
    await expect.poll(() => form(page).locator('.file--done .file-name').allTextContents(), { ...settled, timeout: 30_000 }).toEqual(['委托书.pdf']);
    const id = await draftId(page);
    await expect.poll(async () => (await site.server.store.attachments(id)).map((a) => a.name), settled).toEqual(['委托书.pdf']);
    // And the live region said it started, how far it got by quarters only (not at every tick), and that it is done
    const said = await news();
    expect(said[0]).toBe('正在上传文件“委托书.pdf”…');
    expect(said.at(-1)).toBe('文件“委托书.pdf”已上传');
    const quarters = said.slice(1, -1);
    expect(quarters.length).toBeGreaterThan(0);
    expect(['文件“委托书.pdf”已上传 25%', '文件“委托书.pdf”已上传 50%', '文件“委托书.pdf”已上传 75%']).toEqual(expect.arrayContaining(quarters));
    expect(quarters).toEqual([...new Set(quarters)].sort());

    // When the file is replaced, and the new one is removed while it is still on its way
    await form(page).getByRole('button', { name: '删除文件 委托书.pdf' }).click();
    const failed: string[] = [];
    page.on('requestfailed', (r) => void (r.url().includes('/materials/') && failed.push(r.failure()?.errorText ?? '')));
    await input.setInputFiles(pdf('第二份.pdf', 3_000_000));
    await expect.poll(() => progress.evaluate((el: HTMLProgressElement) => el.value, undefined, { timeout: 1_000 }).catch(() => 0), settled).toBeGreaterThan(5);
    await form(page).getByRole('button', { name: '删除文件 第二份.pdf' }).click();
    // Then the request is aborted: the server never stores that file, and the form forgets it
    await expect.poll(() => failed, settled).toEqual(['net::ERR_ABORTED']);
    expect(await form(page).locator('.file').count()).toBe(0);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect((await site.server.store.attachments(id)).map((a) => a.name)).toEqual(['委托书.pdf']);
    expect(await form(page).evaluate((el: any) => el.materials['power-of-attorney'])).toBeUndefined();
    expect(errors).toEqual([]);
  }, 90_000);

  it('shows the server’s own reason when it refuses a file (415, 413), and keeps what was filled in', async () => {
    const { page, errors } = await site.open('/portal/');
    const input = await powerOfAttorney(page);
    await fill(form(page), composed, 'child.name', { text: '李沐阳' });
    const message = form(page).locator('.file--failed .file-error');

    // When a file says it is a PDF but its bytes are not one
    await input.setInputFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is plain text, not a PDF') });
    // Then the form shows the server's 415 message beside it, and says so in the live region
    await expect.poll(() => message.count(), settled).toBe(1);
    expect(await message.textContent()).toMatchInlineSnapshot(`"文件“伪装.pdf”上传失败：不支持的内容类型：只接受 application/pdf、image/jpeg、image/png、application/ofd"`);
    expect(await form(page).locator('[id="m-power-of-attorney-news"]').textContent()).toBe(await message.textContent());

    // When, after removing it, a PDF within the material's 5 MB but over the server's 4 MiB is picked
    await form(page).getByRole('button', { name: '删除文件 伪装.pdf' }).click();
    await input.setInputFiles(pdf('大文件.pdf', 4_500_000));
    // Then the server's 413 message shows, in the form's language
    await expect.poll(() => message.count(), settled).toBe(1);
    expect(await message.textContent()).toMatchInlineSnapshot(`"文件“大文件.pdf”上传失败：内容超过大小限制：上限 4194304 字节"`);

    // And nothing was stored, and what was typed is still there
    expect(await site.server.store.attachments(await draftId(page))).toEqual([]);
    expect(await form(page).locator('[id="f-child.name"]').inputValue()).toBe('李沐阳');
    expect(await form(page).evaluate((el: any) => el.materials['power-of-attorney'])).toBeUndefined();
    // (Chromium logs every 4xx answer as a console error)
    expect(errors.filter((e) => !/status of 41[35]/.test(e))).toEqual([]);
  }, 60_000);

  it('says the service cannot be reached when the upload gets no answer, and keeps what was filled in', async () => {
    const { page, errors } = await site.open('/portal/');
    const input = await powerOfAttorney(page);
    await fill(form(page), composed, 'child.name', { text: '李沐阳' });
    // Given the connection drops whenever a file is sent
    await page.route('**/materials/**', (route) => route.abort('connectionreset'));
    // When a file is picked
    await input.setInputFiles(pdf('委托书.pdf', 200_000));
    // Then the form says why, in the person's language, and keeps the rest
    const message = form(page).locator('.file--failed .file-error');
    await expect.poll(() => message.count(), settled).toBe(1);
    expect(await message.textContent()).toMatchInlineSnapshot(`"文件“委托书.pdf”上传失败：无法连接到服务，请检查网络"`);
    await form(page).evaluate((el: any) => (el.locale = 'en'));
    await expect.poll(() => message.textContent(), settled).toMatch(/^The file/);
    expect(await message.textContent()).toMatchInlineSnapshot(`"The file “委托书.pdf” could not be uploaded: the service cannot be reached; check your connection"`);
    expect(await form(page).locator('[id="f-child.name"]').inputValue()).toBe('李沐阳');
    expect(errors.filter((e) => !e.includes('ERR_CONNECTION_RESET'))).toEqual([]);
  }, 60_000);

  it('stops an upload under way when the form is destroyed, and stores nothing', async () => {
    const { page, errors } = await site.open('/portal/');
    // Given a form put on the page with createServiceForm (the portal's own one taken away)
    await ready(page);
    // (a string: vitest rewrites import() in the test's own functions)
    await page.evaluate(`(async () => {
      document.querySelector('ot-service').remove();
      const sdk = await import('/sdk/onething-sdk.js');
      const host = document.querySelector('main').appendChild(document.createElement('div'));
      window.__form = await sdk.createServiceForm(host, { server: location.origin, bundle: 'newborn-birth' });
    })()`);
    const input = await powerOfAttorney(page);
    await throttle(page, 200);
    const failed: string[] = [];
    page.on('requestfailed', (r) => void (r.url().includes('/materials/') && failed.push(r.failure()?.errorText ?? '')));
    // And a file on its way
    await input.setInputFiles(pdf('委托书.pdf', 2_000_000));
    await expect.poll(() => form(page).locator('.file--uploading progress').evaluate((el: HTMLProgressElement) => el.value, undefined, { timeout: 1_000 }).catch(() => 0), settled).toBeGreaterThan(5);
    const id = await draftId(page);
    // When the portal destroys the form
    await page.evaluate(() => (window as unknown as { __form: { destroy(): void } }).__form.destroy());
    // Then the request is aborted and the server stores nothing
    await expect.poll(() => failed, settled).toEqual(['net::ERR_ABORTED']);
    expect(await page.locator('ot-service').count()).toBe(0);
    expect(await site.server.store.attachments(id)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
