import { css, html, type TemplateResult } from 'lit';
import type { Locale } from '@onething/engine';
import { t } from '../i18n/strings.js';
import { textBudget } from '../model/text-limit.js';

/** Layout of the count under a text area; past the limit it reads as an error. */
export const charCountStyles = css`
  .char-count {
    margin: 0;
    font-size: 12px;
    color: var(--ot-w-muted);
  }
  .char-count.over {
    color: var(--ot-w-error);
    font-weight: 600;
  }
`;

/**
 * The live count under a text area with a limit: "还可输入 N 字" / "N characters left", or, past
 * the limit, how many characters too many (nothing is cut: the text area has no maxlength, and
 * sending is refused until it fits). Give the text area `aria-describedby=${id}` and
 * `aria-invalid` when `tooLong(value, max)`. A polite live region repeats the count near the
 * limit only, so a screen reader is not told after every keystroke.
 * @example html`<textarea aria-describedby="note-count" …></textarea>${charCount('en', 'note-count', value, 500)}`
 */
export function charCount(locale: Locale, id: string, value: string, max: number): TemplateResult {
  const { left, over, near } = textBudget(value, max);
  const text = over ? t(locale, over === 1 ? 'charOver' : 'charsOver', { n: over, max }) : t(locale, left === 1 ? 'charLeft' : 'charsLeft', { n: left });
  return html`<p class="char-count ${over ? 'over' : ''}" id=${id}>${text}</p>
    <span class="visually-hidden" aria-live="polite">${near ? text : ''}</span>`;
}

/**
 * True when the text is past the limit (as counted by `charCount`).
 * @example tooLong('a'.repeat(501), 500) // true
 */
export function tooLong(value: string, max: number): boolean {
  return textBudget(value, max).over > 0;
}
