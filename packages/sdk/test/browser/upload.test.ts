import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, fill } from '../../../../examples/testing/newborn-birth.js';
import { ready, settled, startSite, type Site } from './harness.js';
import { composed, form } from './newborn-portal.js';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.close());

/** A PDF of `bytes` bytes (the server sniffs the type from its first bytes). */
const pdf = (name: string, bytes: number) => ({ name, mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes - 9, 0x20)]) });

describe('uploading a material through the SDK', () => {
  it('moves the progress bar as the bytes go out, and stops the upload when the file is removed', async () => {
    const { page, errors } = await site.open('/portal/');
    await ready(page);
    // Given the father applies, so the mother's power of attorney is asked for
    await answer(form(page), composed, { bornInHubeiInstitution: '是', settleInHubei: '否', wantsSocialSecurityCard: '否' });
    await fill(form(page), composed, 'applicant.relationshipToChild', { option: '父亲' });
    const input = form(page).locator('[id="m-power-of-attorney-file"]');
    // And a connection that uploads about 400 KB a second
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });

    // When a 1.5 MB file is picked
    await input.setInputFiles(pdf('委托书.pdf', 1_500_000));
    // Then the bar shows the bytes sent so far: it is seen between the start and the end, not only at 0 and 100 %
    const seen = new Set<number>();
    const progress = form(page).locator('.file--uploading progress');
    await expect
      .poll(async () => {
        const value = await progress.evaluate((el: HTMLProgressElement) => el.value, undefined, { timeout: 1_000 }).catch(() => undefined);
        if (value !== undefined) seen.add(Math.round(value * 100));
        return [...seen].some((percent) => percent >= 10 && percent <= 90);
      }, settled)
      .toBe(true);
    await expect.poll(() => form(page).locator('.file--done .file-name').allTextContents(), { ...settled, timeout: 30_000 }).toEqual(['委托书.pdf']);
    const draft = await page.evaluate(() => JSON.parse(Object.entries(localStorage).find(([k]) => k.includes(':draft:newborn-birth:'))![1]));
    await expect.poll(async () => (await site.server.store.attachments(draft.id)).map((a) => a.name), settled).toEqual(['委托书.pdf']);

    // When the file is replaced, and the new one is removed while it is still on its way
    await form(page).getByRole('button', { name: '删除文件 委托书.pdf' }).click();
    const failed: string[] = [];
    page.on('requestfailed', (r) => void (r.url().includes('/materials/') && failed.push(r.failure()?.errorText ?? '')));
    await input.setInputFiles(pdf('第二份.pdf', 3_000_000));
    await expect.poll(() => progress.evaluate((el: HTMLProgressElement) => el.value, undefined, { timeout: 1_000 }).catch(() => 0), settled).toBeGreaterThan(0.05);
    await form(page).getByRole('button', { name: '删除文件 第二份.pdf' }).click();
    // Then the request is aborted: the server never stores that file, and the form forgets it
    await expect.poll(() => failed, settled).toEqual(['net::ERR_ABORTED']);
    expect(await form(page).locator('.file').count()).toBe(0);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect((await site.server.store.attachments(draft.id)).map((a) => a.name)).toEqual(['委托书.pdf']);
    expect(await form(page).evaluate((el: any) => el.materials['power-of-attorney'])).toBeUndefined();
    expect(errors).toEqual([]);
  }, 90_000);
});
