// Page steps shared by the designer's browser tests, named after what an administrator does.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The catalog entry (list row) of an item, by its title. */
export function catalogItem(page: Page, title: string): Locator {
  return page.locator('ot-catalog li', { hasText: title });
}

/** The drop zone of the composer. */
export function dropZone(page: Page): Locator {
  return page.locator('ot-composer .drop');
}

/** Opens a composer tab by its (localised) name. */
export async function openTab(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** The label or text of the element that has the keyboard focus, through shadow roots. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return '';
    const labelled = (a as HTMLInputElement).labels?.[0]?.textContent;
    return (a.getAttribute('aria-label') ?? labelled ?? a.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focused element's label matches (fails after `max` presses). */
export async function tabTo(page: Page, label: RegExp, { max = 80, back = false } = {}): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (label.test(await focused(page))) return i;
  }
  throw new Error(`no element labelled ${label} reached with ${max} Tab presses (last: ${await focused(page)})`);
}

/**
 * `expect.poll` with room for a busy machine (the default gives up after one second; ELK's
 * chunk and the first layout alone can take longer while other tests run).
 * @example await poll(() => page.locator('svg .node').count()).toBeGreaterThan(4)
 */
export const poll: typeof expect.poll = (fn, options) => expect.poll(fn, { timeout: 15_000, interval: 100, ...options });

export { expect };
