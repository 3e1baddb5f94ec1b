import type { ComposedBundle } from '@onething/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeExample, composeFixture, validatorSource } from '../fixtures.js';
import { axe, screenshot, settled, startSite, type TestSite } from './harness.js';

const fixture = composeFixture();
const restaurant = composeExample('open-restaurant');
let site: TestSite;

beforeAll(async () => {
  site = await startSite({ fixture: validatorSource(fixture), 'open-restaurant': validatorSource(restaurant) });
});
afterAll(() => site?.close());

async function open(composed: ComposedBundle, options: Record<string, unknown> = {}) {
  const opened = await site.page();
  const requests: string[] = [];
  opened.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await opened.page.evaluate((o) => (window as any).otTest.mount(o), { composed, ...options } as any);
  return { ...opened, requests };
}

const form = (page: Page) => page.locator('ot-form');
const field = (page: Page, path: string) => form(page).locator(`[id="f-${path}"]`);
const focusedId = (page: Page) => form(page).evaluate((el) => el.shadowRoot!.activeElement?.id ?? null);
const submitted = (page: Page) =>
  page.evaluate(() => (window as any).otTest.events.filter((e: { type: string }) => e.type === 'ot-submit').map((e: { detail: { submission: unknown } }) => e.detail.submission));

describe('the resident ID widget', () => {
  it('fills birth date and sex from a valid number, and never overwrites what the person typed', async () => {
    const { page, errors } = await open(fixture);
    const id = field(page, 'household-members.idNumber');

    await id.pressSequentially('11010519491231002x');
    expect(await id.inputValue()).toBe('11010519491231002X');
    expect(await field(page, 'household-members.birthDate').inputValue()).toBe('1949-12-31');
    expect(await form(page).getByRole('radio', { name: '女', exact: true }).isChecked()).toBe(true);

    // a birth date the person typed stays; the sex an earlier number filled in follows the new number
    await field(page, 'household-members.birthDate').fill('1950-01-01');
    await id.fill('440305199003071236');
    expect(await field(page, 'household-members.birthDate').inputValue()).toBe('1950-01-01');
    expect(await form(page).getByRole('radio', { name: '男', exact: true }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('the division picker', () => {
  it('loads the division list only once a picker is shown, and narrows province → prefecture → county', async () => {
    const without = structuredClone(fixture);
    for (const section of without.ui.sections) section.fields = section.fields.filter((p) => !p.endsWith('.division'));
    const first = await open(without);
    expect(first.requests.filter((p) => p.includes('divisions'))).toEqual([]);

    const { page, requests, errors } = await open(fixture);
    const picker = form(page).getByRole('group', { name: '户籍地' });
    await expect.poll(() => picker.getByLabel('省（自治区、直辖市）').count(), settled).toBe(1);
    expect(requests.filter((p) => p.includes('divisions'))).toHaveLength(1);
    expect(await picker.getByLabel('县（区、县级市）').count()).toBe(0);
    await picker.getByLabel('省（自治区、直辖市）').selectOption({ label: '湖北省' });
    await picker.getByLabel('市（地区、自治州）').selectOption({ label: '鄂州市' });
    await picker.getByLabel('县（区、县级市）').selectOption({ label: '华容区' });
    await form(page).evaluate((el: any) => el.submit());
    expect(await form(page).evaluate((el: any) => el.data['household-members'].division)).toBe('420703');
    // choosing another province clears the lower levels
    await picker.getByLabel('省（自治区、直辖市）').selectOption({ label: '北京市' });
    expect(await form(page).evaluate((el: any) => el.data['household-members'].division)).toBe('110000');
    expect(await picker.getByLabel('县（区、县级市）').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('a nested object', () => {
  it('is a fieldset titled by the object, its fields inside, its data nested', async () => {
    const { page, errors } = await open(fixture, { validator: 'fixture' });
    const address = form(page).getByRole('group', { name: '现住址' });
    await address.getByLabel('街道门牌', { exact: false }).fill('发展大道18号');
    await address.getByLabel('邮政编码', { exact: false }).fill('43607');
    await address.getByLabel('邮政编码', { exact: false }).blur();
    await expect.poll(() => field(page, 'household-members.address.postcode').getAttribute('aria-invalid'), settled).toBe('true');
    expect(await form(page).evaluate((el: any) => el.data['household-members'].address)).toEqual({ street: '发展大道18号', postcode: '43607' });
    expect(errors).toEqual([]);
  });
});

describe('a repeatable group', () => {
  it('adds, reorders and removes rows within minItems and maxItems, keeping focus with the rows', async () => {
    const { page, errors } = await open(fixture, { data: { 'household-members': { members: [{}] } } });
    const list = form(page).locator('[id="f-household-members.members"]');
    const rows = list.locator('.row');
    expect(await rows.count()).toBe(1);
    expect(await list.getByRole('button', { name: '删除第 1 项' }).count()).toBe(0); // minItems 1

    await list.getByRole('button', { name: '添加一项' }).click();
    expect(await rows.count()).toBe(2);
    expect(await focusedId(page)).toBe('f-household-members.members.1.name');
    await rows.nth(0).getByLabel('姓名').fill('王芳');
    await rows.nth(0).getByLabel('配偶').check();
    await rows.nth(1).getByLabel('姓名').fill('李明');
    await rows.nth(1).getByLabel('子女').check();
    await list.getByRole('button', { name: '添加一项' }).click();
    await rows.nth(2).getByLabel('姓名').fill('王建');
    await rows.nth(2).getByLabel('父母').check();
    expect(await list.getByRole('button', { name: '添加一项' }).count()).toBe(0); // maxItems 3

    await list.getByRole('button', { name: '下移第 1 项' }).click();
    expect(await focusedId(page)).toBe(''); // focus is on a button (buttons carry no id)…
    expect(await form(page).evaluate((el) => el.shadowRoot!.activeElement?.textContent?.trim())).toBe('下移第 2 项'); // …the same button of the moved row, to keep moving it
    expect(await rows.nth(0).getByLabel('姓名').inputValue()).toBe('李明');
    expect(await rows.nth(1).getByLabel('姓名').inputValue()).toBe('王芳');
    expect(await rows.nth(1).getByLabel('配偶').isChecked()).toBe(true);

    await list.getByRole('button', { name: '删除第 3 项' }).click();
    expect(await rows.count()).toBe(2);
    expect(await form(page).evaluate((el) => el.shadowRoot!.activeElement?.textContent?.trim())).toBe('删除第 2 项');
    await screenshot(page, 'widgets-rows');

    expect(await form(page).evaluate((el: any) => el.data['household-members'].members)).toEqual([
      { name: '李明', relationship: 'child' },
      { name: '王芳', relationship: 'spouse' },
    ]);
    expect(errors).toEqual([]);
  });
});

describe('materials', () => {
  it('checks type and size before uploading, shows progress, and offers the e-licence instead where one replaces the paper', async () => {
    const { page, errors } = await open(fixture, { holdUploads: true, eLicenses: [{ type: 'resident-id-card', number: '420703199405120024' }] });
    const tenancy = form(page).locator('[id="m-tenancy-file"]');

    await tenancy.setInputFiles({ name: 'contract.docx', mimeType: 'application/msword', buffer: Buffer.from('x') });
    expect(await form(page).locator('[id="m-tenancy-error"]').textContent()).toContain('文件“contract.docx”的格式不符合要求，请上传 PDF, JPG');
    await tenancy.setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(2048) });
    expect(await form(page).locator('[id="m-tenancy-error"]').textContent()).toContain('文件“big.pdf”超过 1 KB');

    await tenancy.setInputFiles({ name: '合同.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(512) });
    await expect.poll(() => form(page).locator('progress').evaluate((el: HTMLProgressElement) => el.value), settled).toBe(50);
    expect(await form(page).locator('[id="m-tenancy-error"]').count()).toBe(0);
    await page.evaluate(() => (window as any).otTest.finishUploads());
    await expect.poll(() => form(page).locator('.file--done .file-name').allTextContents(), settled).toEqual(['合同.pdf']);

    // the ID card: the applicant's e-licence is known, so nothing needs uploading
    const idCard = form(page).locator('.material').filter({ hasText: '身份证' });
    expect(await idCard.getByLabel('使用我的电子证照（免提交）').isChecked()).toBe(true);
    expect(await idCard.locator('.licence').textContent()).toContain('420703199405120024');
    expect(await idCard.locator('input[type=file]').count()).toBe(0);
    await screenshot(page, 'widgets-materials');

    await idCard.getByLabel('上传材料').check();
    expect(await idCard.locator('input[type=file]').count()).toBe(1);
    await idCard.getByLabel('使用我的电子证照（免提交）').check();
    expect(await form(page).evaluate((el: any) => el.materials)).toEqual({
      tenancy: { files: [{ sha256: 'a'.repeat(64), name: '合同.pdf', size: 512, type: 'application/pdf' }] },
      'id-card': { eLicense: { type: 'resident-id-card', number: '420703199405120024' } },
    });
    expect(errors).toEqual([]);
  });

  it('announces what happens to a file politely, marks the list busy while it uploads, and keeps focus in the material after a removal', async () => {
    const { page, errors } = await open(fixture, { holdUploads: true });
    const tenancy = form(page).locator('[id="m-tenancy-file"]');
    const news = form(page).locator('[id="m-tenancy-news"]');
    expect(await news.getAttribute('role')).toBe('status');

    // A refused file: said in the live region, and the file input is marked invalid and described by the error
    await tenancy.setInputFiles({ name: 'contract.docx', mimeType: 'application/msword', buffer: Buffer.from('x') });
    await expect.poll(() => news.textContent(), settled).toBe('文件“contract.docx”的格式不符合要求，请上传 PDF, JPG');
    expect(await tenancy.getAttribute('aria-invalid')).toBe('true');
    expect(await tenancy.getAttribute('aria-describedby')).toBe('m-tenancy-hint m-tenancy-error');

    // While a file uploads, the list is busy and the live region says how far it got (the held upload
    // reports half at once); once it is done, both say so
    await tenancy.setInputFiles({ name: '合同.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(512) });
    await expect.poll(() => news.textContent(), settled).toBe('文件“合同.pdf”已上传 50%');
    expect(await form(page).locator('.material:has([id="m-tenancy-hint"]) .files').getAttribute('aria-busy')).toBe('true');
    expect(await tenancy.getAttribute('aria-invalid')).toBe('false');
    await page.evaluate(() => (window as any).otTest.finishUploads());
    await expect.poll(() => news.textContent(), settled).toBe('文件“合同.pdf”已上传');
    expect(await form(page).locator('.material:has([id="m-tenancy-hint"]) .files').getAttribute('aria-busy')).toBe('false');

    // Removing it says so and leaves focus on the material's upload control, not at the top of the page
    await form(page).getByRole('button', { name: '删除文件 合同.pdf' }).click();
    await expect.poll(() => news.textContent(), settled).toBe('已删除文件“合同.pdf”');
    await expect.poll(() => focusedId(page), settled).toBe('m-tenancy-file');
    expect(errors).toEqual([]);
  });

  it('stops an upload under way when the host replaces the materials (a draft resumed from elsewhere)', async () => {
    const { page, errors } = await open(fixture, { holdUploads: true });
    await form(page).locator('[id="m-tenancy-file"]').setInputFiles({ name: '合同.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(512) });
    await expect.poll(() => form(page).locator('.file--uploading').count(), settled).toBe(1);
    const resumed = { tenancy: { files: [{ sha256: 'c'.repeat(64), name: '旧合同.pdf', size: 100, type: 'application/pdf' }] } };
    await form(page).evaluate((el: any, materials) => (el.materials = materials), resumed);
    await expect.poll(() => page.evaluate(() => (window as any).otTest.aborted), settled).toEqual(['合同.pdf']);
    expect(await form(page).locator('.file-name').allTextContents()).toEqual(['旧合同.pdf']);
    // the ID card the draft has no value for is shown with "use my e-licence" selected, so that is its value
    expect(await form(page).evaluate((el: any) => el.materials)).toEqual({ ...resumed, 'id-card': { eLicense: { type: 'resident-id-card' } } });
    expect(errors).toEqual([]);
  });

  it('asks the host to upload through ot-upload-request when no uploader is set', async () => {
    const { page } = await open(fixture);
    await page.evaluate(() =>
      document.addEventListener('ot-upload-request', (e: any) =>
        e.detail.respond(Promise.resolve({ sha256: 'b'.repeat(64), name: e.detail.file.name, size: e.detail.file.size, type: e.detail.file.type })),
      ),
    );
    await form(page).locator('[id="m-tenancy-file"]').setInputFiles({ name: 'a.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(10) });
    await expect.poll(() => form(page).evaluate((el: any) => el.materials.tenancy?.files?.[0]?.sha256), settled).toBe('b'.repeat(64));
  });
});

describe('supplement mode', () => {
  it('lets the applicant change only what the reviewer flagged, each with the reason', async () => {
    const data = { 'household-members': { name: '王芳', idNumber: '420703199405120024', members: [{ name: '李明', relationship: 'child' }] } };
    const supplement = {
      reason: { 'zh-CN': '请补正以下内容', en: 'Please correct the following' },
      fields: [{ path: 'household-members.name', reason: { 'zh-CN': '与身份证不一致', en: 'Does not match the ID card' } }],
      materials: [{ id: 'tenancy', reason: { 'zh-CN': '合同缺少签字页', en: 'The signature page is missing' } }],
    };
    const { page, errors } = await open(fixture, { data, supplement });
    const name = field(page, 'household-members.name');
    expect(await name.isEditable()).toBe(true);
    expect(await form(page).locator('[id="f-household-members.name-note"]').textContent()).toBe('审核意见： 与身份证不一致');
    expect((await name.getAttribute('aria-describedby'))!.split(' ')).toContain('f-household-members.name-note');
    // everything else is text, not a control
    expect(await form(page).locator('[id="f-household-members.idNumber"]').evaluate((el) => el.tagName)).toBe('DIV');
    expect(await form(page).locator('[id="f-household-members.idNumber"]').textContent()).toBe('420703199405120024');
    expect(await form(page).getByRole('button', { name: '添加一项' }).count()).toBe(0);
    expect(await form(page).locator('[id="m-tenancy-note"]').textContent()).toBe('审核意见： 合同缺少签字页');
    expect(await form(page).locator('[id="m-tenancy-file"]').count()).toBe(1);
    expect(await form(page).locator('.material').filter({ hasText: '身份证' }).locator('input').count()).toBe(0);
    expect(await form(page).getByRole('button', { name: '提交补正材料' }).count()).toBe(1);
    await screenshot(page, 'widgets-supplement');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the wizard layout', () => {
  it('stays on a real step, numbered within the steps there are, when new answers take steps away', async () => {
    // Given the last step of a wizard whose answers include every item of the newborn bundle
    const newborn = composeExample('newborn-birth');
    const all = { bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: true };
    const { page, errors } = await open(newborn, { layout: 'wizard', answers: all });
    const before = await form(page).locator('.step').count();
    await form(page).evaluate((el: any, index) => (el.stepIndex = index), before - 1);
    await expect.poll(() => form(page).locator('.steps-progress').textContent(), settled).toBe(`第 ${before} 步，共 ${before} 步`);
    // When the host sets answers that switch most items off
    await form(page).evaluate((el: any) => (el.answers = { bornInHubeiInstitution: false, settleInHubei: false, wantsSocialSecurityCard: false }));
    // Then the form shows the last step there still is, and its heading counts right
    const after = await form(page).locator('.step').count();
    expect(after).toBeLessThan(before);
    await expect.poll(() => form(page).locator('.steps-progress').textContent(), settled).toBe(`第 ${after} 步，共 ${after} 步`);
    expect(await form(page).locator('.step-heading').textContent()).toContain(`第 ${after} 步，共 ${after} 步`);
    // And Back goes to the step before it
    await form(page).getByRole('button', { name: '上一步' }).click();
    await expect.poll(() => form(page).locator('.steps-progress').textContent(), settled).toBe(`第 ${after - 1} 步，共 ${after} 步`);
    expect(errors).toEqual([]);
  });

  it('shows one step at a time with a step list, checks a step before moving on, and goes back freely', async () => {
    const { page, errors } = await open(restaurant, { layout: 'wizard', validator: 'open-restaurant' });
    const steps = form(page).locator('.step');
    expect(await form(page).locator('.steps-progress').textContent()).toMatch(/^第 1 步，共 \d+ 步$/);
    expect(await steps.first().getAttribute('aria-current')).toBe('step');

    // Continue without answering: the questions step says what is missing and stays
    await form(page).getByRole('button', { name: '下一步' }).click();
    expect(await form(page).locator('.error-summary a').allTextContents()).toEqual([
      '请填写“是否已经取得营业执照？”',
      '请填写“经营场所规模”',
      '请填写“是否在门店外设置招牌？”',
    ]);
    await form(page).getByRole('group', { name: '是否已经取得营业执照？' }).getByLabel('否').check();
    await form(page).getByRole('group', { name: '经营场所规模' }).getByLabel('使用面积超过150平方米或座位超过75座').check();
    await form(page).getByRole('group', { name: '是否在门店外设置招牌？' }).getByLabel('是').check();
    await form(page).getByRole('button', { name: '下一步' }).click();

    // Step 2: the step heading has focus, the step is announced, ot-step told the host
    expect(await form(page).locator('.steps-progress').textContent()).toMatch(/^第 2 步/);
    expect(await form(page).evaluate((el) => el.shadowRoot!.activeElement?.classList.contains('step-heading'))).toBe(true);
    const stepEvents = await page.evaluate(() => (window as any).otTest.events.filter((e: { type: string }) => e.type === 'ot-step').map((e: { detail: unknown }) => e.detail));
    expect(stepEvents).toEqual([{ index: 1, id: 'enterprise', count: await steps.count() }]);
    await screenshot(page, 'widgets-wizard');

    // Continue with an empty step: only this step's problems are listed
    await form(page).getByRole('button', { name: '下一步' }).click();
    const problems = await form(page).locator('.error-summary a').allTextContents();
    expect(problems).toContain('请填写“市场主体名称”');
    expect(problems.some((p) => p.includes('法定代表人'))).toBe(false);

    // Back needs no checking, and the answers are kept
    await form(page).getByRole('button', { name: '上一步' }).click();
    expect(await form(page).getByRole('group', { name: '是否在门店外设置招牌？' }).getByLabel('是').isChecked()).toBe(true);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the open-restaurant bundle', () => {
  it('switches dependent fields with checkbox lists, computes values, checks credit codes, and has no axe violations', async () => {
    const { page, errors } = await open(restaurant, {
      validator: 'open-restaurant',
      answers: { hasBusinessLicence: false, premisesScale: 'larger', wantsSignboard: true },
    });
    expect(await axe(page)).toEqual([]);
    const items = form(page).getByRole('group', { name: '经营项目' });
    const coldRoom = () => form(page).getByLabel('冷食类食品专间面积', { exact: false }).count();
    expect(await coldRoom()).toBe(0);
    await items.getByLabel('冷食类食品制售').check();
    await items.getByLabel('热食类食品制售').check();
    expect(await coldRoom()).toBe(1);
    expect(await form(page).evaluate((el: any) => el.data['food-business-licence'].businessItems)).toEqual(['hot-food', 'cold-food']);

    await field(page, 'outdoor-signboard.widthCm').fill('600');
    await field(page, 'outdoor-signboard.heightCm').fill('120');
    await expect.poll(() => field(page, 'outdoor-signboard.areaSqm').inputValue(), settled).toBe('7.2');
    expect(await field(page, 'outdoor-signboard.areaSqm').getAttribute('readonly')).not.toBeNull();

    await field(page, 'enterprise.creditCode').pressSequentially('92420703ma4f7k2l5l');
    expect(await form(page).locator('[id="f-enterprise.creditCode-status"]').textContent()).toBe('代码校验通过');
    await form(page).getByRole('button', { name: '提交申请' }).click();
    await screenshot(page, 'restaurant-errors');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('submitting', () => {
  it('fires ot-submit with the data the engine kept', async () => {
    const { page } = await open(fixture, {
      data: { 'household-members': { name: '王芳', idNumber: '420703199405120024', members: [{ name: '李明', relationship: 'child' }] } },
      materials: { tenancy: { files: [{ sha256: 'c'.repeat(64), name: 'a.pdf', size: 3, type: 'application/pdf' }] } },
      validator: 'fixture',
    });
    await form(page).getByRole('button', { name: '提交申请' }).click();
    expect(await submitted(page)).toEqual([
      {
        answers: {},
        data: { 'household-members': { name: '王芳', idNumber: '420703199405120024', members: [{ name: '李明', relationship: 'child' }] } },
        // the ID card an e-licence replaces: the e-licence, chosen by default
        materials: { tenancy: { files: [{ sha256: 'c'.repeat(64), name: 'a.pdf', size: 3, type: 'application/pdf' }] }, 'id-card': { eLicense: { type: 'resident-id-card' } } },
      },
    ]);
  });
});
