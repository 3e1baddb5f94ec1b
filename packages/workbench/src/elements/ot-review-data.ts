import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Locale, Text } from '@onething/engine';
import { t, tx } from '../i18n/strings.js';
import { divisionName } from '../model/divisions.js';
import type { ReviewField, ReviewSection } from '../model/review.js';
import { displayValue } from '../model/schema.js';
import { controls, tokens } from '../styles/theme.js';
import { flagStyles, renderFlag } from '../render/flag.js';
import { regionLabel } from '../render/region.js';
import { DivisionNames } from './division-names.js';

/**
 * The application's data, read-only, as the merged form arranges it: one table per section of
 * the active items, each field with its title and value (option titles, Yes/No, division names).
 * In flagging mode (a supplement request) every field the request may name gets a checkbox and,
 * once ticked, a reason the applicant will read.
 * @fires ot-flag - `{ kind: 'field', id, flagged?, reason? }` a field was ticked, unticked or its reason edited
 * @csspart section - one section
 */
@customElement('ot-review-data')
export class OtReviewData extends LitElement {
  static override styles = [
    tokens,
    controls,
    flagStyles,
    css`
      :host {
        display: block;
      }
      section + section {
        margin-top: 14px;
      }
      h3 {
        font-size: 13px;
        padding: 6px 10px;
        background: var(--ot-w-bg);
        border: 1px solid var(--ot-w-line);
        border-bottom: none;
        border-radius: var(--ot-w-radius) var(--ot-w-radius) 0 0;
      }
      table {
        border: 1px solid var(--ot-w-line);
        table-layout: fixed;
      }
      th[scope='row'] {
        width: 34%;
        background: transparent;
        font-weight: 400;
        color: var(--ot-w-muted);
        font-size: 13px;
      }
      td {
        word-break: break-word;
      }
      tr.group th {
        background: #f9fafc;
        color: var(--ot-w-text);
        font-weight: 600;
        font-size: 12px;
        padding-top: 4px;
        padding-bottom: 4px;
      }
      .tag {
        margin-left: 6px;
      }
      .rows {
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .rows dl {
        margin: 0;
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0 10px;
        padding: 4px 8px;
        border: 1px solid var(--ot-w-line);
        border-radius: 4px;
      }
      .rows dt {
        color: var(--ot-w-muted);
      }
      .rows dd {
        margin: 0;
      }
      .rows .n {
        grid-column: 1 / -1;
        font-weight: 600;
        font-size: 12px;
      }
    `,
  ];

  /** Sections to show (`reviewModel(…).sections`), with the guidance answers first when given. */
  @property({ attribute: false }) accessor sections: ReviewSection[] = [];
  /** The guidance answers (`reviewModel(…).answers`). */
  @property({ attribute: false }) accessor answers: ReviewField[] = [];
  /** `zh-CN` (default) or `en`. */
  @property() accessor locale: Locale = 'zh-CN';
  /** Flagging mode: which field paths the request may name (absent: read-only). */
  @property({ attribute: false }) accessor flaggable: ((path: string) => boolean) | undefined;
  /** The flagged fields and their reasons (path → reason). */
  @property({ attribute: false }) accessor flags: ReadonlyMap<string, string> = new Map();
  /** Paths whose reason is missing (shown as errors after "Review and send"). */
  @property({ attribute: false }) accessor missing: ReadonlySet<string> = new Set();
  private readonly names = new DivisionNames(this);

  /** A value as text; a division's Chinese name marked `lang="zh-CN"` (the data has no other). */
  private shown(schema: ReviewField['schema'], value: ReviewField['value']): TemplateResult | string {
    if (schema?.format === 'division' && typeof value === 'string' && divisionName(value)) return regionLabel(this.locale, value);
    return displayValue(schema, value, this.locale, divisionName);
  }

  private value(field: ReviewField): TemplateResult | string {
    const l = this.locale;
    if (field.rows) {
      if (!field.rows.length) return '—';
      return html`<div class="rows">
        ${field.rows.map(
          (row, i) => html`<dl>
            <dt class="n">${t(l, 'row', { n: i + 1 })}</dt>
            ${row.map((cell) => html`<dt>${tx(l, cell.title)}</dt><dd>${this.shown(cell.schema, cell.value)}</dd>`)}
          </dl>`,
        )}
      </div>`;
    }
    return html`${this.shown(field.schema, field.value)}${field.computed ? html`<span class="badge tag">${t(l, 'computed')}</span>` : nothing}`;
  }

  private table(id: string, title: Text, fields: ReviewField[], flagging: boolean) {
    const l = this.locale;
    let group: string | undefined;
    const rows: TemplateResult[] = [];
    for (const field of fields) {
      const g = field.group ? tx(l, field.group) : undefined;
      if (g && g !== group) rows.push(html`<tr class="group"><th colspan=${flagging ? 3 : 2} scope="colgroup">${g}</th></tr>`);
      group = g;
      const can = flagging && (this.flaggable?.(field.path) ?? false);
      const reason = this.flags.get(field.path);
      const label = g ? `${g} · ${tx(l, field.title)}` : tx(l, field.title);
      rows.push(html`<tr class=${reason !== undefined ? 'flagged' : ''} data-path=${field.path}>
        <th scope="row">${tx(l, field.title)}</th>
        <td>${this.value(field)}</td>
        ${flagging
          ? html`<td class="flag">
              ${can
                ? renderFlag(this, l, {
                    kind: 'field',
                    id: field.path,
                    title: label,
                    reason,
                    missing: this.missing.has(field.path),
                  })
                : nothing}
            </td>`
          : nothing}
      </tr>`);
    }
    return html`<section part="section" aria-labelledby="sec-${id}" data-section=${id}>
      <h3 id="sec-${id}">${tx(l, title)}</h3>
      <table>
        ${flagging
          ? html`<colgroup><col class="k" /><col /><col class="flag-col" /></colgroup>
              <thead class="visually-hidden">
                <tr>
                  <th scope="col">${t(l, 'fieldsLabel')}</th>
                  <th scope="col">${t(l, 'valueLabel')}</th>
                  <th scope="col">${t(l, 'flagColumn')}</th>
                </tr>
              </thead>`
          : nothing}
        <tbody>
          ${rows}
        </tbody>
      </table>
    </section>`;
  }

  override render() {
    const flagging = this.flaggable !== undefined;
    const l = this.locale;
    return html`${this.answers.length ? this.table('guidance', { 'zh-CN': t('zh-CN', 'guidance'), en: t('en', 'guidance') }, this.answers, false) : nothing}
    ${this.sections.map((s) => this.table(s.id.replace(/[^A-Za-z0-9_-]/g, '_'), s.title, s.fields, flagging))}
    ${this.sections.length === 0 ? html`<p class="muted">${t(l, 'noData')}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-review-data': OtReviewData;
  }
}
