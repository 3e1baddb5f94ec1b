// Driving <ot-service> with the newborn-birth bundle in the example portals.
import type { Page } from 'playwright-core';
import { composeExample } from '../../../../examples/testing/examples.js';
import { answer, fillEntries, shortAnswers, shortEntries } from '../../../../examples/testing/newborn-birth.js';

/** The composed newborn-birth bundle (what the server serves), for field titles. */
export const composed = composeExample('newborn-birth');

export const form = (page: Page) => page.locator('ot-service ot-form');
export const service = (page: Page) => page.locator('ot-service');

/** Fills the short path: only the vaccination certificate applies (born outside Hubei, no Hubei household). */
export async function fillShort(page: Page): Promise<void> {
  await answer(form(page), composed, shortAnswers);
  await fillEntries(form(page), composed, shortEntries);
}
