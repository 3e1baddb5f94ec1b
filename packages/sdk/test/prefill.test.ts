import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/api/client.js';
import { openStorage } from '../src/drafts/storage.js';
import { markPrefilled } from '../src/prefill/prefill.js';
import { openSession } from '../src/session.js';
import { home, memoryStorage, newborn } from './fixtures.js';
import { startServer, token, type SdkTestServer } from './server.js';

let server: SdkTestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

async function clientOf(sub: string, profile?: Record<string, string>) {
  return createApiClient({ server: server.url, token: await token({ sub, region: '420703', ...(profile ? { profile } : {}) }) });
}

describe('smart prefill (智能预填)', () => {
  it('fills a new form from the applicant’s earlier application, marks it, and leaves sensitive data out', async () => {
    // Given Wang Xiaoyan submitted a newborn application earlier
    const wang = await clientOf('wang-xiaoyan');
    const { application } = await wang.createDraft('newborn-birth', '1.0.0', 'earlier-application-1');
    await wang.submit(application.id, newborn, 'earlier-application-1-submit', {});
    // When she starts a new one
    const session = await openSession({ api: wang, storage: openStorage(memoryStorage()), bundle: 'newborn-birth' });
    // Then her own, non-sensitive answers are filled in and marked as from her earlier application
    expect(session.draft.prefilled).toEqual({
      'mother.name': 'history',
      'contact.mobile': 'history',
      'contact.division': 'history',
      'contact.address': 'history',
    });
    expect(session.draft.content.data).toEqual({
      mother: { name: '王晓燕' },
      contact: { mobile: '13971234567', division: '420703', address: home },
    });
    // And the child's data and the mother's ID number (sensitive) are not reused
    expect(session.draft.content.data['child']).toBeUndefined();
  });

  it('never fills one applicant’s form with another applicant’s data', async () => {
    const li = await clientOf('li-unrelated');
    const session = await openSession({ api: li, storage: openStorage(memoryStorage()), bundle: 'newborn-birth' });
    expect(session.draft.content.data).toEqual({});
    expect(session.draft.prefilled).toBeUndefined();
  });

  it('fills what the sign-in token vouches for (the enterprise of a legal-person login)', async () => {
    const owner = await clientOf('restaurant-owner', { creditCode: '91420703MA4F5XXX1X', enterpriseName: '鄂州市华容区葛店小厨餐饮店' });
    const values = await owner.prefill('open-restaurant', '1.0.0');
    expect(values.filter((v) => v.source === 'token').map((v) => [v.path, v.value])).toEqual([
      ['enterprise.name', '鄂州市华容区葛店小厨餐饮店'],
      ['enterprise.creditCode', '91420703MA4F5XXX1X'],
    ]);
    const session = await openSession({ api: owner, storage: openStorage(memoryStorage()), bundle: 'open-restaurant' });
    expect(session.draft.prefilled).toEqual({ 'enterprise.name': 'token', 'enterprise.creditCode': 'token' });
  });

  it('marks each prefilled field in its help text, so the mark is read out with the field', async () => {
    const wang = await clientOf('wang-xiaoyan');
    const session = await openSession({ api: wang, storage: openStorage(memoryStorage()), bundle: 'newborn-birth' });
    const marked = markPrefilled(session.composed, { 'mother.name': 'history', 'contact.mobile': 'token' });
    expect(marked.ui.fields['mother.name']?.help).toMatchInlineSnapshot(`
      {
        "en": "Filled in from your earlier application. Check it; you can change it.",
        "zh-CN": "已根据您此前的申请预填，请核对，可修改。",
      }
    `);
    expect(marked.ui.fields['contact.mobile']?.help).toMatchInlineSnapshot(`
      {
        "en": "Filled in from your account. Check it; you can change it.",
        "zh-CN": "已根据您的登录账号预填，请核对，可修改。",
      }
    `);
    // the bundle itself is untouched
    expect(session.composed.ui.fields['mother.name']?.help).toBeUndefined();
  });
});
