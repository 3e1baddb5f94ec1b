// The designer's browser tests: the real onething server (in this process, SQLite in memory)
// on 127.0.0.1:<random>, with the example definitions published and the designer app built
// by its own build script; Debian's Chromium driven by playwright-core.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createLogger, importDefinitions, mintToken, serve, SqliteStore, type RunningServer } from '@onething/server';
import { buildApp } from '../../scripts/build-app.mjs';
import { CONFLICT, definitionsIn, EXAMPLES, ROOT } from '../fixtures.js';

export const ARTIFACTS = join(ROOT, 'test-results', 'designer');
const SECRET = 'designer-browser-test-secret-0123456789';

export interface DesignerSite {
  url: string;
  server: RunningServer;
  browser: Browser;
  adminToken: string;
  applicantToken: string;
  /** A fresh page at /designer/ (errors on the page are collected in `errors`). */
  page(options?: { viewport?: { width: number; height: number }; locale?: string; signIn?: boolean }): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * Builds the app, starts the server with the examples (and the two items whose shared field
 * contradicts, under test/fixtures/conflict) and launches Chromium.
 * @example const site = await startDesigner(); const { page } = await site.page();
 */
export async function startDesigner(): Promise<DesignerSite> {
  const app = mkdtempSync(join(tmpdir(), 'ot-designer-app-'));
  await buildApp({ outdir: app, minify: true });
  const store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  const files = [...definitionsIn(EXAMPLES), ...definitionsIn(CONFLICT)].map((d) => ({ path: `${d.kind}/${d.id}.json`, content: d }));
  const report = await importDefinitions(store, files, 'seed', new Date('2025-03-03T00:00:00Z'));
  if (report.diagnostics.length) throw new Error(`seeding failed: ${JSON.stringify(report.diagnostics.slice(0, 2))}`);
  const server = await serve({
    store,
    auth: { secret: SECRET },
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ level: 'error' }),
    assets: { designer: app },
    rateLimits: false,
    scheduler: false,
  });
  const adminToken = await mintToken({ sub: 'admin-wang', roles: ['admin'], region: '420703', name: '王管理' }, { secret: SECRET });
  const applicantToken = await mintToken({ sub: 'citizen', roles: ['applicant'], region: '420703' }, { secret: SECRET });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: server.url,
    server,
    browser,
    adminToken,
    applicantToken,
    async page(options = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 1000 }, locale: options.locale ?? 'zh-CN', acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      const hash = options.signIn === false ? '' : `#token=${adminToken}`;
      await page.goto(`${server.url}/designer/${hash}`);
      await page.waitForFunction(() => customElements.get('ot-designer') !== undefined, undefined, { timeout: 20_000 });
      return { page, errors };
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(app, { recursive: true, force: true });
    },
  };
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

/** Saves a screenshot of the viewport under test-results/designer/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
