// Page steps shared by the workbench's browser tests, named after what staff do.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/**
 * `expect.poll` with room for a busy machine.
 * @example await poll(() => queueRows(page).count()).toBe(1)
 */
export const poll: typeof expect.poll = (fn, options) => expect.poll(fn, { timeout: 15_000, interval: 100, ...options });

/** The queue's rows. */
export function queueRows(page: Page): Locator {
  return page.locator('ot-queue tbody tr');
}

/** The state shown at the top of the open application. */
export function stateBadge(page: Page): Locator {
  return page.locator('ot-application .head .state');
}

/** The action buttons the application offers (their names). */
export async function actions(page: Page): Promise<string[]> {
  return page.locator('ot-action-panel button').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
}

/** The row of a field in the application's data, by its path. */
export function fieldRow(page: Page, path: string): Locator {
  return page.locator(`ot-review-data tr[data-path="${path}"]`);
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
export async function tabTo(page: Page, label: RegExp, { max = 120, back = false } = {}): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (label.test(await focused(page))) return i;
  }
  throw new Error(`no element labelled ${label} reached with ${max} Tab presses (last: ${await focused(page)})`);
}

/** Waits until the open application has loaded (its actions or "nothing to do" show). */
export async function applicationLoaded(page: Page): Promise<void> {
  await poll(() => page.locator('ot-action-panel').count()).toBe(1);
}

export { expect };
