import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoIdentities, workbenchLink } from '../src/demo.js';
import { EXAMPLES, SECRET, seed, startServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
  await seed(server.services.store, EXAMPLES);
});
afterEach(() => server.close());

describe('the demo’s ready links', () => {
  it('hands every staff token to the workbench in the fragment, and none of the applicant’s', async () => {
    const identities = await demoIdentities(await server.services.catalog.registry(), SECRET);
    const links = identities.map((i) => [i.label, workbenchLink(i, 'http://127.0.0.1:3000/workbench/')?.replace(i.token, '<token>')]);
    expect(links).toEqual([
      ['applicant 申请人', undefined],
      ['clerk 综窗 · 鄂州市华容区政务服务中心综合窗口', 'http://127.0.0.1:3000/workbench/#token=<token>'],
      ...identities.filter((i) => i.label.startsWith('reviewer')).map((i) => [i.label, 'http://127.0.0.1:3000/workbench/#token=<token>']),
      ['admin 管理员', 'http://127.0.0.1:3000/workbench/#token=<token>'],
    ]);
    expect(identities.filter((i) => i.label.startsWith('reviewer'))).toHaveLength(8); // one per department of the nine items
  });
});
