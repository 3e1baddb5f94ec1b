import { afterAll, beforeAll, describe, it } from 'vitest';
import { axe, screenshot, startWorkbench, submitNewborn, type WorkbenchSite } from './harness.js';
import { actions, applicationLoaded, expect, focused, poll, queueRows, stateBadge, tabTo } from './steps.js';

let site: WorkbenchSite;
beforeAll(async () => {
  site = await startWorkbench();
});
afterAll(async () => site?.close());

/** Sends an event through the API as someone, at the application's current revision. */
async function send(token: string, id: string, type: string, payload?: object): Promise<number> {
  const revision = (await site.api(token, 'GET', `/api/applications/${id}`)).body.application.revision as number;
  return (await site.api(token, 'POST', `/api/applications/${id}/events`, { type, revision, ...(payload ? { payload } : {}) })).status;
}

describe('signing in', () => {
  it('takes a staff token pasted into the form, refuses a citizen’s, and keeps it in this tab only', async () => {
    const { page, errors } = await site.page();
    await poll(() => page.getByRole('heading', { name: '工作人员登录' }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await page.getByLabel('访问令牌').fill(site.tokens.applicant);
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => page.locator('ot-staff-sign-in [role="alert"]').textContent()).toBe('登录失败：该令牌不是工作人员令牌（需要综合窗口、部门审批或管理员角色）');
    await page.getByLabel('访问令牌').fill(`Bearer ${site.tokens.admin}`);
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => page.locator('ot-workbench header .role').textContent()).toBe('管理员');
    expect(await page.evaluate(() => [sessionStorage.getItem('onething.workbench.token')?.length ?? 0, localStorage.getItem('onething.workbench.token')])).toEqual([site.tokens.admin.length, null]);
    // admins see every application and may act on none of the window's or departments' steps
    expect(await page.locator('ot-queue #f-state option').allTextContents()).toEqual(['综窗受理', '待补正', '并联办理', '全部在办', '已办结']);
    await page.getByRole('button', { name: '退出' }).click();
    await poll(() => page.getByRole('heading', { name: '工作人员登录' }).count()).toBe(1);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('the window with the keyboard only', () => {
  it('opens an application from the queue, claims it and sends a supplement request for a field and a material without a mouse', async () => {
    const id = await submitNewborn(site);
    const { page, errors } = await site.page(site.tokens.clerk);
    await poll(() => queueRows(page).count()).toBeGreaterThan(0);
    const number = id.replace(/-/g, '').slice(0, 8).toUpperCase();
    await tabTo(page, new RegExp(`^打开办件 ${number}$`));
    await page.keyboard.press('Enter');
    await applicationLoaded(page);
    expect(await stateBadge(page).textContent()).toBe('已提交，待签收');

    await tabTo(page, /^签收$/);
    await page.keyboard.press('Enter');
    await poll(() => stateBadge(page).textContent()).toBe('预审');
    // the result is announced and takes the focus
    expect(await focused(page)).toBe('已完成：签收');

    await tabTo(page, /^一次性告知补正$/);
    await page.keyboard.press('Enter');
    await poll(() => focused(page)).toMatch(/^一次性告知补正：勾选需要补正的字段和材料/);
    await tabTo(page, /^需补正 “新生儿姓名”$/);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('“新生儿姓名”的补正理由');
    await page.keyboard.type('与出生医学证明上的姓名不一致');
    await tabTo(page, /^需补正 “母亲居民身份证”$/);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('照片不清晰，请重新上传');
    await tabTo(page, /^检查并发送$/);
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog');
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.preview li').allTextContents()).toEqual(['新生儿姓名：与出生医学证明上的姓名不一致', '母亲居民身份证：照片不清晰，请重新上传']);
    expect(await dialog.locator('.preview .reason').count()).toBe(0); // no general note was written
    // Escape cancels without sending; the request is still there to send
    await page.keyboard.press('Escape');
    await poll(() => dialog.isVisible()).toBe(false);
    expect(await stateBadge(page).textContent()).toBe('预审');
    // the focus is back on the button that opened the dialog
    expect(await focused(page)).toBe('检查并发送');
    await page.keyboard.press('Enter');
    await poll(() => dialog.isVisible()).toBe(true);
    await tabTo(page, /^确认一次性告知补正$/);
    await page.keyboard.press('Enter');
    await poll(() => stateBadge(page).textContent()).toBe('待补正');
    const request = (await site.api(site.tokens.applicant, 'GET', `/api/applications/${id}`)).body.application.flow.openSupplement;
    expect(request).toMatchObject({ fields: ['child.name'], materials: ['mother-id-card'], materialReasons: { 'mother-id-card': '照片不清晰，请重新上传' } });
    expect(errors).toEqual([]);
  });
});

describe('when someone else acted first', () => {
  it('says so, offers a reload, and shows the application as it now is', async () => {
    const id = await submitNewborn(site);
    expect(await send(site.tokens.clerk, id, 'CLAIM')).toBe(200);
    const { page, errors } = await site.page(site.tokens.clerk, { hash: `#/applications/${id}` });
    await applicationLoaded(page);
    expect(await actions(page)).toEqual(['受理', '一次性告知补正', '不予受理']);

    // a colleague at the next window accepts it meanwhile
    expect(await send(site.tokens.clerk, id, 'ACCEPT')).toBe(200);
    await page.getByRole('button', { name: '不予受理' }).click();
    const dialog = page.getByRole('dialog');
    await page.getByLabel('理由（必填，申请人可见）').fill('材料不齐');
    await dialog.getByRole('button', { name: '确认不予受理' }).click();
    await poll(() => page.locator('ot-application .notice').textContent()).toContain('其他人刚刚处理了这个办件，请重新加载后再操作。');
    expect(await dialog.isVisible()).toBe(false);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'revision-conflict');
    await page.locator('ot-application .notice').getByRole('button', { name: '重新加载' }).click();
    await poll(() => stateBadge(page).textContent()).toBe('并联办理');
    expect(await page.locator('ot-application .notice').count()).toBe(0);
    expect(await actions(page)).toEqual([]);
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
  });
});

describe('in English', () => {
  it('switches every label, the states and the actions, and remembers the choice', async () => {
    const id = await submitNewborn(site);
    const { page, errors } = await site.page(site.tokens.clerk, { hash: `#/applications/${id}` });
    await applicationLoaded(page);
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => page.locator('ot-application h2#data-title').textContent()).toBe('Application data');
    expect(await stateBadge(page).textContent()).toBe('Submitted, awaiting the window');
    expect(await actions(page)).toEqual(['Claim']);
    expect(await page.evaluate(() => [document.documentElement.lang, document.title, localStorage.getItem('onething.workbench.locale')])).toEqual(['en', 'onething workbench', 'en']);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'application-english');
    await page.getByRole('button', { name: 'Back to the queue' }).click();
    await poll(() => page.locator('ot-queue th').first().textContent()).toBe('Number');
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(errors).toEqual([]);
  });
});

describe('at 200 % zoom (640 CSS px)', () => {
  it('fits the width, and puts the actions before the data when the columns stack', async () => {
    const id = await submitNewborn(site);
    const { page, errors } = await site.page(site.tokens.clerk, { viewport: { width: 640, height: 900 } });
    await poll(() => queueRows(page).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(640);
    await page.evaluate((app) => (location.hash = `#/applications/${app}`), id);
    await applicationLoaded(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(640);
    const top = (selector: string) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().top);
    expect(await top('ot-action-panel')).toBeLessThan(await top('ot-review-data'));
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'application-narrow');
    expect(errors).toEqual([]);
  });
});
