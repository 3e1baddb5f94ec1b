// The SDK's browser tests: the real onething server (the app factory over an in-memory SQLite
// store with the example definitions) on 127.0.0.1, serving the SDK's browser build at /sdk/ and
// the example portals, driven in Debian's Chromium through playwright-core. Every page records
// Content-Security-Policy violations and console errors.
//
// The SDK (and the React portal) are built into a temporary folder of this run: a test never
// serves files another process may be rebuilding (`npm run build` empties dist/browser first).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe, launchChromium, ROOT, screenshot as saveScreenshot } from '../../../../examples/testing/chromium.js';
import type { AppOptions } from '@onething/server';
import { startServer, type SdkTestServer } from '../server.js';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildBrowser } from '../../scripts/browser-build.mjs';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildPortal } from '../../../../examples/portal-react/build.mjs';

export { axe, ROOT };
export const ARTIFACTS = join(ROOT, 'test-results', 'sdk');

/**
 * How long a page may take to show what a test waits for, on a busy 2-core machine: vitest's own
 * default for `expect.poll`, one second, is less than a portal takes to load its form there.
 * @example await expect.poll(() => form(page).locator('.title').count(), settled).toBe(1)
 */
export const settled = { timeout: 15_000, interval: 50 };

export interface Site {
  server: SdkTestServer;
  browser: Browser;
  /** A fresh browser context (its own storage) with a page at `path`. */
  open(path: string, options?: { context?: BrowserContext; viewport?: { width: number; height: number } }): Promise<Opened>;
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
  /** Every URL the page requested. */
  requests: string[];
}

/**
 * Builds the SDK's browser bundle (and the React example when asked), starts the server (with
 * `server` options such as lower `limits`) and Chromium.
 * @example const site = await startSite({ server: { limits: { uploadBytes: 4 * 1024 * 1024 } } })
 */
export async function startSite(options: { react?: boolean; server?: Partial<AppOptions> } = {}): Promise<Site> {
  const build = mkdtempSync(join(tmpdir(), 'ot-sdk-site-'));
  await buildBrowser({ outdir: join(build, 'sdk') });
  if (options.react) await buildPortal({ outdir: join(build, 'portal-react') });
  const server = await startServer({
    ...options.server,
    assets: {
      sdk: join(build, 'sdk'),
      portalHtml: join(ROOT, 'examples/portal-html'),
      ...(options.react ? { portalReact: join(build, 'portal-react') } : {}),
    },
  });
  const browser = await launchChromium();
  return {
    server,
    browser,
    async open(path, { context, viewport } = {}) {
      const ctx = context ?? (await browser.newContext({ viewport: viewport ?? { width: 1100, height: 900 }, locale: 'zh-CN' }));
      const page = await ctx.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      page.on('request', (r) => void requests.push(r.url()));
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
        requests,
        violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
        saves: () => page.evaluate(() => (window as unknown as { __saves: string[] }).__saves),
      };
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(build, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the page's `<ot-service>` has shown its form (its `ready()` promise), however long
 * loading the SDK, the composed bundle and its validator takes.
 */
export async function ready(page: Page): Promise<void> {
  await page.evaluate(() => customElements.whenDefined('ot-service'));
  await page.locator('ot-service').evaluate((el: HTMLElement & { ready(): Promise<void> }) => el.ready());
}

/** A full-page screenshot under test-results/sdk/ (sections off screen render once near: stretch first). */
export function screenshot(page: Page, name: string): Promise<void> {
  return saveScreenshot(page, join(ARTIFACTS, `${name}.png`));
}
