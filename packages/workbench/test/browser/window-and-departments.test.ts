import { afterAll, beforeAll, describe, it } from 'vitest';
import { axe, screenshot, startWorkbench, submitNewborn, type WorkbenchSite } from './harness.js';
import { actions, applicationLoaded, expect, fieldRow, poll, queueRows, stateBadge } from './steps.js';

let site: WorkbenchSite;
let id: string;
beforeAll(async () => {
  site = await startWorkbench({ applicant: true });
  id = await submitNewborn(site);
});
afterAll(async () => site?.close());

describe('the window clerk pre-reviews a submitted newborn application', () => {
  it('finds it in the queue, asks for two corrections in the rendered data — the applicant sees each reason beside its field — then accepts the corrected application', async () => {
    const { page, errors } = await site.page(site.tokens.clerk);

    // The queue: waiting at the window, the applicant's name masked, the deadline in working days.
    await poll(() => queueRows(page).count()).toBe(1);
    const row = queueRows(page).first();
    expect(await row.locator('td').evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()))).toEqual([
      id.replace(/-/g, '').slice(0, 8).toUpperCase(),
      '新生儿出生“一件事”',
      '王**',
      '综窗受理',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      expect.stringMatching(/前 (剩 \d+ 个工作日|今日到期)$/),
    ]);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'queue-window');

    // The application: its data as the merged form shows it, materials with the upload, the items.
    await row.getByRole('button').click();
    await applicationLoaded(page);
    expect(await stateBadge(page).textContent()).toBe('已提交，待签收');
    expect(await fieldRow(page, 'child.sex').locator('td').textContent()).toBe('男');
    expect(await fieldRow(page, 'child.birthPlace').locator('td').textContent()).toBe('湖北省鄂州市鄂城区（420704）');
    expect(await page.getByRole('button', { name: '下载 母亲身份证.pdf（45 字节）' }).count()).toBe(1);
    expect(await page.locator('ot-item-status tr[data-item] th .title').allTextContents()).toEqual([
      '出生医学证明首次签发',
      '预防接种证办理',
      '户口登记（出生登记）',
      '城乡居民基本医疗保险参保登记',
      '社会保障卡申领',
    ]);
    expect(await actions(page)).toEqual(['签收']);

    // The download is the uploaded file, fetched with the staff token.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 母亲身份证.pdf（45 字节）' }).click();
    expect((await download).suggestedFilename()).toBe('母亲身份证.pdf');

    // Claim: no confirmation (it decides nothing); pre-review offers what the flow allows.
    await page.getByRole('button', { name: '签收', exact: true }).click();
    await poll(() => stateBadge(page).textContent()).toBe('预审');
    expect(await page.locator('ot-application .notice').textContent()).toContain('已完成：签收');
    expect(await actions(page)).toEqual(['受理', '一次性告知补正', '不予受理']);
    expect(await axe(page)).toEqual([]);

    // A supplement request: tick two fields in the data, one reason each, and a general note.
    await page.getByRole('button', { name: '一次性告知补正' }).click();
    await poll(() => page.getByRole('checkbox', { name: '需补正 “新生儿姓名”' }).count()).toBe(1);
    await page.getByRole('checkbox', { name: '需补正 “新生儿姓名”' }).check();
    await page.getByRole('checkbox', { name: '需补正 “母亲公民身份号码”' }).check();
    // a reason is missing: the request is not sent, the missing reason is named and focused
    await page.getByLabel('“新生儿姓名”的补正理由').fill('与出生医学证明上的姓名不一致');
    await page.getByRole('button', { name: '检查并发送' }).click();
    await poll(() => page.locator('ot-application .flagbar .problem').textContent()).toBe('以下各项还没有填写理由：母亲公民身份号码');
    await page.getByLabel('“母亲公民身份号码”的补正理由').fill('请核对后重新填写');
    await page.getByLabel('总体说明（选填）').fill('请按以下意见补正');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'supplement-flagging');
    await page.getByRole('button', { name: '检查并发送' }).click();

    // The confirmation shows the request exactly as the applicant will read it: the note, then each field with its own reason.
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.preview .reason').textContent()).toBe('请按以下意见补正');
    expect(await dialog.locator('.preview li').allTextContents()).toEqual(['新生儿姓名：与出生医学证明上的姓名不一致', '母亲公民身份号码：请核对后重新填写']);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'supplement-confirm');
    await dialog.getByRole('button', { name: '确认一次性告知补正' }).click();
    await poll(() => stateBadge(page).textContent()).toBe('待补正');
    expect(await actions(page)).toEqual([]);
    expect(await page.locator('ot-timeline .rounds > li').textContent()).toContain('等待申请人补正');
    expect(await page.locator('ot-timeline .rounds ul.entries li').allTextContents()).toEqual(['新生儿姓名：与出生医学证明上的姓名不一致', '母亲公民身份号码：请核对后重新填写']);

    // The request went out entry by entry, nothing folded into one text.
    const seen = (await site.api(site.tokens.applicant, 'GET', `/api/applications/${id}`)).body.application;
    expect(seen.flow.openSupplement).toMatchObject({
      fields: ['child.name', 'mother.idNumber'],
      reason: '请按以下意见补正',
      fieldReasons: { 'child.name': '与出生医学证明上的姓名不一致', 'mother.idNumber': '请核对后重新填写' },
    });

    // The applicant's <ot-status>: the note at the top, each flagged field with its own reason beside it, only those editable.
    const applicant = await site.applicantStatus(site.tokens.applicant, id);
    const status = applicant.page.locator('ot-status');
    await poll(() => status.locator('#ot-supplement-title').textContent()).toBe('需要您补正');
    expect(await status.locator('[part="supplement"] > dl dd').first().textContent()).toBe('请按以下意见补正');
    const flagged = status.locator('ot-form .field--flagged');
    await poll(() => flagged.count()).toBe(2);
    expect(await flagged.evaluateAll((fields) => fields.map((f) => [f.querySelector('.label')?.textContent?.trim(), f.querySelector('[part="note"]')?.textContent?.replace(/\s+/g, ' ').trim()]))).toEqual([
      ['新生儿姓名', '审核意见： 与出生医学证明上的姓名不一致'],
      ['母亲公民身份号码', '审核意见： 请核对后重新填写'],
    ]);
    await flagged.first().scrollIntoViewIfNeeded();
    await screenshot(applicant.page, 'supplement-applicant-status');
    expect(applicant.errors).toEqual([]);
    await applicant.page.context().close();

    // The applicant answers (through the API here): only the flagged fields may change.
    const answered = await site.api(site.tokens.applicant, 'POST', `/api/applications/${id}/events`, { type: 'SUPPLEMENT', revision: seen.revision, payload: { data: { child: { name: '李慕阳' } } } });
    expect(answered.status).toBe(200);

    // Back at the window: the corrected name, the round answered, then acceptance with a confirmation.
    await page.getByRole('button', { name: '刷新' }).click();
    await poll(() => stateBadge(page).textContent()).toBe('预审');
    expect(await fieldRow(page, 'child.name').locator('td').textContent()).toBe('李慕阳');
    expect(await page.locator('ot-timeline .rounds > li').textContent()).toContain('已修改：新生儿姓名');
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('heading').textContent()).toBe('确认：受理');
    expect(await dialog.textContent()).toContain('办理后进入：已受理');
    await dialog.getByRole('button', { name: '确认受理' }).click();
    await poll(() => stateBadge(page).textContent()).toBe('并联办理');
    await screenshot(page, 'application-accepted', true);
    expect(errors).toEqual([]);
  });
});

describe('each department reviews its own item', () => {
  it('lets the health commission’s reviewer see and decide only the birth certificate', async () => {
    const { page, errors } = await site.page(site.tokens.health);
    await poll(() => queueRows(page).count()).toBe(1);
    await queueRows(page).first().getByRole('button').click();
    await applicationLoaded(page);
    expect(await actions(page)).toEqual(['核对无误', '不予办理（须说明理由）', '一次性告知补正']);
    expect(await page.locator('ot-action-panel h3').allTextContents()).toEqual(['出生医学证明首次签发']);
    expect(await page.locator('ot-item-status tr.mine th .title').allTextContents()).toEqual(['出生医学证明首次签发']);
    // their item's fields and materials first; the rest on request
    expect(await fieldRow(page, 'birth-medical-certificate.birthWeightGrams').count()).toBe(1);
    expect(await fieldRow(page, 'vaccination-certificate.clinicName').count()).toBe(0);
    await page.getByRole('button', { name: '显示全部申请信息' }).click();
    await poll(() => fieldRow(page, 'vaccination-certificate.clinicName').count()).toBe(1);
    await page.getByRole('button', { name: '显示全部申请信息' }).click();

    // A refusal needs a reason: the dialog says so before anything is sent.
    await page.getByRole('button', { name: '不予办理（须说明理由）' }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: '确认不予办理（须说明理由）' }).click();
    expect(await dialog.locator('#dialog-missing').textContent()).toBe('请填写理由');
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: '取消' }).click();
    await poll(() => dialog.isVisible()).toBe(false);

    // Approve (with a comment for the timeline), then issue: the item is decided.
    await page.getByRole('button', { name: '核对无误' }).click();
    await poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('备注（选填，记入办理记录）').fill('出生信息与医院记录一致');
    await screenshot(page, 'reviewer-confirm');
    await dialog.getByRole('button', { name: '确认核对无误' }).click();
    await poll(() => actions(page)).toEqual(['已签发']);
    expect(await page.locator('ot-item-status tr[data-item="birth-medical-certificate"] td').textContent()).toContain('打印签发');
    await page.getByRole('button', { name: '已签发' }).click();
    await dialog.getByRole('button', { name: '确认已签发' }).click();
    await poll(() => actions(page)).toEqual([]);
    expect(await page.locator('ot-item-status tr[data-item="birth-medical-certificate"] td').textContent()).toContain('已办结（准予）');
    const trail = await page.locator('ot-timeline ol.trail li').allTextContents();
    expect(trail.some((t) => t.includes('核对无误') && t.includes('出生医学证明首次签发') && t.includes('出生信息与医院记录一致'))).toBe(true);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'reviewer-decided', true);
    expect(errors).toEqual([]);
  });

  it('shows another department’s reviewer only their own item, and a department not involved nothing at all', async () => {
    const cdc = await site.page(site.tokens.cdc);
    await poll(() => queueRows(cdc.page).count()).toBe(1);
    await queueRows(cdc.page).first().getByRole('button').click();
    await applicationLoaded(cdc.page);
    expect(await cdc.page.locator('ot-action-panel h3').allTextContents()).toEqual(['预防接种证办理']);
    expect(await actions(cdc.page)).not.toContain('核对无误');

    // An item-level supplement request: only the CDC's own fields can be flagged, even with everything shown.
    await cdc.page.getByRole('button', { name: '一次性告知补正' }).click();
    await poll(() => cdc.page.getByRole('checkbox', { name: '需补正 “拟接种单位”' }).count()).toBe(1);
    expect(await fieldRow(cdc.page, 'birth-medical-certificate.birthWeightGrams').count()).toBe(0);
    expect(await cdc.page.getByRole('checkbox', { name: '需补正 “出生体重（克）”' }).count()).toBe(0);
    await cdc.page.getByRole('checkbox', { name: '需补正 “拟接种单位”' }).check();
    await cdc.page.getByLabel('“拟接种单位”的补正理由').fill('请填写具体的接种门诊名称');
    await cdc.page.getByRole('button', { name: '检查并发送' }).click();
    const dialog = cdc.page.getByRole('dialog');
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.item').textContent()).toBe('预防接种证办理');
    await dialog.getByRole('button', { name: '确认一次性告知补正' }).click();
    await poll(() => cdc.page.locator('ot-item-status tr[data-item="vaccination-certificate"] td').textContent()).toContain('补正材料');
    const round = (await site.api(site.tokens.applicant, 'GET', `/api/applications/${id}`)).body.application.flow.openSupplement;
    expect(round).toMatchObject({ scope: 'vaccination-certificate', fields: ['vaccination-certificate.clinicName'], fieldReasons: { 'vaccination-certificate.clinicName': '请填写具体的接种门诊名称' } });
    expect(round).not.toHaveProperty('reason');
    expect(cdc.errors).toEqual([]);

    const market = await site.page(site.tokens.market);
    await poll(() => market.page.locator('ot-queue .empty').textContent()).toBe('没有符合条件的办件');
    // not even by its address
    await market.page.evaluate((app) => (location.hash = `#/applications/${app}`), id);
    await market.page.reload();
    await poll(() => market.page.locator('ot-application [role="alert"] p').first().textContent()).toBe('找不到这个办件，或您无权查看。');
    expect(market.errors.filter((e) => !e.includes('404'))).toEqual([]);
  });
});
