// The workbench's browser tests: the real onething server (in this process, SQLite in memory)
// on 127.0.0.1:<random>, with the example definitions published and the workbench app built by
// its own build script; Debian's Chromium driven by playwright-core. Citizens act through the API.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createLogger, importDefinitions, mintToken, serve, SqliteStore, type RunningServer } from '@onething/server';
import { buildApp } from '../../scripts/build-app.mjs';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildBrowser } from '../../../sdk/scripts/browser-build.mjs';
import { NEWBORN, PDF, restaurantApplication, ROOT } from '../fixtures.js';

export { NEWBORN, PDF, ROOT };

export const ARTIFACTS = join(ROOT, 'test-results', 'workbench');
const EXAMPLES = join(ROOT, 'examples/definitions');
const SECRET = 'workbench-browser-test-secret-0123456789';
export const REGION = '420703';
export const WINDOW = 'huarong-service-centre';

/** The staff and citizens of the tests, by what they do. */
export interface Tokens {
  applicant: string;
  restaurateur: string;
  clerk: string;
  health: string;
  cdc: string;
  market: string;
  admin: string;
}

export interface WorkbenchSite {
  url: string;
  server: RunningServer;
  browser: Browser;
  tokens: Tokens;
  /** A fresh page at /workbench/ signed in with `token` (none: the sign-in form). Page errors are collected. */
  page(token?: string, options?: { viewport?: { width: number; height: number }; locale?: string; hash?: string }): Promise<{ page: Page; errors: string[] }>;
  /** Moves the server's clock (`undefined`: the real time again); the browser keeps the real time. */
  setNow(now: Date | undefined): void;
  /** Calls the API as someone. */
  api(token: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /**
   * The applicant's side (only with `startWorkbench({ applicant: true })`): a fresh page of the
   * example HTML portal with the SDK's `<ot-status>` for the application, signed in as `token`.
   */
  applicantStatus(token: string, application: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

function definitions() {
  return readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const content = JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as { kind: string; id: string };
      return { path: `${content.kind}/${content.id}.json`, content };
    });
}

/**
 * Builds the app, starts the server with the examples and launches Chromium. With `applicant`,
 * the SDK's browser bundle is built too and served with the example HTML portal, for
 * `applicantStatus` (what the citizen sees of what staff did).
 * @example const site = await startWorkbench(); const { page } = await site.page(site.tokens.clerk);
 */
export async function startWorkbench(options: { applicant?: boolean } = {}): Promise<WorkbenchSite> {
  const app = mkdtempSync(join(tmpdir(), 'ot-workbench-app-'));
  await buildApp({ outdir: app, minify: true });
  const sdk = options.applicant ? mkdtempSync(join(tmpdir(), 'ot-workbench-sdk-')) : undefined;
  if (sdk) await buildBrowser({ outdir: sdk, sourcemap: false });
  const store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  const report = await importDefinitions(store, definitions() as never, 'seed', new Date('2025-03-03T00:00:00Z'));
  if (report.diagnostics.length) throw new Error(`seeding failed: ${JSON.stringify(report.diagnostics.slice(0, 2))}`);
  let fixed: Date | undefined;
  const server = await serve({
    clock: () => fixed ?? new Date(),
    store,
    auth: { secret: SECRET },
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ level: 'error' }),
    assets: { workbench: app, ...(sdk ? { sdk, portalHtml: join(ROOT, 'examples/portal-html') } : {}) },
    rateLimits: false,
    scheduler: false,
    notifications: false,
  });
  const mint = (claims: Parameters<typeof mintToken>[0]) => mintToken(claims, { secret: SECRET });
  const tokens: Tokens = {
    applicant: await mint({ sub: 'citizen-wang', roles: ['applicant'], region: REGION, name: '王晓燕' }),
    restaurateur: await mint({ sub: 'citizen-zhang', roles: ['applicant'], region: REGION, name: '张伟' }),
    clerk: await mint({ sub: 'clerk-zhou', roles: ['clerk'], region: REGION, department: WINDOW, name: '周敏' }),
    health: await mint({ sub: 'reviewer-chen', roles: ['reviewer:huarong-health'], region: REGION, name: '陈医生' }),
    cdc: await mint({ sub: 'reviewer-liu', roles: ['reviewer:huarong-cdc'], region: REGION, name: '刘医生' }),
    market: await mint({ sub: 'reviewer-zhao', roles: ['reviewer:huarong-market'], region: REGION, name: '赵科长' }),
    admin: await mint({ sub: 'admin-wu', roles: ['admin'], region: REGION, name: '吴管理' }),
  };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const api: WorkbenchSite['api'] = async (token, method, path, body, headers = {}) => {
    const binary = body instanceof Uint8Array;
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined && !binary ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: binary ? (body as BodyInit) : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const newPage = async (options: { viewport?: { width: number; height: number }; locale?: string } = {}) => {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 1000 }, locale: options.locale ?? 'zh-CN', acceptDownloads: true, timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    return { page, errors };
  };
  return {
    url: server.url,
    server,
    browser,
    tokens,
    api,
    async applicantStatus(token, application) {
      if (!sdk) throw new Error('startWorkbench({ applicant: true }) serves the applicant’s side');
      const opened = await newPage({ viewport: { width: 1100, height: 900 } });
      await opened.page.goto(`${server.url}/portal/`);
      await opened.page.evaluate(() => customElements.whenDefined('ot-status'));
      // The portal's own <ot-service> starts a new application; the status of this one goes beside it.
      await opened.page.evaluate(
        ({ token, application }) => {
          const status = Object.assign(document.createElement('ot-status'), { server: location.origin, application, token: () => token, storage: 'none' });
          document.querySelector('main')!.prepend(status);
        },
        { token, application },
      );
      return opened;
    },
    setNow(now) {
      fixed = now;
    },
    async page(token, options = {}) {
      const { page, errors } = await newPage(options);
      const hash = token ? `#token=${token}` : (options.hash ?? '');
      await page.goto(`${server.url}/workbench/${hash}`);
      await page.waitForFunction(() => customElements.get('ot-workbench') !== undefined, undefined, { timeout: 20_000 });
      if (token && options.hash) await page.evaluate((h) => (location.hash = h), options.hash);
      return { page, errors };
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(app, { recursive: true, force: true });
      if (sdk) rmSync(sdk, { recursive: true, force: true });
    },
  };
}

/**
 * A citizen's newborn-birth application through the API: a draft, the mother's ID card uploaded
 * as a PDF, then submitted. Returns its id.
 * @example const id = await submitNewborn(site)
 */
export async function submitNewborn(site: WorkbenchSite, data: Record<string, unknown> = NEWBORN.data): Promise<string> {
  const created = await site.api(site.tokens.applicant, 'POST', '/api/applications', { bundle: 'newborn-birth', answers: NEWBORN.answers, data });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.application.id as string;
  const upload = await site.api(site.tokens.applicant, 'POST', `/api/applications/${id}/materials/mother-id-card`, PDF, { 'X-File-Name': encodeURIComponent('母亲身份证.pdf'), 'Content-Type': 'application/octet-stream' });
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  const revision = (await site.api(site.tokens.applicant, 'GET', `/api/applications/${id}`)).body.application.revision as number;
  const saved = await site.api(site.tokens.applicant, 'PUT', `/api/applications/${id}/draft`, { revision, materials: { 'mother-id-card': { files: [upload.body] } } });
  if (saved.status !== 200) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body)}`);
  const submitted = await site.api(site.tokens.applicant, 'POST', `/api/applications/${id}/submit`, {}, { 'Idempotency-Key': randomUUID() });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return id;
}

/**
 * A newborn application submitted in one call (no files): for filling a queue.
 * @example await submitDirect(site, { ...NEWBORN.data, mother: { ...NEWBORN.data.mother, name: '刘晓红' } })
 */
export async function submitDirect(site: WorkbenchSite, data: Record<string, unknown> = NEWBORN.data): Promise<string> {
  const created = await site.api(site.tokens.applicant, 'POST', '/api/applications', { bundle: 'newborn-birth', answers: NEWBORN.answers, data, submit: true }, { 'Idempotency-Key': randomUUID() });
  if (created.status !== 201) throw new Error(`submit: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.application.id as string;
}

/**
 * A small restaurant's open-restaurant application through the API (see `restaurantApplication`):
 * the required materials uploaded as PDFs, then submitted. Returns its id.
 * @example const id = await submitRestaurant(site)
 */
export async function submitRestaurant(site: WorkbenchSite): Promise<string> {
  const { answers, data, uploads } = restaurantApplication();
  const token = site.tokens.restaurateur;
  const created = await site.api(token, 'POST', '/api/applications', { bundle: 'open-restaurant', answers, data });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.application.id as string;
  const materials: Record<string, unknown> = {};
  for (const material of uploads) {
    const upload = await site.api(token, 'POST', `/api/applications/${id}/materials/${material}`, PDF, { 'X-File-Name': encodeURIComponent(`${material}.pdf`), 'Content-Type': 'application/octet-stream' });
    if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);
    materials[material] = { files: [upload.body] };
  }
  const submitted = await site.api(token, 'POST', `/api/applications/${id}/submit`, { answers, data, materials }, { 'Idempotency-Key': randomUUID() });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return id;
}

/** Runs axe-core on the page (open shadow roots included) and returns the violations. */
export async function axe(page: Page): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays as served.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type AxeResult = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> };
    const result = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`) }));
  });
}

/** Saves a full-page screenshot under test-results/workbench/. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}
