import { css, html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@onething/engine';
import { t } from '../i18n/strings.js';
import { emit } from '../elements/events.js';
import { MAX_REASON } from '../model/supplement.js';
import { charCount, charCountStyles, tooLong } from './char-count.js';

/** `ot-flag`: a field or material was ticked or unticked for a supplement request, or its reason edited. */
export interface FlagDetail {
  kind: 'field' | 'material';
  id: string;
  flagged?: boolean;
  reason?: string;
}

/** Layout of the flag control (a checkbox, then the reason once ticked). */
export const flagStyles = [
  charCountStyles,
  css`
  col.flag-col {
    width: 38%;
  }
  td.flag {
    vertical-align: top;
  }
  .flag-box {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .flag-box .check {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    color: var(--ot-w-text);
    cursor: pointer;
  }
  .flag-box input[type='checkbox'] {
    width: 16px;
    height: 16px;
    min-height: 0;
    margin: 0;
    accent-color: var(--ot-w-warning);
  }
  .flag-box textarea {
    min-height: 52px;
    font-size: 13px;
  }
  .flag-box .error {
    color: var(--ot-w-error);
    font-size: 12px;
  }
  tr.flagged > th,
  tr.flagged > td {
    background: var(--ot-w-warning-soft);
  }
`,
];

/**
 * The flag control of one field or material in a supplement request: "Correct" with the item's
 * title in its accessible name; once ticked, the reason (what the applicant will read).
 * @example renderFlag(this, 'zh-CN', { kind: 'field', id: 'child.name', title: '新生儿姓名', reason: undefined, missing: false })
 */
export function renderFlag(
  host: HTMLElement,
  locale: Locale,
  f: { kind: 'field' | 'material'; id: string; title: string; reason: string | undefined; missing: boolean },
): TemplateResult {
  const base = `flag-${f.kind}-${f.id}`;
  const flagged = f.reason !== undefined;
  return html`<div class="flag-box">
    <label class="check">
      <input
        type="checkbox"
        id=${base}
        .checked=${flagged}
        @change=${(e: Event) => emit<FlagDetail>(host, 'ot-flag', { kind: f.kind, id: f.id, flagged: (e.target as HTMLInputElement).checked })}
      />
      <span>${t(locale, 'flagShort')}<span class="visually-hidden"> “${f.title}”</span></span>
    </label>
    ${flagged
      ? html`<label class="visually-hidden" for="${base}-reason">${t(locale, 'flagReason', { title: f.title })}</label>
          <textarea
            id="${base}-reason"
            rows="2"
            placeholder=${t(locale, 'flagReasonPlaceholder')}
            aria-invalid=${f.missing || tooLong(f.reason ?? '', MAX_REASON) ? 'true' : 'false'}
            aria-describedby=${f.missing ? `${base}-error ${base}-count` : `${base}-count`}
            .value=${f.reason ?? ''}
            @input=${(e: Event) => emit<FlagDetail>(host, 'ot-flag', { kind: f.kind, id: f.id, reason: (e.target as HTMLTextAreaElement).value })}
          ></textarea>
          ${f.missing ? html`<p class="error" id="${base}-error">${t(locale, 'reasonMissing')}</p>` : nothing}
          ${charCount(locale, `${base}-count`, f.reason ?? '', MAX_REASON)}`
      : nothing}
  </div>`;
}
