// A realistic newborn-birth application (the family of examples/definitions.test.ts: born in
// Ezhou, registered with the father, the father applying), and helpers that fill it in through the
// UI of <ot-form> as a person with a mouse would. Used by the browser tests of form-elements and the SDK.
import type { ComposedBundle, JsonSchema } from '@onething/engine';
import type { Locator, Page } from 'playwright-core';

export const home = '湖北省鄂州市华容区葛店经济技术开发区发展大道18号3栋2单元501室';

/** How each field is filled in: text typed, an option's title picked, or a division chain. */
export type Entry = { text: string } | { option: string } | { division: [string, string, string] };

/** The guidance answers of the full application (every item but the social security card). */
export const answers = { bornInHubeiInstitution: '是', settleInHubei: '是', wantsSocialSecurityCard: '否' };

/** Bundle path → what the applicant enters, in form order. */
export const entries: Array<[string, Entry]> = [
  ['applicant.relationshipToChild', { option: '父亲' }],
  ['child.name', { text: '李沐阳' }],
  ['child.sex', { option: '男' }],
  ['child.birthDate', { text: '2024-11-03' }],
  ['child.birthPlace', { division: ['湖北省', '鄂州市', '鄂城区'] }],
  ['child.birthInstitution', { text: '鄂州市中心医院' }],
  ['child.ethnicity', { option: '汉族' }],
  ['mother.name', { text: '王晓燕' }],
  ['mother.idNumber', { text: '420703199405120024' }],
  ['mother.ethnicity', { option: '汉族' }],
  ['father.name', { text: '李建国' }],
  ['father.idNumber', { text: '420703199111080039' }],
  ['father.ethnicity', { option: '汉族' }],
  ['delivery.method', { option: '免费邮寄' }],
  ['delivery.address', { text: home }],
  ['contact.mobile', { text: '13971234567' }],
  ['contact.division', { division: ['湖北省', '鄂州市', '华容区'] }],
  ['contact.address', { text: home }],
  ['household.type', { option: '家庭户' }],
  ['household.headName', { text: '李建国' }],
  ['household.relationshipToHead', { option: '子' }],
  ['household.division', { division: ['湖北省', '鄂州市', '华容区'] }],
  ['household.address', { text: home }],
  ['birth-medical-certificate.birthTime', { text: '08:35' }],
  ['birth-medical-certificate.gestationalWeeks', { text: '39' }],
  ['birth-medical-certificate.birthWeightGrams', { text: '3350' }],
  ['birth-medical-certificate.birthLengthCm', { text: '50' }],
  ['birth-medical-certificate.healthStatus', { option: '良好' }],
  ['vaccination-certificate.clinicName', { text: '华容区葛店社区卫生服务中心预防接种门诊' }],
  ['vaccination-certificate.hepatitisBDose1Given', { option: '是' }],
  ['vaccination-certificate.bcgGiven', { option: '否' }],
  ['vaccination-certificate.bcgNotGivenReason', { option: '低出生体重（<2500克）' }],
  ['household-registration.parentsMarried', { option: '是' }],
  ['household-registration.settleWith', { option: '随父落户' }],
  ['medical-insurance-enrolment.paymentChannel', { option: '楚税通、鄂汇办或微信、支付宝缴费' }],
];

/** The answers of the short path: born outside Hubei, no Hubei household — only the vaccination certificate applies. */
export const shortAnswers = { bornInHubeiInstitution: '否', settleInHubei: '否', wantsSocialSecurityCard: '否' };

/** What the applicant enters on the short path, in form order. */
export const shortEntries: Array<[string, Entry]> = [
  ['child.name', { text: '李沐阳' }],
  ['child.sex', { option: '男' }],
  ['child.birthDate', { text: '2024-11-03' }],
  ['child.birthInstitution', { text: '鄂州市中心医院' }],
  ['mother.name', { text: '王晓燕' }],
  ['mother.idNumber', { text: '420703199405120024' }],
  ['contact.mobile', { text: '13971234567' }],
  ['contact.division', { division: ['湖北省', '鄂州市', '华容区'] }],
  ['contact.address', { text: '湖北省鄂州市华容区葛店经济技术开发区发展大道18号' }],
  ['vaccination-certificate.clinicName', { text: '华容区葛店社区卫生服务中心预防接种门诊' }],
  ['vaccination-certificate.hepatitisBDose1Given', { option: '是' }],
  ['vaccination-certificate.bcgGiven', { option: '是' }],
];

/** The title of a field of the composed bundle. */
export function title(composed: ComposedBundle, path: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  let node: JsonSchema | undefined = composed.schema;
  for (const key of path.split('.')) node = node?.properties?.[key];
  return (node?.['x-title'] as Record<string, string>)[locale]!;
}

/** The zh-CN title of a guidance question. */
export function questionTitle(composed: ComposedBundle, name: string): string {
  return (composed.questions.properties![name]!['x-title'] as Record<string, string>)['zh-CN']!;
}

/** The group (fieldset) of a radio or division field, found by its legend. */
export const group = (form: Locator, name: string) => form.getByRole('group', { name, exact: false }).first();

/** Answers the guidance questions by clicking. */
export async function answer(form: Locator, composed: ComposedBundle, values: Record<string, string>): Promise<void> {
  for (const [name, option] of Object.entries(values)) {
    await group(form, questionTitle(composed, name)).getByLabel(option, { exact: true }).check();
  }
}

/** Fills one field through its label, as a person with a mouse would. */
export async function fill(form: Locator, composed: ComposedBundle, path: string, entry: Entry): Promise<void> {
  const name = title(composed, path);
  if ('text' in entry) {
    const input = form.getByLabel(name, { exact: false }).first();
    await input.fill(entry.text);
    await input.blur();
  } else if ('option' in entry) {
    const control = form.locator(`[id="f-${path}"]`);
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption({ label: entry.option });
    else await group(form, name).getByLabel(entry.option, { exact: true }).check();
  } else {
    const box = group(form, name);
    const levels = ['省（自治区、直辖市）', '市（地区、自治州）', '县（区、县级市）'];
    for (const [i, place] of entry.division.entries()) await box.getByLabel(levels[i]!).selectOption({ label: place });
  }
}

/** Fills in a list of entries, in order. */
export async function fillEntries(form: Locator, composed: ComposedBundle, list: ReadonlyArray<[string, Entry]>): Promise<void> {
  for (const [path, entry] of list) await fill(form, composed, path, entry);
}

/** Fills in the whole application (the answers first must have switched its items on). */
export async function fillAll(page: Page, composed: ComposedBundle, form: Locator = page.locator('ot-form')): Promise<void> {
  await fillEntries(form, composed, entries);
}
