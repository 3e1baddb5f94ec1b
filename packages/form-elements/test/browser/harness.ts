// Shared set-up of the browser tests: bundle a test page with esbuild, serve it from 127.0.0.1 on a
// random port, drive Debian's Chromium through playwright-core. The page mounts <ot-form> with
// whatever composed bundle a test hands it (window.otTest.mount).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test-results', 'form-elements');

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
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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

/** Runs axe-core on the page (including open shadow roots) and returns the violations. */
export async function axe(page: Page): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/**
 * Saves a full-page screenshot under test-results/form-elements/. The viewport is stretched to the
 * page first: sections off screen are not painted (`content-visibility: auto`) until they are near it.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  let height = 0;
  for (let round = 0; round < 5; round++) {
    // sections laid out for real once on screen may differ from their placeholder size: repeat until stable
    const next = await page.evaluate(() => document.documentElement.scrollHeight);
    if (next === height) break;
    height = next;
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16_000) });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  // and slices of it a person (or an image viewer) can read at full size
  for (let y = 0, i = 1; y < height; y += 1200, i++) {
    const clip = { x: 0, y, width: viewport.width, height: Math.min(1200, height - y) };
    await page.screenshot({ path: join(ARTIFACTS, `${name}.${i}.png`), clip, fullPage: true });
  }
  await page.setViewportSize(viewport);
}
