import type { Submission } from '@onething/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeExample, validatorSource } from '../fixtures.js';
import { axe, screenshot, settled, startSite, type TestSite } from './harness.js';
import { answer, answers, fill, fillAll, fillEntries, group, shortAnswers, shortEntries, title } from '../../../../examples/testing/newborn-birth.js';

const composed = composeExample('newborn-birth');
let site: TestSite;

beforeAll(async () => {
  site = await startSite({ 'newborn-birth': validatorSource(composed) });
});
afterAll(() => site?.close());

async function open(options: Record<string, unknown> = {}): Promise<{ page: Page; errors: string[] }> {
  const opened = await site.page();
  await opened.page.evaluate((o) => (window as any).otTest.mount(o), { composed, validator: 'newborn-birth', ...options } as any);
  return opened;
}

const form = (page: Page) => page.locator('ot-form');
const events = (page: Page, type: string) =>
  page.evaluate((t) => (window as any).otTest.events.filter((e: { type: string }) => e.type === t).map((e: { detail: unknown }) => e.detail), type);
const includedItems = (page: Page) => form(page).locator('.items-list .item-title').allTextContents();
const sectionTitles = (page: Page) => form(page).locator('.section-title').allTextContents();

describe('the newborn-birth bundle in <ot-form>', () => {
  it('asks the guidance questions first and switches items on and off as they are answered', async () => {
    // Given the form with nothing answered: only the item without a condition applies
    const { page, errors } = await open();
    expect((await sectionTitles(page))[0]).toBe('情形引导');
    expect(await includedItems(page)).toEqual(['预防接种证办理']);
    await screenshot(page, 'newborn-1-start');

    // When the baby was born in a Hubei hospital, the birth certificate joins, with its own sections
    await answer(form(page), composed, { bornInHubeiInstitution: '是' });
    expect(await includedItems(page)).toEqual(['出生医学证明首次签发', '预防接种证办理']);
    expect(await sectionTitles(page)).toContain('出生医学证明首次签发：新生儿出生信息');
    await expect.poll(() => form(page).getByLabel(title(composed, 'birth-medical-certificate.birthWeightGrams')).count(), settled).toBe(1);

    // When the household is in Hubei and a card is wanted, registration, insurance and the card join
    await answer(form(page), composed, { settleInHubei: '是', wantsSocialSecurityCard: '是' });
    expect(await includedItems(page)).toEqual(['出生医学证明首次签发', '预防接种证办理', '户口登记（出生登记）', '城乡居民基本医疗保险参保登记', '社会保障卡申领']);
    expect(await form(page).getByLabel(title(composed, 'social-security-card.bank')).count()).toBe(1);
    await screenshot(page, 'newborn-2-all-items');

    // When the card is not wanted after all, it leaves again, with its fields
    await answer(form(page), composed, { wantsSocialSecurityCard: '否' });
    expect(await includedItems(page)).not.toContain('社会保障卡申领');
    expect(await form(page).getByLabel(title(composed, 'social-security-card.bank')).count()).toBe(0);

    // And when the baby was not born in a Hubei hospital, the birth certificate's fields go
    await answer(form(page), composed, { bornInHubeiInstitution: '否' });
    expect(await includedItems(page)).not.toContain('出生医学证明首次签发');
    expect(await form(page).getByLabel(title(composed, 'birth-medical-certificate.birthWeightGrams')).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows each problem beside its field and in a summary at the top whose links lead to the fields', async () => {
    const { page, errors } = await open({ answers: { bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: false } });

    // When the empty form is submitted
    await form(page).getByRole('button', { name: '提交申请' }).click();

    // Then the summary is focused and lists the problems, and ot-invalid says what they are
    const summary = form(page).locator('.error-summary');
    await expect.poll(() => summary.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el), settled).toBe(true);
    expect(await summary.getByRole('heading').textContent()).toBe('请更正以下问题');
    const links = summary.getByRole('link');
    expect(await links.count()).toBeGreaterThan(20);
    expect(await links.first().textContent()).toBe('请填写“申请人与新生儿关系”');
    const [invalid] = await events(page, 'ot-invalid');
    expect(invalid.errors.length).toBe(await links.count());
    expect(await events(page, 'ot-submit')).toEqual([]);

    // And each field says what is wrong, tied to its control
    const name = form(page).getByLabel(title(composed, 'child.name'));
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await name.getAttribute('aria-describedby'))!.split(' ');
    const message = form(page).locator(`[id="${describedBy.at(-1)}"]`);
    expect((await message.textContent())!.replace(/\s+/g, ' ').trim()).toBe('错误： 请填写“新生儿姓名”');
    await screenshot(page, 'newborn-3-errors');

    // When the summary link of the name is followed, the name field has focus
    await summary.getByRole('link', { name: '请填写“新生儿姓名”' }).click();
    expect(await name.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);

    // When the name is typed, its error goes away as soon as it is fixed
    await name.pressSequentially('李沐阳');
    await expect.poll(() => name.getAttribute('aria-invalid'), settled).toBe('false');
    expect(await summary.getByRole('link', { name: '请填写“新生儿姓名”' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('moves focus into a missing material from its summary link: its file input', async () => {
    // Given the father applies, so the mother's power of attorney must be uploaded, and nothing is
    const { page, errors } = await open({ answers: { bornInHubeiInstitution: true, settleInHubei: false, wantsSocialSecurityCard: false }, data: { applicant: { relationshipToChild: 'father' } } });
    await form(page).getByRole('button', { name: '提交申请' }).click();
    const link = form(page).locator('.error-summary a').filter({ hasText: '委托书' });
    await expect.poll(() => link.count(), settled).toBe(1);
    // When its link is followed
    await link.click();
    // Then the file input has focus (the link pointed at the material's hint, which cannot take it)
    await expect.poll(() => form(page).evaluate((el) => el.shadowRoot!.activeElement?.id), settled).toBe('m-power-of-attorney-file');
    expect(errors).toEqual([]);
  });

  it('validates a changed field when it loses focus, with the format checks as you type', async () => {
    const { page, errors } = await open();
    const id = form(page).getByLabel(title(composed, 'mother.idNumber'));

    // When a resident ID number with a wrong check digit is typed, the widget says so at once
    await id.pressSequentially('420703199405120025');
    expect(await form(page).locator('[id="f-mother.idNumber-status"]').textContent()).toBe('号码校验未通过，请核对');
    // and leaving the field shows the validator's message
    await id.blur();
    await expect.poll(() => id.getAttribute('aria-invalid'), settled).toBe('true');
    expect(await form(page).locator('[id="f-mother.idNumber-error"]').textContent()).toContain('请输入有效的18位居民身份证号码');

    // When it is corrected, the error goes and the widget reads the number
    await id.fill('420703199405120024');
    await expect.poll(() => id.getAttribute('aria-invalid'), settled).toBe('false');
    expect(await form(page).locator('[id="f-mother.idNumber-status"]').textContent()).toBe('号码有效：1994-05-12 出生，女');

    // And an untouched field is not validated just because focus passed through it
    const name = form(page).getByLabel(title(composed, 'mother.name'));
    await name.focus();
    await name.blur();
    expect(await name.getAttribute('aria-invalid')).toBe('false');
    expect(errors).toEqual([]);
  });

  it('submits the complete application with hidden data pruned and computed values applied', async () => {
    const { page, errors } = await open({ holdUploads: true });
    await answer(form(page), composed, answers);
    await fillAll(page, composed);

    // The father applies, so the mother's power of attorney must be uploaded: with a progress bar
    const attorney = form(page).locator('[id="m-power-of-attorney-file"]');
    await attorney.setInputFiles({ name: '委托书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 test') });
    await expect.poll(() => form(page).locator('.file--uploading progress').evaluate((el: HTMLProgressElement) => el.value), settled).toBe(50);
    await page.evaluate(() => (window as any).otTest.finishUploads());
    await expect.poll(() => form(page).locator('.file--done .file-name').allTextContents(), settled).toEqual(['委托书.pdf']);

    // A file of the wrong type is refused before it is uploaded
    const photo = form(page).locator('[id="m-power-of-attorney-file"]');
    expect(await photo.count()).toBe(0); // one file allowed: the picker is gone
    await screenshot(page, 'newborn-4-filled');

    // Collecting in person hides the postal address, which is then not submitted
    await fill(form(page), composed, 'delivery.method', { option: '现场领取' });
    expect(await form(page).getByLabel(title(composed, 'delivery.address')).count()).toBe(0);

    await form(page).getByRole('button', { name: '提交申请' }).click();
    const submitted = (await events(page, 'ot-submit')) as Array<{ submission: Submission }>;
    expect(await form(page).locator('.error-summary').count()).toBe(0);
    expect(submitted).toHaveLength(1);
    const { answers: sentAnswers, data, materials } = submitted[0]!.submission;
    expect(sentAnswers).toEqual({ bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: false });
    expect(data.child).toEqual({ name: '李沐阳', sex: 'male', birthDate: '2024-11-03', birthPlace: '420704', birthInstitution: '鄂州市中心医院', ethnicity: '01' });
    expect(data.delivery).toEqual({ method: 'pickup' });
    expect(data['medical-insurance-enrolment']).toEqual({ coverageYear: '2024', paymentChannel: 'tax-app' });
    expect(data['birth-medical-certificate']).toMatchObject({ gestationalWeeks: 39, birthWeightGrams: 3350 });
    expect(data['social-security-card']).toBeUndefined();
    // the materials an e-licence replaces go as the e-licence chosen by default; the power of attorney as its file
    const eLicence = (type: string) => ({ eLicense: { type } });
    expect(materials).toEqual({
      'power-of-attorney': { files: [{ sha256: 'a'.repeat(64), name: '委托书.pdf', size: 13, type: 'application/pdf' }] },
      'mother-id-card': eLicence('resident-id-card'),
      'father-id-card': eLicence('resident-id-card'),
      'birth-medical-certificate': eLicence('birth-medical-certificate'),
      'household-register': eLicence('household-register'),
      'marriage-certificate': eLicence('marriage-certificate'),
    });
    expect(errors).toEqual([]);
  });

  it('submits "use my e-licence", the default of a material an e-licence replaces, with nothing typed', async () => {
    // Given the short path (born outside Hubei, no Hubei household): the vaccination certificate only,
    // whose two materials an e-licence can replace
    const { page, errors } = await open();
    await answer(form(page), composed, shortAnswers);
    await fillEntries(form(page), composed, shortEntries);
    const exempt = composed.materials.filter((m) => m.exempt && m.items.includes('vaccination-certificate'));
    expect(exempt.map((m) => m.id)).toEqual(['mother-id-card', 'birth-medical-certificate']);
    // the e-licence is selected for both, and no number is typed
    for (const m of exempt) {
      await expect.poll(() => form(page).locator(`[id="m-${m.id}-mode"]`).isChecked(), settled).toBe(true);
      expect(await form(page).locator(`[id="m-${m.id}-licence"]`).inputValue()).toBe('');
    }

    // When it is submitted as it stands
    await form(page).getByRole('button', { name: '提交申请' }).click();

    // Then the submission says the applicant chose the e-licence for each material
    const submitted = (await events(page, 'ot-submit')) as Array<{ submission: Submission }>;
    expect(await form(page).locator('.error-summary').count()).toBe(0);
    expect(submitted.map((s) => s.submission.materials)).toEqual([
      { 'mother-id-card': { eLicense: { type: 'resident-id-card' } }, 'birth-medical-certificate': { eLicense: { type: 'birth-medical-certificate' } } },
    ]);

    // When a number is typed for one and the other is to be uploaded instead (nothing uploaded yet)
    await form(page).locator('[id="m-mother-id-card-licence"]').fill('420703199405120024');
    await form(page).locator('[id="m-birth-medical-certificate-mode-upload"]').check();
    await expect.poll(() => form(page).locator('[id="m-birth-medical-certificate-file"]').count(), settled).toBe(1);
    await form(page).getByRole('button', { name: '提交申请' }).click();

    // Then the number goes with the e-licence, and the material to upload has no value
    const again = (await events(page, 'ot-submit')) as Array<{ submission: Submission }>;
    expect(again.at(-1)!.submission.materials).toEqual({ 'mother-id-card': { eLicense: { type: 'resident-id-card', number: '420703199405120024' } } });

    // When the host starts over with no materials (as <ot-service>'s "start again" does)
    const told = (await events(page, 'ot-change')).length;
    await form(page).evaluate((el: any) => void (el.materials = {}));
    // Then every material an e-licence replaces is back on the e-licence, as shown (hidden ones too:
    // submitting drops them), and no listener hears of a change the person did not make
    await expect.poll(() => form(page).locator('[id="m-birth-medical-certificate-mode"]').isChecked(), settled).toBe(true);
    expect(Object.keys(await form(page).evaluate((el: any) => el.materials)).sort()).toEqual(
      composed.materials.filter((m) => m.exempt).map((m) => m.id).sort(),
    );
    expect(await events(page, 'ot-change')).toHaveLength(told);
    expect(errors).toEqual([]);
  });

  it('re-renders every label and message in English when the locale switches, and back', async () => {
    const { page, errors } = await open({ answers: { bornInHubeiInstitution: true, settleInHubei: false, wantsSocialSecurityCard: false } });
    await form(page).getByRole('button', { name: '提交申请' }).click();

    await form(page).evaluate((el: any) => (el.locale = 'en'));
    expect(await form(page).locator('.title').textContent()).toBe('Newborn birth — one thing');
    expect(await form(page).locator('.error-summary-title').textContent()).toBe('There is a problem');
    expect(await form(page).getByRole('link', { name: '"Newborn\'s name" is required' }).count()).toBe(1);
    expect(await form(page).getByLabel("Newborn's name").getAttribute('aria-invalid')).toBe('true');
    expect(await group(form(page), 'Was the baby born in a midwifery institution').getByLabel('Yes').isChecked()).toBe(true);
    expect(await form(page).getByRole('button', { name: 'Submit application' }).count()).toBe(1);
    // no Chinese left in any label, legend, heading, hint or message (division names are Chinese only, by the standard)
    const texts = await form(page).locator('.label, .legend, .section-title, .hint, .error-message, .error-summary a, .button').allTextContents();
    expect(texts.filter((t) => /[\u3400-\u9fff]/.test(t))).toEqual([]);
    await screenshot(page, 'newborn-5-english');

    await form(page).evaluate((el: any) => (el.locale = 'zh-CN'));
    expect(await form(page).locator('.error-summary-title').textContent()).toBe('请更正以下问题');
    expect(await form(page).getByLabel('新生儿姓名').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('loses nothing typed through a locale switch and an item switching off and on again', async () => {
    const { page, errors } = await open({ answers: { bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: false } });
    const field = (path: string) => form(page).locator(`[id="f-${path}"]`);
    // Given a chosen option, an item's field, and a name still being typed (focus is still in it)
    await field('child.ethnicity').selectOption({ label: '汉族' });
    await field('birth-medical-certificate.birthWeightGrams').fill('3350');
    await field('child.name').pressSequentially('李沐 ');
    // When the language switches
    await form(page).evaluate((el: any) => (el.locale = 'en'));
    // Then the name shows exactly what was typed, the option stays chosen (in English), the data is the same
    expect(await field('child.name').inputValue()).toBe('李沐 ');
    expect(await field('child.ethnicity').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('Han');
    expect(await form(page).evaluate((el: any) => el.data.child)).toEqual({ name: '李沐', ethnicity: '01' });
    // When the birth certificate is switched off by an answer, and on again
    await group(form(page), 'Was the baby born in a midwifery institution').getByLabel('No').check();
    expect(await field('birth-medical-certificate.birthWeightGrams').count()).toBe(0);
    await group(form(page), 'Was the baby born in a midwifery institution').getByLabel('Yes').check();
    // Then its field comes back with its value, and the name is kept (trimmed once the field was left)
    expect(await field('birth-medical-certificate.birthWeightGrams').inputValue()).toBe('3350');
    expect(await field('child.name').inputValue()).toBe('李沐');
    expect(errors).toEqual([]);
  });

  it('has no axe violations: new, answered with errors, in English, and as a wizard', async () => {
    const { page } = await open();
    expect(await axe(page)).toEqual([]);

    await answer(form(page), composed, { bornInHubeiInstitution: '是', settleInHubei: '是', wantsSocialSecurityCard: '是' });
    await form(page).getByRole('button', { name: '提交申请' }).click();
    expect(await axe(page)).toEqual([]);

    await form(page).evaluate((el: any) => (el.locale = 'en'));
    expect(await axe(page)).toEqual([]);

    const wizard = await open({ layout: 'wizard', answers: { bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: true } });
    await form(wizard.page).getByRole('button', { name: '下一步' }).click();
    expect(await axe(wizard.page)).toEqual([]);
  });
});
