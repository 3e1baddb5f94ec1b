import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesigner, type DesignerSite } from './harness.js';
import { openTab, poll } from './steps.js';

let site: DesignerSite;
beforeAll(async () => {
  site = await startDesigner();
});
afterAll(async () => site?.close());

describe('the bundle’s basics', () => {
  it('show what the bundle keeps: a negative count as 0, a fraction cut to whole days, an id and a range without the spaces typed', async () => {
    const { page, errors } = await site.page();
    await page.getByRole('button', { name: '+ 新建组合' }).click();
    await page.getByRole('button', { name: '将“预防接种证办理”加入组合' }).click();
    await poll(() => page.locator('ot-bundle-entry').count()).toBe(1);
    const basics = page.locator('ot-bundle-basics');
    const type = async (label: string, value: string) => {
      const input = basics.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Tab');
    };
    const json = async () => {
      await openTab(page, 'JSON');
      return JSON.parse((await page.locator('ot-composer pre').first().textContent())!);
    };

    // When the administrator types values the bundle cannot keep as they are
    await type('组合跑动次数', '-1');
    await type('受理时限（工作日）', '2.7');
    await type('组合标识', '  my-bundle  ');
    const range = page.locator('ot-bundle-entry').getByLabel('版本范围');
    await range.fill(' ^1.0.0 ');
    await range.press('Tab');

    // Then each field shows the value kept — the same the JSON and a save would carry
    await poll(() => basics.getByLabel('组合跑动次数', { exact: true }).inputValue()).toBe('0');
    expect(await basics.getByLabel('受理时限（工作日）', { exact: true }).inputValue()).toBe('2');
    expect(await basics.getByLabel('组合标识', { exact: true }).inputValue()).toBe('my-bundle');
    expect(await range.inputValue()).toBe('^1.0.0');
    const bundle = await json();
    expect({ id: bundle.id, limits: bundle.limits, version: bundle.items[0].version }).toMatchObject({ id: 'my-bundle', limits: { visits: 0, acceptDays: 2 }, version: '^1.0.0' });

    // And a choice question's options, emptied, come back as they were instead of showing nothing kept
    await page.getByRole('button', { name: '+ 添加问题' }).click();
    await page.locator('ot-questions-editor').getByLabel('回答方式').selectOption('choice');
    const options = page.locator('ot-questions-editor').getByLabel('选项（每行一个：值=中文=English）');
    const before = await options.inputValue();
    expect(before).not.toBe('');
    await options.fill('');
    await options.press('Tab');
    await poll(() => options.inputValue()).toBe(before);
    expect(errors).toEqual([]);
  });
});
