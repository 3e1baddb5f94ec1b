// The SDK's browser tests: the real onething server (the app factory over an in-memory SQLite
// store with the example definitions) on 127.0.0.1, serving the SDK's browser build at /sdk/ and
// the example portals, driven in Debian's Chromium through playwright-core. Every page records
// Content-Security-Policy violations and console errors.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type SdkTestServer } from '../server.js';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test-results', 'sdk');

export interface Site {
  server: SdkTestServer;
  browser: Browser;
  /** A fresh browser context (its own storage) with a page at `path`. */
  open(path: string, options?: { context?: BrowserContext }): Promise<Opened>;
  close(): Promise<void>;
}

export interface Opened {
  page: Page;
  context: BrowserContext;
  /** CSP violations the page reported (`securitypolicyviolation`). */
  violations(): Promise<string[]>;
  /** Autosave states the page went through (JSON). */
  saves(): Promise<string[]>;
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** Builds the SDK's browser bundle (and the React example when asked), starts the server and Chromium. */
export async function startSite(options: { react?: boolean } = {}): Promise<Site> {
  execFileSync(process.execPath, [join(ROOT, 'packages/sdk/scripts/build-browser.mjs')], { stdio: 'pipe' });
  if (options.react) execFileSync(process.execPath, [join(ROOT, 'examples/portal-react/build.mjs')], { stdio: 'pipe' });
  const server = await startServer({
    assets: {
      sdk: join(ROOT, 'packages/sdk/dist/browser'),
      portalHtml: join(ROOT, 'examples/portal-html'),
      portalReact: join(ROOT, 'examples/portal-react/dist'),
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    server,
    browser,
    async open(path, { context } = {}) {
      const ctx = context ?? (await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' }));
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      await page.addInitScript(() => {
        const w = window as unknown as { __violations: string[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
        const saves: string[] = ((window as unknown as { __saves: string[] }).__saves = []);
        document.addEventListener('ot-save', (e) => saves.push(JSON.stringify((e as CustomEvent).detail.status)));
      });
      await page.goto(`${server.url}${path}`);
      return {
        page,
        context: ctx,
        errors,
        violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
        saves: () => page.evaluate(() => (window as unknown as { __saves: string[] }).__saves),
      };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Runs axe-core on the page, open shadow roots included. The script is evaluated through the
 * DevTools protocol, which a page's CSP does not govern (adding a script tag would be blocked).
 */
export async function axe(page: Page): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  const source = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/** A full-page screenshot under test-results/sdk/ (sections off screen render once near: stretch first). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 12_000) });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  await page.setViewportSize(viewport);
}
