import type { ComposedBundle } from '@onething/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type TestSite } from './harness.js';
import { toComposed } from '../../../../bench/render/composed.mjs';

/** 2,000 fields in blocks of ten; the tenth of each block shows when the block's first is filled in. */
function spec(n: number) {
  return {
    fields: Array.from({ length: n }, (_, i) => ({
      key: `f${i}`,
      type: i % 10 === 3 ? 'number' : 'text',
      label: `${i + 1}. Field`,
      required: i % 10 !== 8,
      ...(i % 10 === 9 && { showIf: `f${i - 9}` }),
    })),
  };
}

let site: TestSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.close());

describe('a keystroke in a 2,000-field form', () => {
  it('re-renders only what depends on the changed field', async () => {
    const composed: ComposedBundle = toComposed(spec(2000));
    const { page, errors } = await site.page();
    await page.evaluate((c) => (window as any).otTest.mount({ composed: c, locale: 'en' }), composed as any);
    const form = page.locator('ot-form');
    expect(await form.evaluate((el) => el.shadowRoot!.querySelectorAll('input').length)).toBe(1800);

    // Watch every DOM change, then type one character in the first field
    await form.evaluate((el) => {
      const touched = new Set<string>();
      (window as any).touched = touched;
      new MutationObserver((records) => {
        for (const r of records) {
          const node = r.target instanceof Element ? r.target : r.target.parentElement;
          touched.add(node?.closest('section')?.getAttribute('aria-labelledby') ?? '(outside any section)');
        }
      }).observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await form.locator('[id="f-f0"]').focus();
    const ms = await page.evaluate(async () => {
      const form = document.querySelector('ot-form') as any;
      const input = form.shadowRoot.getElementById('f-f0') as HTMLInputElement;
      const t0 = performance.now();
      input.value = 'x';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await form.updateComplete;
      return performance.now() - t0;
    });

    // Then the dependent field appeared, and nothing outside its block was touched
    expect(await form.locator('[id="f-f9"]').count()).toBe(1);
    expect([...(await page.evaluate(() => [...(window as any).touched]))]).toEqual(['s-block-1']);
    console.info(`input → rules → re-render at 2,000 fields: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(100); // typically a few ms; generous for a busy machine
    expect(errors).toEqual([]);
  });
});
