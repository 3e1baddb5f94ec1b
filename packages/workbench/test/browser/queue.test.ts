import { afterAll, beforeAll, describe, it } from 'vitest';
import { axe, NEWBORN, screenshot, startWorkbench, submitDirect, type WorkbenchSite } from './harness.js';
import { expect, poll, queueRows } from './steps.js';

let site: WorkbenchSite;
const mothers = ['刘晓红', '陈美玲', '张丽', '赵雪梅', '孙静', '周婷', '吴芳', '郑洁', '冯敏', '蒋欣', '韩梅', '杨柳', '朱琳', '秦岚', '许晴', '何璐', '吕薇', '施颖', '曹雯', '严妍', '华蕾', '金鑫'];
beforeAll(async () => {
  site = await startWorkbench();
  // two applications submitted ten days ago: the window's one-working-day limit has long passed
  site.setNow(new Date(Date.now() - 10 * 86_400_000));
  for (const name of mothers.slice(0, 2)) await submitDirect(site, { ...NEWBORN.data, mother: { ...NEWBORN.data.mother, name } });
  site.setNow(undefined);
  for (const name of mothers.slice(2)) await submitDirect(site, { ...NEWBORN.data, mother: { ...NEWBORN.data.mother, name } });
});
afterAll(async () => site?.close());

describe('the window’s queue', () => {
  it('puts the overdue first and marks them, pages through the rest, and filters by deadline and state', async () => {
    const { page, errors } = await site.page(site.tokens.clerk);
    await poll(() => queueRows(page).count()).toBe(20);
    const overdue = await queueRows(page).evaluateAll((rows) => rows.map((r) => r.classList.contains('overdue')));
    expect(overdue).toEqual([true, true, ...Array(18).fill(false)]);
    expect(await queueRows(page).first().locator('td').nth(5).textContent()).toMatch(/超期\s+已超期 \d+ 个工作日/);
    expect(await queueRows(page).first().locator('td').nth(2).textContent()).toMatch(/^(刘|陈)\*\*$/);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'queue-overdue');

    await page.getByRole('button', { name: '下一页' }).click();
    await poll(() => queueRows(page).count()).toBe(2);
    expect(await page.locator('ot-queue .pages span').textContent()).toBe('第 2 页');
    expect(await page.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '上一页' }).click();
    await poll(() => queueRows(page).count()).toBe(20);

    await page.getByLabel('期限').selectOption({ label: '已超期' });
    await poll(() => queueRows(page).count()).toBe(2);
    await page.getByLabel('状态').selectOption({ label: '待补正' });
    await poll(() => page.locator('ot-queue .empty').textContent()).toBe('没有符合条件的办件');
    await page.getByLabel('状态').selectOption({ label: '全部在办' });
    await page.getByLabel('期限').selectOption({ label: '不限' });
    await poll(() => queueRows(page).count()).toBe(20);
    expect(errors).toEqual([]);
  });
});
