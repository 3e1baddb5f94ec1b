import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../fixtures.js';
import { axe, screenshot, startDesigner, type DesignerSite } from './harness.js';
import { poll } from './steps.js';

let site: DesignerSite;
beforeAll(async () => {
  site = await startDesigner();
});
afterAll(async () => site?.close());

const vaccination = JSON.parse(readFileSync(join(EXAMPLES, 'items/vaccination-certificate.json'), 'utf8'));

describe('exporting and importing definitions', () => {
  it('exports a bundle with its items and dictionaries as a zip, which imports back as “already published”', async () => {
    const { page, errors } = await site.page();
    await page.locator('ot-catalog').getByRole('button', { name: /新生儿出生“一件事”/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
    expect(download.suggestedFilename()).toBe('newborn-birth-1.0.0.zip');
    const path = await download.path();
    const files = unzipSync(readFileSync(path));
    expect(Object.keys(files).sort()).toEqual([
      'bundles/newborn-birth.json',
      'concepts/onething-examples.json',
      'items/birth-medical-certificate.json',
      'items/household-registration.json',
      'items/medical-insurance-enrolment.json',
      'items/social-security-card.json',
      'items/vaccination-certificate.json',
    ]);
    expect(JSON.parse(strFromU8(files['items/vaccination-certificate.json']!))).toEqual(vaccination);

    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('ot-import-panel input[type=file]').setInputFiles([{ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: readFileSync(path) }]);
    await poll(() => page.locator('ot-import-panel tbody tr').count()).toBe(7);
    expect(await page.locator('ot-import-panel tbody').innerText()).toContain('已发布（内容相同）');
    expect(await page.getByRole('button', { name: '发布 0 个定义' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('checks dropped files before accepting them: broken files are listed with their problems and block the import', async () => {
    const { page, errors } = await site.page();
    await page.getByRole('button', { name: '导入' }).click();
    const unknownConcept = structuredClone(vaccination);
    unknownConcept.id = 'vaccination-record-transfer';
    unknownConcept.schema.properties.child.properties.name = { 'x-concept': 'child.nickname' };
    await page.locator('ot-import-panel input[type=file]').setInputFiles([
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "kind": "item", "id": ') },
      { name: 'vaccination-record-transfer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(unknownConcept)) },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
    ]);
    const diagnostics = page.locator('ot-import-panel ot-diagnostics li');
    await poll(() => diagnostics.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(
      expect.arrayContaining(['import-unreadable', 'json-syntax-error', 'unknown-concept']),
    );
    expect(await page.locator('ot-import-panel ot-diagnostics li[data-code="unknown-concept"]').innerText()).toContain('child.nickname');
    expect(await page.locator('ot-import-panel').getByRole('button', { name: /^发布 \d+ 个定义$/ }).isDisabled()).toBe(true);
    expect(await page.locator('ot-import-panel .actions .status').textContent()).toBe('存在错误，修正后才能导入');
    await screenshot(page, 'import-diagnostics');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('publishes a partner region’s new version of an item once it checks clean, and the catalog shows it', async () => {
    const { page, errors } = await site.page();
    await page.getByRole('button', { name: '导入' }).click();
    const next = { ...vaccination, version: '1.1.0', title: { 'zh-CN': '预防接种证办理（新版）', en: 'Issue of the vaccination certificate (new)' } };
    await page.locator('ot-import-panel input[type=file]').setInputFiles([{ name: 'vaccination-certificate.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)) }]);
    await poll(() => page.locator('ot-import-panel ot-diagnostics .ok').textContent()).toContain('没有发现问题');
    await page.getByRole('button', { name: '发布 1 个定义' }).click();
    await poll(() => page.locator('ot-import-panel [role="status"]').first().textContent()).toBe('已导入：1 个新发布，0 个已存在');
    await poll(() => page.locator('ot-catalog li[data-item="vaccination-certificate"]').innerText()).toContain('预防接种证办理（新版）');
    const versions = await (await fetch(`${site.url}/api/definitions/item/vaccination-certificate/versions`, { headers: { authorization: `Bearer ${site.adminToken}` } })).json();
    expect(versions.items.map((r: { version: string; status: string }) => `${r.version} ${r.status}`).sort()).toEqual(['1.0.0 published', '1.1.0 published']);
    expect(errors).toEqual([]);
  });
});
