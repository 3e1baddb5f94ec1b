import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, screenshot, startDesigner, type DesignerSite } from './harness.js';
import { focused, tabTo, poll } from './steps.js';

let site: DesignerSite;
beforeAll(async () => {
  site = await startDesigner();
});
afterAll(async () => site?.close());

describe('signing in', () => {
  it('asks for an administrator token, refuses an applicant’s, accepts an admin’s', async () => {
    const { page, errors } = await site.page({ signIn: false });
    await poll(() => page.getByRole('heading', { name: '管理员登录' }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await page.getByLabel('访问令牌').fill(site.applicantToken);
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => page.locator('ot-sign-in [role="alert"]').textContent()).toBe('登录失败：该令牌没有管理员权限');
    await page.getByLabel('访问令牌').fill(`Bearer ${site.adminToken}`);
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => page.locator('ot-catalog li[data-item]').count()).toBe(11);
    // the token stays in this tab's session storage only
    expect(await page.evaluate(() => [sessionStorage.length, localStorage.getItem('onething.designer.token')])).toEqual([1, null]);
    expect(await axe(page)).toEqual([]);
    // the catalog filters by department and region and searches titles in both languages and ids
    const items = () => page.locator('ot-catalog li[data-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item')));
    await page.locator('ot-catalog').getByLabel('部门').selectOption({ label: '华容区文化和旅游局' });
    expect(await items()).toEqual(['entertainment-venue-licence']);
    await page.locator('ot-catalog').getByLabel('部门').selectOption({ label: '全部' });
    await page.locator('ot-catalog').getByLabel('区划').selectOption('420703');
    expect(await items()).toHaveLength(11);
    await page.getByRole('searchbox').fill('household');
    expect(await items()).toEqual(['household-registration']);
    await page.getByRole('searchbox').fill('社会保障');
    expect(await items()).toEqual(['social-security-card']);
    expect(errors.filter((e) => !e.includes('403'))).toEqual([]);
  });

  it('serves the designer page with a CSP that allows the engine’s compiled validators and nothing inline', async () => {
    const page = await fetch(`${site.url}/designer/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline' ");
    const api = await fetch(`${site.url}/api/catalog`);
    expect(api.headers.get('content-security-policy')).toContain("script-src 'self';");
  });
});

describe('composing with the keyboard only', () => {
  it('creates a bundle, adds two items with the “Add to bundle” buttons, sets a condition and reorders, without a mouse', async () => {
    const { page, errors } = await site.page();
    await poll(() => page.locator('ot-catalog li[data-item]').count()).toBe(11);
    await tabTo(page, /^\+ 新建组合$/);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('ot-composer h2').first().textContent()).toBe('新的“一件事”');

    // A guidance question first (the condition needs one).
    await tabTo(page, /^\+ 添加问题$/);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('ot-questions-editor li').count()).toBe(1);

    // Back to the catalog: its "Add to bundle" buttons are in the tab order.
    await tabTo(page, /^将“户口登记（出生登记）”加入组合$/, { back: true });
    await page.keyboard.press('Enter');
    await poll(() => page.locator('ot-bundle-entry').count()).toBe(1);
    await poll(() => page.locator('ot-designer >> [aria-live="polite"]').textContent()).toBe('已将“户口登记（出生登记）”加入组合');
    // the button says the item is in and is no longer offered
    expect(await page.getByRole('button', { name: '户口登记（出生登记） — 已加入' }).isDisabled()).toBe(true);
    await tabTo(page, /^将“城乡居民基本医疗保险参保登记”加入组合$/, { back: true });
    await page.keyboard.press('Enter');
    await poll(() => page.locator('ot-bundle-entry').count()).toBe(2);
    // (the preview has caught up before the keyboard moves on)
    await poll(() => page.locator('ot-composer ot-form').count()).toBe(1);

    // The second item only when the new question is answered yes: radio, then the builder's selects.
    await tabTo(page, /^始终办理$/);
    await tabTo(page, /^始终办理$/);
    await page.keyboard.press('ArrowRight');
    await poll(() => focused(page)).toBe('满足条件时');
    await poll(() => page.locator('ot-composer').evaluate((c: any) => c.value.items[1].when)).toEqual({ '===': [{ var: 'question1' }, true] });

    // Move it up with its button, keeping the focus on the moved entry.
    await tabTo(page, /^上移“城乡居民基本医疗保险参保登记”$/, { back: true });
    await page.keyboard.press('Enter');
    await poll(() => page.locator('ot-composer').evaluate((c: any) => c.value.items.map((i: { item: string }) => i.item))).toEqual(['medical-insurance-enrolment', 'household-registration']);
    await poll(() => focused(page)).toBe('下移“城乡居民基本医疗保险参保登记”');

    // The live tabs follow the arrow keys.
    await tabTo(page, /^表单预览$/);
    await page.keyboard.press('ArrowRight');
    await poll(() => focused(page)).toMatch(/^检查结果/);
    await poll(() => page.locator('ot-composer [role="tabpanel"]').getAttribute('aria-label')).toBe('检查结果');
    await screenshot(page, 'keyboard-composed');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows an item: fields with their concepts, materials, limits, steps and the flow, without accessibility violations', async () => {
    const { page, errors } = await site.page({ locale: 'en' });
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('ot-catalog').getByRole('button', { name: /Household registration of a newborn/ }).click();
    const view = page.locator('ot-item-view');
    await poll(() => view.getByRole('heading', { level: 2 }).textContent()).toBe('Household registration of a newborn (birth registration)');
    expect(await view.locator('tr', { hasText: 'mother.idNumber' }).first().innerText()).toMatch(/idNumber\s+.*\s+string \(resident-id\)\s+mother\.idNumber/);
    await poll(() => view.locator('ot-chart-diagram svg .node').count()).toBeGreaterThan(4);
    await screenshot(page, 'item-view');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
