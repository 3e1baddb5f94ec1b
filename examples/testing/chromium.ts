// Debian's Chromium driven by playwright-core, as the browser tests of several packages use it:
// launching it, running axe-core in a page (open shadow roots included), and screenshots a person
// can read. Never `npx playwright install`: the browser is the system's.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The checkout's root folder. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Launches headless Chromium (`CHROMIUM_PATH`, else /usr/bin/chromium) with nothing that phones home.
 * @example const browser = await launchChromium(); const page = await browser.newPage();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface AxeViolation {
  id: string;
  impact: string;
  nodes: string[];
}

/**
 * Runs axe-core on the page, open shadow roots included, and returns the violations. The script is
 * evaluated through the DevTools protocol, which a page's Content-Security-Policy does not govern.
 * @example expect(await axe(page)).toEqual([])
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }> };
    const run = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/**
 * Saves a full-page screenshot at `file` (a .png path), and slices of it 1,200 px high a person can
 * read at full size (`name.1.png`, …). The viewport is stretched to the page first: sections off
 * screen are not painted (`content-visibility: auto`) until they come near it.
 * @example await screenshot(page, join(ROOT, 'test-results/sdk/portal.png'))
 */
export async function screenshot(page: Page, file: string, options: { slices?: boolean } = {}): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
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
  await page.screenshot({ path: file, fullPage: true });
  if (options.slices !== false) {
    for (let y = 0, i = 1; y < height; y += 1200, i++) {
      const clip = { x: 0, y, width: viewport.width, height: Math.min(1200, height - y) };
      await page.screenshot({ path: file.replace(/\.png$/, `.${i}.png`), clip, fullPage: true });
    }
  }
  await page.setViewportSize(viewport);
}

/**
 * What sticks out to the right of the viewport (WCAG 1.4.10 Reflow: no sideways scrolling at 320
 * CSS px, which is also a 1,280 px window at 400 % zoom): each element of the page, open shadow
 * roots included, whose box ends past the viewport's width, as `tag.class right-edge`, and a line
 * when the page itself scrolls sideways. Empty when everything fits.
 * @example expect(await overflowing(page)).toEqual([])
 */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 0.5) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(box.right)}px`);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px`);
    return out;
  });
}
