// Shared set-up of the browser tests: bundle a test page with esbuild, serve it from 127.0.0.1 on a
// random port, drive Debian's Chromium through playwright-core (examples/testing/chromium.ts). The
// page mounts <ot-form> with whatever composed bundle a test hands it (window.otTest.mount).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { axe, launchChromium, ROOT, screenshot as saveScreenshot } from '../../../../examples/testing/chromium.js';

export { axe, ROOT };
export const ARTIFACTS = join(ROOT, 'test-results', 'form-elements');

/**
 * How long to wait for what a test polls for: vitest's default for `expect.poll` (one second) is
 * shorter than a busy 2-core machine may take to load a chunk or re-render a big form.
 * @example await expect.poll(() => field.getAttribute('aria-invalid'), settled).toBe('true')
 */
export const settled = { timeout: 15_000, interval: 50 };

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export interface TestSite {
  origin: string;
  browser: Browser;
  /** A fresh page with the test page loaded (errors on the page fail the test through `errors`). */
  page(options?: { viewport?: { width: number; height: number } }): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * Builds the test page (with the given validator modules, `name → ES module source`) and serves it.
 * @example const site = await startSite({ 'newborn-birth': compileStandalone(composed.schema) })
 */
export async function startSite(validators: Record<string, string> = {}): Promise<TestSite> {
  const dir = mkdtempSync(join(tmpdir(), 'ot-form-test-'));
  const names = Object.keys(validators);
  for (const [name, source] of Object.entries(validators)) writeFileSync(join(dir, `${name}.validator.mjs`), source);
  writeFileSync(
    join(dir, 'entry.mjs'),
    [
      `import { install } from ${JSON.stringify(join(ROOT, 'packages/form-elements/test/browser/page/page.ts'))};`,
      ...names.map((name, i) => `import { validateShape as v${i} } from './${name}.validator.mjs';`),
      `install({ ${names.map((name, i) => `${JSON.stringify(name)}: v${i}`).join(', ')} });`,
    ].join('\n'),
  );
  mkdirSync(join(dir, 'site'));
  await build({
    entryPoints: [join(dir, 'entry.mjs')],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: join(dir, 'site'),
    conditions: ['source'],
    nodePaths: [join(ROOT, 'node_modules')],
    sourcemap: 'inline',
    logLevel: 'error',
  });
  writeFileSync(
    join(dir, 'site', 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>ot-form test</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>body{margin:0;padding:24px 32px;background:#fff}</style></head>
<body><main><h1 id="page-title">onething</h1><div id="mount"></div></main><script type="module" src="entry.js"></script></body></html>`,
  );
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(dir, 'site', path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    origin,
    browser,
    async page(options = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1000, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
      page.on('response', (r) => void (r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`)));
      page.on('console', (m) => void (m.type() === 'warning' && errors.push(m.text())));
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => 'otTest' in window, undefined, { timeout: 15_000 }).catch((e: Error) => {
        throw new Error(`the test page did not start: ${errors.join('; ') || e.message}`);
      });
      return { page, errors };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot (and readable slices of it) as test-results/form-elements/<name>.png. */
export function screenshot(page: Page, name: string): Promise<void> {
  return saveScreenshot(page, join(ARTIFACTS, `${name}.png`));
}
