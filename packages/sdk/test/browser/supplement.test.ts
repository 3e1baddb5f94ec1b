import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill } from '../../../../examples/testing/newborn-birth.js';
import { createApiClient } from '../../src/api/client.js';
import { newborn } from '../fixtures.js';
import { token } from '../server.js';
import { axe, ready, screenshot, settled, startSite, type Site } from './harness.js';
import { composed, fillShort, form, service } from './newborn-portal.js';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.close());

/** Calls the API as staff. */
async function act(bearer: string, id: string, body: Record<string, unknown>) {
  const current = await (await fetch(`${site.server.url}/api/applications/${id}`, { headers: { authorization: `Bearer ${bearer}` } })).json();
  const response = await fetch(`${site.server.url}/api/applications/${id}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ revision: current.application.revision, ...body }),
  });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return (await response.json()).application;
}

describe('a supplement round trip in <ot-status>', () => {
  it('shows what the window flagged and why, takes the corrections there, and the window sees them; then the service is rated', async () => {
    const region = '420703';
    const citizen = await token({ sub: 'citizen-supplement', region });
    const clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region, department: 'huarong-service-centre' });
    const cdc = await token({ sub: 'reviewer-cdc', roles: ['reviewer:huarong-cdc'], region });

    // Given a signed-in citizen submitted the newborn application on the portal
    const { page, violations, errors } = await site.open(`/portal/#token=${citizen}`);
    await ready(page);
    await fillShort(page);
    await form(page).getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => service(page).locator('.panel .ref').count(), settled).toBe(1);
    const id = (await service(page).locator('.panel .ref').textContent())!;

    // When the window flags two fields, with the reason
    await act(clerk, id, { type: 'CLAIM' });
    const reason = '新生儿姓名与出生医学证明不一致；母亲身份证号码与证件不符';
    await act(clerk, id, { type: 'REQUEST_SUPPLEMENT', payload: { fields: ['child.name', 'mother.idNumber'], materials: [], reason } });

    // Then the applicant's status shows exactly what to change and why, with only those fields editable
    const status = page.locator('ot-status');
    await status.getByRole('button', { name: '刷新' }).click();
    await expect.poll(() => status.locator('#ot-supplement-title').textContent(), settled).toBe('需要您补正');
    expect(await status.locator('[part="supplement"] dd').first().textContent()).toBe(reason);
    expect(await status.locator('[part="supplement"] > dl li').allTextContents()).toEqual(['新生儿姓名', '母亲公民身份号码']);
    const supplementForm = status.locator('ot-form');
    await expect.poll(() => supplementForm.locator('input:not([type=hidden])').count(), settled).toBe(2);
    await screenshot(page, 'supplement-1-requested');
    expect(await axe(page)).toEqual([]);

    // When the applicant corrects them there and sends the corrections
    await fill(supplementForm, composed, 'child.name', { text: '李沐扬' });
    await fill(supplementForm, composed, 'mother.idNumber', { text: '420703199405120016' });
    await supplementForm.getByRole('button', { name: '提交补正材料' }).click();
    await expect.poll(() => status.locator('.notice--success').textContent(), settled).toContain('补正内容已提交');
    await screenshot(page, 'supplement-2-sent');

    // Then the window sees the change, recorded with the request
    const seen = await (await fetch(`${site.server.url}/api/applications/${id}`, { headers: { authorization: `Bearer ${clerk}` } })).json();
    expect(seen.application.data.child.name).toBe('李沐扬');
    expect(seen.application.data.mother.idNumber).toBe('420703199405120016');
    expect(seen.application.flow.supplements[0].answer.fields.sort()).toEqual(['child.name', 'mother.idNumber']);
    expect(seen.application.timeline.map((e: { event: string }) => e.event)).toContain('SUPPLEMENT');

    // And once the window accepts and the department approves, the applicant rates the service
    await act(clerk, id, { type: 'ACCEPT' });
    await act(cdc, id, { type: 'APPROVE', item: 'vaccination-certificate' });
    await status.getByRole('button', { name: '刷新' }).click();
    await expect.poll(() => status.locator('.state').textContent(), settled).toBe('已办结');
    const rating = status.locator('ot-rating');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => rating.locator('.error-message').textContent(), settled).toBe('请选择 1 到 5 星');
    await rating.locator('label[for="score-5"]').click();
    await rating.getByLabel('意见和建议').fill('一次提交就全办好了，很方便。');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => rating.locator('[role="status"]').textContent(), settled).toBe('您的评价：5 星');
    expect(await site.server.store.getRating(id)).toMatchObject({ score: 5, comment: '一次提交就全办好了，很方便。' });
    await screenshot(page, 'supplement-3-completed-rated');
    expect(await axe(page)).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('prefills the same citizen’s next application from the first, marked and editable, and nobody else’s', async () => {
    const region = '420703';
    // Given a citizen who submitted a newborn application before (through the API, on another device)
    const bearer = await token({ sub: 'citizen-prefill', region });
    const api = createApiClient({ server: site.server.url, token: bearer });
    const { application } = await api.createDraft('newborn-birth', undefined, 'prefill-create-0001');
    await api.submit(application.id, newborn, 'prefill-submit-0001', {});
    // When they start another application in the portal
    const again = await site.open(`/portal/#token=${bearer}`);
    await ready(again.page);
    // Then their own non-sensitive answers are filled in, each marked, with a summary at the top
    expect(await form(again.page).locator('[id="f-mother.name"]').inputValue()).toBe('王晓燕');
    expect(await form(again.page).locator('[id="f-contact.mobile"]').inputValue()).toBe('13971234567');
    expect(await form(again.page).locator('[id="f-mother.name-hint"]').textContent()).toContain('已根据您此前的申请预填，请核对，可修改。');
    expect(await service(again.page).locator('[part="notice"]').first().textContent()).toMatch(/我们已为您预填 \d+ 项内容/);
    // And the child's data and ID numbers are not reused
    expect(await form(again.page).locator('[id="f-child.name"]').inputValue()).toBe('');
    expect(await form(again.page).locator('[id="f-mother.idNumber"]').inputValue()).toBe('');
    // And the prefilled value can be changed like any other
    await fill(form(again.page), composed, 'mother.name', { text: '王晓艳' });
    expect(await form(again.page).locator('[id="f-mother.name"]').inputValue()).toBe('王晓艳');
    await screenshot(again.page, 'prefill-1-marked');

    // Given another citizen on the same site
    const other = await site.open(`/portal/#token=${await token({ sub: 'citizen-other', region })}`);
    await ready(other.page);
    // Then nothing of the first citizen's is there
    expect(await form(other.page).locator('[id="f-mother.name"]').inputValue()).toBe('');
    expect(await form(other.page).locator('[id="f-contact.mobile"]').inputValue()).toBe('');
    expect(await service(other.page).locator('[part="notice"]').count()).toBe(0);
  });

  it('keeps corrections typed in <ot-status> through a reload and a newer revision of the application, until they are sent', async () => {
    const region = '420703';
    const citizen = await token({ sub: 'citizen-corrections', region });
    const clerk = await token({ sub: 'clerk-2', roles: ['clerk'], region, department: 'huarong-service-centre' });
    // Given a submitted application whose window asks to correct the child's name
    const api = createApiClient({ server: site.server.url, token: citizen });
    const { application } = await api.createDraft('newborn-birth', undefined, 'corrections-create-0001');
    await api.submit(application.id, newborn, 'corrections-submit-0001', {});
    await act(clerk, application.id, { type: 'CLAIM' });
    await act(clerk, application.id, { type: 'REQUEST_SUPPLEMENT', payload: { fields: ['child.name'], materials: [], reason: '姓名与出生医学证明不一致' } });

    // And the citizen's status page, where they type a correction but do not send it yet. The status
    // goes at the top of the page: below the portal's own form, which may still be loading (or laying
    // out a section as it scrolls by), it could move between Playwright's aim and its click, and the
    // click would miss (seen on a busy machine: "Refresh" clicked, no request sent)
    const { page, errors } = await site.open(`/portal/#token=${citizen}`);
    const showStatus = () =>
      page.evaluate(
        ({ id, bearer }) => {
          const status = Object.assign(document.createElement('ot-status'), { server: location.origin, application: id, token: bearer });
          document.querySelector('main')!.prepend(status);
        },
        { id: application.id, bearer: citizen },
      );
    await showStatus();
    const name = page.locator('ot-status ot-form [id="f-child.name"]');
    await expect.poll(() => name.inputValue(), settled).toBe('李沐阳');
    await name.fill('李沐扬');

    // When the page is reloaded, the correction is still there
    await page.reload();
    await showStatus();
    await expect.poll(() => name.inputValue(), settled).toBe('李沐扬');

    // When the application changed on the server meanwhile (a newer revision) and the page refreshes it
    await page.route(`**/api/applications/${application.id}`, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.application.revision += 1;
      await route.fulfill({ response, json: body });
    });
    await page.locator('ot-status').getByRole('button', { name: '刷新' }).click();
    await expect.poll(() => page.evaluate(() => (document.querySelector('ot-status') as any).app?.revision), settled).toBe((await site.server.store.getApplication(application.id))!.revision + 1);
    // Then what they typed is still there, in the form of the newer revision
    expect(await name.inputValue()).toBe('李沐扬');

    // And once it is sent, the server has it and the device forgets it
    await page.unroute(`**/api/applications/${application.id}`);
    await page.locator('ot-status').getByRole('button', { name: '刷新' }).click();
    await expect.poll(() => name.inputValue(), settled).toBe('李沐扬');
    await page.locator('ot-status ot-form').getByRole('button', { name: '提交补正材料' }).click();
    await expect.poll(async () => (await site.server.store.getApplication(application.id))?.data['child'], settled).toMatchObject({ name: '李沐扬' });
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':corrections:'))), settled).toEqual([]);
    expect(errors).toEqual([]);
  });
});
