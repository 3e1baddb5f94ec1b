// Driving <ot-service> with the newborn-birth bundle in the example portals.
import type { Page } from 'playwright-core';
import { composeExample } from '../../../form-elements/test/fixtures.js';
import { answer, fill } from '../../../form-elements/test/browser/newborn.js';

/** The composed newborn-birth bundle (what the server serves), for field titles. */
export const composed = composeExample('newborn-birth');

export const form = (page: Page) => page.locator('ot-service ot-form');
export const service = (page: Page) => page.locator('ot-service');


/** Fills the short path: only the vaccination certificate applies (born outside Hubei, no Hubei household). */
export async function fillShort(page: Page): Promise<void> {
  await answer(form(page), composed, { bornInHubeiInstitution: '否', settleInHubei: '否', wantsSocialSecurityCard: '否' });
  const entries: Array<[string, Parameters<typeof fill>[3]]> = [
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
  for (const [path, entry] of entries) await fill(form(page), composed, path, entry);
}

