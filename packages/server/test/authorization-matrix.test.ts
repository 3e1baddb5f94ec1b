import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, PDF, seed, startServer, STARTER, STARTER_FORM, token, type TestServer } from './helpers.js';
import { apiRoutes } from '../src/http/routes/index.js';
import { createDispatcher } from '../src/notifications/dispatcher.js';
import { createTransports } from '../src/notifications/transports/index.js';

let inboxFor = '';

/**
 * Every route × every role × own / other's data. "Other's data" is another applicant's
 * application, an application of another department, or of another region.
 */
const ACTORS = ['anonymous', 'applicant', 'otherApplicant', 'clerk', 'clerkOtherRegion', 'reviewer', 'reviewerOtherDept', 'admin'] as const;
type ActorName = (typeof ACTORS)[number];
type Expected = Record<ActorName, number>;

let server: TestServer;
let url: string;
const tokens = {} as Record<ActorName, string | undefined>;

beforeAll(async () => {
  server = await startServer({ rateLimits: false });
  url = server.url;
  await seed(server.services.store);
  tokens.anonymous = undefined;
  tokens.applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
  tokens.otherApplicant = await token({ sub: 'citizen-b', roles: ['applicant'], region: '310101' });
  tokens.clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
  tokens.clerkOtherRegion = await token({ sub: 'clerk-2', roles: ['clerk'], region: '110105', department: 'licensing-bureau' });
  tokens.reviewer = await token({ sub: 'rev-1', roles: ['reviewer:licensing-bureau'], region: '310101' });
  tokens.reviewerOtherDept = await token({ sub: 'rev-2', roles: ['reviewer:registry-office'], region: '310101' });
  tokens.admin = await token({ sub: 'admin-1', roles: ['admin'], region: '310101' });
});
afterAll(() => server.close());

const as = (actor: ActorName) => (tokens[actor] ? { token: tokens[actor] } : {});
const applicantToken = () => ({ token: tokens.applicant });

/** Fixtures: applications of `citizen-a` in several states, made fresh for each cell. */
const fixtures = {
  async draft() {
    const r = await call(`${url}/api/applications`, { ...applicantToken(), body: { bundle: 'starter', ...STARTER_FORM } });
    return { id: r.body.application.id as string, revision: r.body.application.revision as number, continuation: r.body.continuationToken as string };
  },
  async submitted() {
    const r = await call(`${url}/api/applications`, { ...applicantToken(), headers: { 'idempotency-key': `fx-${Math.random()}` }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    return { id: r.body.application.id as string, revision: r.body.application.revision as number };
  },
  async closed() {
    const app = await fixtures.submitted();
    const clerk = { token: tokens.clerk };
    await call(`${url}/api/applications/${app.id}/events`, { ...clerk, body: { type: 'CLAIM', revision: 1 } });
    await call(`${url}/api/applications/${app.id}/events`, { ...clerk, body: { type: 'ACCEPT', revision: 2 } });
    const done = await call(`${url}/api/applications/${app.id}/events`, { token: tokens.reviewer, body: { type: 'APPROVE', item: 'permit', revision: 3 } });
    expect(done.body.application.status).toBe('closed');
    return app;
  },
  async withFile() {
    const draft = await fixtures.draft();
    const upload = await fetch(`${url}/api/applications/${draft.id}/materials/id-card`, { method: 'POST', headers: { authorization: `Bearer ${tokens.applicant}` }, body: Buffer.from(PDF) });
    const file = (await upload.json()) as { sha256: string };
    const submitted = await call(`${url}/api/applications/${draft.id}/submit`, {
      ...applicantToken(),
      headers: { 'idempotency-key': `fx-file-${draft.id}` },
      body: { materials: { 'id-card': { files: [file] } } },
    });
    expect(submitted.status).toBe(200);
    return { ...draft, sha256: file.sha256 };
  },
  async definitionDraft() {
    const permit = JSON.parse(readFileSync(join(STARTER, 'permit.json'), 'utf8'));
    const version = `1.${Math.floor(Math.random() * 1e6) + 1}.0`;
    const r = await call(`${url}/api/definitions/item/permit/versions/${version}`, { method: 'PUT', token: tokens.admin, body: { definition: { ...permit, version } } });
    expect(r.status).toBe(200);
    return { version, definition: { ...permit, version } };
  },
};

interface Cell {
  method?: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: Uint8Array;
}

interface Row {
  operationId: string;
  name: string;
  request(actor: ActorName): Promise<Cell>;
  expected: Expected;
  check?(actor: ActorName, body: any): void;
}

let listed = '';
const all = (status: number): Expected => Object.fromEntries(ACTORS.map((a) => [a, status])) as Expected;
const adminOnly = (ok: number): Expected => ({ ...all(403), anonymous: 401, admin: ok });

const rows: Row[] = [
  { operationId: 'health', name: 'health', request: async () => ({ path: '/healthz' }), expected: all(200) },
  { operationId: 'openapi', name: 'OpenAPI document', request: async () => ({ path: '/api/openapi.json' }), expected: all(200) },
  { operationId: 'catalog', name: 'catalog', request: async () => ({ path: '/api/catalog' }), expected: all(200) },
  { operationId: 'composedBundleLatest', name: 'composed bundle', request: async () => ({ path: '/api/bundles/starter' }), expected: all(200) },
  { operationId: 'composedBundle', name: 'composed bundle version', request: async () => ({ path: '/api/bundles/starter/versions/1.0.0' }), expected: all(200) },
  { operationId: 'bundleValidator', name: 'validator module', request: async () => ({ path: '/api/bundles/starter/versions/1.0.0/validator.js' }), expected: all(200) },
  { operationId: 'validatorRuntime', name: 'validator runtime', request: async () => ({ path: '/api/assets/onething-standalone.js' }), expected: all(200) },
  {
    operationId: 'createApplication',
    name: 'create a draft',
    request: async () => ({ path: '/api/applications', body: { bundle: 'starter' } }),
    expected: { anonymous: 201, applicant: 201, otherApplicant: 201, clerk: 403, clerkOtherRegion: 403, reviewer: 403, reviewerOtherDept: 403, admin: 403 },
  },
  {
    operationId: 'resumeApplication',
    name: 'resume with the continuation token (the token is the credential)',
    request: async () => ({ path: '/api/resume', headers: { 'x-continuation-token': (await fixtures.draft()).continuation } }),
    expected: all(200),
  },
  {
    operationId: 'resumeApplication',
    name: 'resume without a continuation token',
    request: async () => {
      await fixtures.draft();
      return { path: '/api/resume' };
    },
    expected: all(401),
  },
  {
    operationId: 'listMyApplications',
    name: 'list mine',
    request: async () => {
      listed = (await fixtures.submitted()).id;
      return { path: '/api/applications' };
    },
    expected: { ...all(403), anonymous: 401, applicant: 200, otherApplicant: 200 },
    check: (actor, body) => {
      const ids = (body.items as Array<{ id: string }>).map((a) => a.id);
      expect(ids.includes(listed), actor).toBe(actor === 'applicant');
    },
  },
  {
    operationId: 'prefill',
    name: 'prefill from my token and my earlier applications (never another applicant’s)',
    request: async () => {
      await fixtures.submitted();
      return { path: '/api/prefill?bundle=starter' };
    },
    expected: { ...all(403), anonymous: 401, applicant: 200, otherApplicant: 200 },
    check: (actor, body) => {
      const names = (body.values as Array<{ path: string; value: unknown }>).filter((v) => v.path === 'applicant.name').map((v) => v.value);
      expect(names, actor).toEqual(actor === 'applicant' ? ['王芳'] : []);
    },
  },
  {
    operationId: 'inbox',
    name: 'my notifications (a submission reaches its region’s lead window only)',
    request: async () => {
      const { id } = await fixtures.submitted();
      const { store, catalog, clock, logger } = server.services;
      await createDispatcher({ store, catalog, clock, logger, transports: createTransports([{ type: 'inbox' }], { store, logger }) }).tick();
      inboxFor = id;
      return { path: `/api/inbox?application=${id}` };
    },
    expected: { ...all(200), anonymous: 401 },
    check: (actor, body) => {
      const templates = (body.items as Array<{ applicationId: string; template: string }>).filter((n) => n.applicationId === inboxFor).map((n) => n.template);
      expect(templates, actor).toEqual(actor === 'clerk' ? ['onething.submitted'] : []);
    },
  },
  {
    operationId: 'getApplication',
    name: 'read a submitted application',
    request: async () => ({ path: `/api/applications/${(await fixtures.submitted()).id}` }),
    expected: { anonymous: 401, applicant: 200, otherApplicant: 404, clerk: 200, clerkOtherRegion: 404, reviewer: 200, reviewerOtherDept: 404, admin: 200 },
  },
  {
    operationId: 'getApplication',
    name: 'read a draft (staff do not see drafts)',
    request: async () => ({ path: `/api/applications/${(await fixtures.draft()).id}` }),
    expected: { anonymous: 401, applicant: 200, otherApplicant: 404, clerk: 404, clerkOtherRegion: 404, reviewer: 404, reviewerOtherDept: 404, admin: 200 },
  },
  {
    operationId: 'getApplicationForm',
    name: 'the form a submitted application runs on',
    request: async () => ({ path: `/api/applications/${(await fixtures.submitted()).id}/form` }),
    expected: { anonymous: 401, applicant: 200, otherApplicant: 404, clerk: 200, clerkOtherRegion: 404, reviewer: 200, reviewerOtherDept: 404, admin: 200 },
  },
  {
    operationId: 'saveDraft',
    name: 'autosave a draft',
    request: async () => {
      const d = await fixtures.draft();
      return { method: 'PUT', path: `/api/applications/${d.id}/draft`, body: { revision: d.revision, data: STARTER_FORM.data } };
    },
    expected: { anonymous: 401, applicant: 200, otherApplicant: 404, clerk: 404, clerkOtherRegion: 404, reviewer: 404, reviewerOtherDept: 404, admin: 403 },
  },
  {
    operationId: 'submitApplication',
    name: 'submit a draft',
    request: async () => ({ path: `/api/applications/${(await fixtures.draft()).id}/submit`, body: {}, headers: { 'idempotency-key': `m-${Math.random()}` } }),
    expected: { anonymous: 401, applicant: 200, otherApplicant: 404, clerk: 404, clerkOtherRegion: 404, reviewer: 404, reviewerOtherDept: 404, admin: 403 },
  },
  {
    operationId: 'sendEvent',
    name: 'claim at the window (clerks of the lead department only)',
    request: async () => ({ path: `/api/applications/${(await fixtures.submitted()).id}/events`, body: { type: 'CLAIM', revision: 1 } }),
    expected: { anonymous: 401, applicant: 403, otherApplicant: 404, clerk: 200, clerkOtherRegion: 404, reviewer: 403, reviewerOtherDept: 404, admin: 403 },
  },
  {
    operationId: 'sendEvent',
    name: 'withdraw (the applicant only)',
    request: async () => ({ path: `/api/applications/${(await fixtures.submitted()).id}/events`, body: { type: 'WITHDRAW', revision: 1 } }),
    expected: { anonymous: 401, applicant: 200, otherApplicant: 404, clerk: 403, clerkOtherRegion: 404, reviewer: 403, reviewerOtherDept: 404, admin: 403 },
  },
  {
    operationId: 'rateApplication',
    name: 'rate a completed application',
    request: async () => ({ path: `/api/applications/${(await fixtures.closed()).id}/rating`, body: { score: 4 } }),
    expected: { anonymous: 401, applicant: 201, otherApplicant: 404, clerk: 403, clerkOtherRegion: 404, reviewer: 403, reviewerOtherDept: 404, admin: 403 },
  },
  {
    operationId: 'uploadMaterial',
    name: 'upload a file to a draft',
    request: async () => ({ path: `/api/applications/${(await fixtures.draft()).id}/materials/id-card`, raw: PDF }),
    expected: { anonymous: 401, applicant: 201, otherApplicant: 404, clerk: 404, clerkOtherRegion: 404, reviewer: 404, reviewerOtherDept: 404, admin: 403 },
  },
  {
    operationId: 'downloadMaterial',
    name: 'download a file of a submitted application',
    request: async () => {
      const f = await fixtures.withFile();
      return { path: `/api/applications/${f.id}/materials/${f.sha256}` };
    },
    expected: { anonymous: 401, applicant: 200, otherApplicant: 404, clerk: 200, clerkOtherRegion: 404, reviewer: 200, reviewerOtherDept: 404, admin: 200 },
  },
  {
    operationId: 'departmentQueue',
    name: 'own queue',
    request: async () => {
      await fixtures.submitted();
      return { path: '/api/queue' };
    },
    expected: { anonymous: 401, applicant: 403, otherApplicant: 403, clerk: 200, clerkOtherRegion: 200, reviewer: 200, reviewerOtherDept: 200, admin: 200 },
    check: (actor, body) => {
      const seesIt = ['clerk', 'reviewer', 'admin'].includes(actor);
      expect(body.items.length > 0, actor).toBe(seesIt);
    },
  },
  {
    operationId: 'departmentQueue',
    name: 'another department’s queue',
    request: async () => ({ path: '/api/queue?department=registry-office' }),
    expected: { anonymous: 401, applicant: 403, otherApplicant: 403, clerk: 403, clerkOtherRegion: 403, reviewer: 403, reviewerOtherDept: 200, admin: 200 },
  },
  {
    operationId: 'departmentQueue',
    name: 'another region’s queue',
    request: async () => ({ path: '/api/queue?region=110105' }),
    expected: { anonymous: 401, applicant: 403, otherApplicant: 403, clerk: 403, clerkOtherRegion: 200, reviewer: 403, reviewerOtherDept: 403, admin: 200 },
  },
  { operationId: 'listDefinitions', name: 'list definitions', request: async () => ({ path: '/api/definitions' }), expected: adminOnly(200) },
  { operationId: 'listDefinitionVersions', name: 'list versions', request: async () => ({ path: '/api/definitions/item/permit/versions' }), expected: adminOnly(200) },
  { operationId: 'getDefinition', name: 'read a definition', request: async () => ({ path: '/api/definitions/item/permit/versions/1.0.0' }), expected: adminOnly(200) },
  {
    operationId: 'saveDefinitionDraft',
    name: 'save a definition draft',
    request: async () => {
      const permit = JSON.parse(readFileSync(join(STARTER, 'permit.json'), 'utf8'));
      const version = `1.${Math.floor(Math.random() * 1e6) + 1}.0`;
      return { method: 'PUT', path: `/api/definitions/item/permit/versions/${version}`, body: { definition: { ...permit, version } } };
    },
    expected: adminOnly(200),
  },
  {
    operationId: 'publishDefinition',
    name: 'publish a definition',
    request: async () => ({ path: `/api/definitions/item/permit/versions/${(await fixtures.definitionDraft()).version}/publish`, body: { revision: 1 } }),
    expected: adminOnly(200),
  },
  { operationId: 'listPortals', name: 'list portals', request: async () => ({ path: '/api/admin/portals' }), expected: adminOnly(200) },
  {
    operationId: 'registerPortal',
    name: 'register a portal',
    request: async () => ({ path: '/api/admin/portals', body: { origin: `https://p${Math.floor(Math.random() * 1e6)}.example`, name: 'Portal' } }),
    expected: adminOnly(201),
  },
  {
    operationId: 'removePortal',
    name: 'remove a portal',
    request: async () => {
      const origin = `https://r${Math.floor(Math.random() * 1e6)}.example`;
      await call(`${url}/api/admin/portals`, { token: tokens.admin, body: { origin, name: 'x' } });
      return { method: 'DELETE', path: `/api/admin/portals/${encodeURIComponent(origin)}` };
    },
    expected: adminOnly(204),
  },
];

describe('authorization matrix: every route × every role × own / other’s data', () => {
  it('covers every route of the API', () => {
    const covered = new Set(rows.map((r) => r.operationId));
    expect(apiRoutes().map((r) => r.operationId).filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const row of rows) {
    it(`${row.operationId}: ${row.name}`, async () => {
      const actual = {} as Record<ActorName, number>;
      for (const actor of ACTORS) {
        const cell = await row.request(actor);
        const headers: Record<string, string> = { ...cell.headers };
        if (tokens[actor]) headers['authorization'] = `Bearer ${tokens[actor]}`;
        let status: number;
        let body: unknown;
        if (cell.raw) {
          const r = await fetch(`${url}${cell.path}`, { method: 'POST', headers, body: Buffer.from(cell.raw) });
          status = r.status;
          body = await r.json();
        } else {
          const r = await call(`${url}${cell.path}`, { ...(cell.method ? { method: cell.method } : {}), ...(cell.body !== undefined ? { body: cell.body } : {}), headers });
          status = r.status;
          body = r.body;
          if (status >= 400) expect(Object.keys(r.body as object).sort(), `${actor}: error body`).toEqual(expect.arrayContaining(['code', 'message']));
        }
        actual[actor] = status;
        if (row.check && status < 300) row.check(actor, body);
      }
      expect(actual).toEqual(row.expected);
    });
  }
});
