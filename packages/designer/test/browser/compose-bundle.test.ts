import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, screenshot, startDesigner, type DesignerSite } from './harness.js';
import { catalogItem, dropZone, openTab, poll } from './steps.js';

let site: DesignerSite;
beforeAll(async () => {
  site = await startDesigner();
});
afterAll(async () => site?.close());

async function api(path: string) {
  const response = await fetch(`${site.url}${path}`, { headers: { authorization: `Bearer ${site.adminToken}` } });
  return response.json() as Promise<any>;
}

describe('composing a bundle in the designer', () => {
  it('composes a bundle from two items dragged in from the catalog: one merged form, the reductions, then a first published version', async () => {
    const { page, errors } = await site.page();
    await page.getByRole('button', { name: '+ 新建组合' }).click();
    await poll(() => page.locator('ot-composer .empty').textContent()).toContain('组合中还没有事项');

    // Given a new bundle, when the administrator drags two items onto it,
    await catalogItem(page, '预防接种证办理').dragTo(dropZone(page));
    await poll(() => page.locator('ot-bundle-entry').count()).toBe(1);
    await poll(() => page.locator('ot-composer ot-form').count()).toBe(1);
    await catalogItem(page, '出生医学证明首次签发').dragTo(dropZone(page));
    // then both are in the bundle, in that order, each resolving to its published version,
    await poll(() => page.locator('ot-bundle-entry .title').allTextContents()).toEqual(['1预防接种证办理', '2出生医学证明首次签发']);
    await poll(() => page.locator('ot-bundle-entry .resolves').allTextContents()).toEqual(['当前解析为 1.0.0', '当前解析为 1.0.0']);
    // the catalog marks them as added,
    await poll(() => catalogItem(page, '预防接种证办理').locator('button.add').textContent()).toContain('已加入');
    // the reductions say two trips become none, and
    const figures = (metric: string) => page.locator(`ot-metrics [data-metric="${metric}"]`).locator('.percent, .figures strong').allTextContents();
    await poll(() => figures('trips')).toEqual(['减少 100%', '2', '0']);
    expect(await figures('materials')).toEqual(['减少 80%', '5', '1']);
    // the preview asks the shared fields once (the mother's name is asked by both items).
    const form = page.locator('ot-composer ot-form');
    await poll(() => form.getByLabel('母亲姓名', { exact: false }).count()).toBe(1);
    await poll(() => form.getByRole('heading', { name: '新生儿', exact: true }).count()).toBe(1);
    await poll(() => page.getByRole('tab', { name: /检查结果/ }).textContent()).toContain('✓');
    await screenshot(page, 'composer-new-bundle');

    // When it is saved as a draft and published,
    await page.getByLabel('名称（中文）').fill('新生儿接种与出生证明');
    await page.getByLabel('名称（中文）').press('Tab');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await poll(() => page.locator('ot-composer .bar [role="status"]').textContent()).toContain('草稿已保存（修订 1）');
    await page.getByRole('button', { name: '发布版本' }).click();
    const dialog = page.locator('ot-publish-dialog dialog');
    await poll(() => dialog.textContent()).toContain('这是第一个发布的版本');
    await dialog.getByRole('button', { name: '发布 1.0.0' }).click();
    // then the version is published and immutable.
    await poll(() => page.locator('ot-composer .bar [role="status"]').textContent()).toContain('已发布 new-bundle 1.0.0');
    await poll(() => page.getByText('已发布的版本不可修改。').count()).toBe(1);
    const versions = await api('/api/definitions/bundle/new-bundle/versions');
    expect(versions.items.map((r: { version: string; status: string }) => `${r.version} ${r.status}`)).toEqual(['1.0.0 published']);
    expect(errors).toEqual([]);
  });

  it('shows a concept conflict naming both items, and will not publish it', async () => {
    const { page, errors } = await site.page();
    await page.getByRole('button', { name: '+ 新建组合' }).click();
    await page.getByRole('button', { name: '将“小餐饮经营备案”加入组合' }).click();
    await page.getByRole('button', { name: '将“娱乐场所经营许可”加入组合' }).click();
    await poll(() => page.getByRole('tab', { name: /检查结果/ }).textContent()).toMatch(/检查结果\s*1/);
    await openTab(page, /检查结果/);
    const diagnostic = page.locator('ot-diagnostics li[data-code="concept-bounds-conflict"]');
    await poll(() => diagnostic.innerText()).toContain('事项“entertainment-venue-licence” 的 minimum 200 与 事项“small-catering-filing” 的 maximum 50 相互矛盾');
    // both places are named, by title
    expect(await diagnostic.innerText()).toContain('娱乐场所经营许可 (entertainment-venue-licence@1.0.0)');
    expect(await diagnostic.innerText()).toContain('相关位置: 小餐饮经营备案 (small-catering-filing@1.0.0)');
    expect(await page.getByRole('button', { name: '发布版本' }).isDisabled()).toBe(true);
    await screenshot(page, 'composer-concept-conflict');

    // The same diagnostic in English after switching the language.
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => diagnostic.innerText()).toContain('minimum 200 from item "entertainment-venue-licence" contradicts maximum 50 from item "small-catering-filing"');
    expect(await page.getByRole('tab', { name: /Diagnostics/ }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('checks a new version for breaking changes: a removed item needs a major version', async () => {
    const { page, errors } = await site.page();
    await page.locator('ot-catalog').getByRole('button', { name: /新生儿出生“一件事”/ }).click();
    await page.getByRole('button', { name: '基于此版本编辑新版本' }).click();
    await poll(() => page.locator('ot-composer .bar .mono').textContent()).toBe('newborn-birth@1.0.1');
    // Given the social security card is taken out of the bundle,
    await page.getByRole('button', { name: '从组合中移除“社会保障卡申领”' }).click();
    await poll(() => page.locator('ot-bundle-entry').count()).toBe(4);
    // when publishing,
    await page.getByRole('button', { name: '发布版本' }).click();
    const dialog = page.locator('ot-publish-dialog dialog');
    // the check compares with 1.0.0, lists the breaking change and suggests 2.0.0;
    await poll(() => dialog.locator('[data-required]').getAttribute('data-required')).toBe('major');
    expect(await dialog.locator('[data-change="item-removed"]').innerText()).toContain('组合中删除了事项“social-security-card”');
    expect(await dialog.getByLabel('新版本号').inputValue()).toBe('2.0.0');
    await screenshot(page, 'publish-breaking-change');
    // a patch number is refused before the server is asked,
    await dialog.getByLabel('新版本号').fill('1.0.1');
    await poll(() => dialog.locator('#version-problem').textContent()).toContain('版本号 1.0.1 不足以涵盖这些改动，至少需要 2.0.0');
    expect(await dialog.getByRole('button', { name: '发布 1.0.1' }).isDisabled()).toBe(true);
    // and the suggestion publishes.
    await dialog.getByRole('button', { name: /使用建议版本/ }).click();
    await dialog.getByRole('button', { name: '发布 2.0.0' }).click();
    await poll(() => page.locator('ot-composer .bar [role="status"]').textContent()).toContain('已发布 newborn-birth 2.0.0');
    await openTab(page, '版本历史');
    await poll(() => page.locator('ot-version-history li').allInnerTexts()).toEqual([expect.stringMatching(/^2\.0\.0\s+已发布/), expect.stringMatching(/^1\.0\.0\s+已发布/)]);
    const v2 = await api('/api/definitions/bundle/newborn-birth/versions/2.0.0');
    expect(v2.body.items.map((i: { item: string }) => i.item)).not.toContain('social-security-card');
    expect(errors).toEqual([]);
  });

  it('edits the basics and the orchestration settings; cleared fields leave the definition', async () => {
    const { page, errors } = await site.page();
    await page.getByRole('button', { name: '+ 新建组合' }).click();
    await page.getByRole('button', { name: '将“预防接种证办理”加入组合' }).click();
    const value = () => page.locator('ot-composer').evaluate((c: any) => c.value);
    await page.getByLabel('补正次数上限').fill('2');
    await page.getByLabel('补正次数上限').press('Tab');
    await page.getByLabel('组合跑动次数').fill('');
    await page.getByLabel('组合跑动次数').press('Tab');
    await page.getByLabel('说明（中文）').fill('为新生儿办理预防接种证。');
    await page.getByLabel('说明（中文）').press('Tab');
    await poll(value).toMatchObject({ flow: { supplement: { maxRounds: 2 } }, limits: { acceptDays: 1, days: 'working' }, description: { 'zh-CN': '为新生儿办理预防接种证。', en: '为新生儿办理预防接种证。' } });
    expect((await value()).limits).not.toHaveProperty('visits');
    // with the bundle's trips cleared, the bundle counts the largest item value
    await poll(() => page.locator('ot-metrics [data-metric="trips"] .figures strong').allTextContents()).toEqual(['1', '1']);
    await poll(() => page.getByRole('tab', { name: /检查结果/ }).textContent()).toContain('✓');
    await page.getByLabel('补正次数上限').fill('');
    await page.getByLabel('补正次数上限').press('Tab');
    await poll(value).not.toHaveProperty('flow');
    expect(errors).toEqual([]);
  });

  it('previews the form as applicants see it: the guidance answers switch items on and off', async () => {
    const { page, errors } = await site.page();
    await page.locator('ot-catalog').getByRole('button', { name: /新生儿出生“一件事”/ }).click();
    const form = page.locator('ot-composer ot-form');
    const included = () => form.locator('[part~="items"] li').allTextContents();
    await form.getByRole('group', { name: /是否在湖北省内的助产机构出生/ }).getByRole('radio', { name: '是' }).check();
    await form.getByRole('group', { name: /是否随父亲或母亲在湖北省内登记户口/ }).getByRole('radio', { name: '否' }).check();
    await poll(included).toEqual([expect.stringContaining('出生医学证明首次签发'), expect.stringContaining('预防接种证办理')]);
    await form.getByRole('group', { name: /是否随父亲或母亲在湖北省内登记户口/ }).getByRole('radio', { name: '是' }).check();
    await poll(included).toHaveLength(4);
    expect(errors).toEqual([]);
  });

  it('draws the generated orchestration and every item’s chart', async () => {
    const { page, errors } = await site.page();
    await page.locator('ot-catalog').getByRole('button', { name: /开办餐饮店/ }).click();
    await openTab(page, '流程图');
    const diagrams = page.locator('ot-chart-diagram');
    await poll(() => diagrams.count()).toBe(5);
    const orchestration = diagrams.first();
    await poll(() => orchestration.locator('svg .node').count()).toBeGreaterThan(10);
    // the four items run in parallel inside processing, each with its promised days
    const regions = await orchestration.locator('svg .node.region .title').allTextContents();
    expect(regions).toHaveLength(4);
    expect(await orchestration.locator('svg .label text.event').allTextContents()).toEqual(expect.arrayContaining(['SUBMIT', 'CLAIM', 'ACCEPT']));
    expect(await orchestration.locator('svg').getAttribute('aria-label')).toMatch(/组合编排（自动生成） 的状态图：\d+ 个状态，\d+ 个转换/);
    await screenshot(page, 'composer-diagrams');
    expect(errors).toEqual([]);
  });

  it('has no accessibility violations (axe) in the composer, its tabs and the publish dialog', async () => {
    const { page } = await site.page();
    await page.locator('ot-catalog').getByRole('button', { name: /开办餐饮店/ }).click();
    await page.getByRole('button', { name: '基于此版本编辑新版本' }).click();
    await poll(() => page.locator('ot-composer ot-form').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    for (const tab of [/检查结果/, '流程图', 'JSON', '版本历史']) {
      await openTab(page, tab);
      await page.waitForTimeout(300);
      expect(await axe(page), String(tab)).toEqual([]);
    }
    await page.getByRole('button', { name: '发布版本' }).click();
    await page.waitForTimeout(200);
    expect(await axe(page)).toEqual([]);
  });
});
