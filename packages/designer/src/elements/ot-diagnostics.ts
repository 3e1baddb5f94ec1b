import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Diagnostic, Locale } from '@onething/engine';
import { t, tx } from '../i18n/strings.js';
import { controls, tokens } from '../styles/theme.js';

/**
 * A list of diagnostics in the current locale: severity, message, code, where (the definition's
 * title and the JSON pointer) and the related places (the other item of a concept conflict).
 * @csspart diagnostic - one diagnostic
 */
@customElement('ot-diagnostics')
export class OtDiagnostics extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      li {
        border: 1px solid var(--ot-d-line);
        border-left: 4px solid var(--ot-d-error);
        border-radius: 4px;
        padding: 6px 10px;
        background: #fff;
      }
      li.warning {
        border-left-color: #d39b00;
      }
      .head {
        display: flex;
        gap: 8px;
        align-items: baseline;
        flex-wrap: wrap;
      }
      .message {
        font-size: 13px;
      }
      .where {
        font-size: 12px;
        color: var(--ot-d-muted);
        word-break: break-all;
      }
      .ok {
        color: var(--ot-d-success);
        background: var(--ot-d-success-soft);
        border: 1px solid #a9d8bd;
        border-radius: 4px;
        padding: 8px 10px;
        font-size: 13px;
      }
      .summary {
        margin-bottom: 8px;
      }
    `,
  ];

  @property({ attribute: false }) accessor diagnostics: Diagnostic[] = [];
  @property() accessor locale: Locale = 'zh-CN';
  /** Titles of the definitions diagnostics point into, by file name. */
  @property({ attribute: false }) accessor names: ReadonlyMap<string, string> = new Map();

  private place(file: string | undefined, pointer: string) {
    const name = file ? (this.names.get(file) ?? file) : '';
    return html`<span class="where">${name}${name && pointer ? ' · ' : ''}<span class="mono">${pointer}</span></span>`;
  }

  override render() {
    const l = this.locale;
    if (!this.diagnostics.length) return html`<p class="ok" role="status">✓ ${t(l, 'noProblems')}</p>`;
    const errors = this.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = this.diagnostics.length - errors;
    return html`<p class="summary small muted">${t(l, 'errorsCount', { n: errors })} · ${t(l, 'warningsCount', { n: warnings })}</p>
      <ul>
        ${this.diagnostics.map(
          (d) => html`<li part="diagnostic" class=${d.severity} data-code=${d.code}>
            <div class="head">
              <span class="badge ${d.severity}">${t(l, d.severity === 'error' ? 'error' : 'warning')}</span>
              <span class="message">${tx(d.message, l)}</span>
            </div>
            <div class="where"><span class="mono">${d.code}</span> · ${this.place(d.file, d.pointer)}</div>
            ${(d.related ?? []).map((r) => html`<div class="where">${t(l, 'relatedAt')}: ${this.place(r.file, r.pointer)}${r.message ? html` — ${tx(r.message, l)}` : ''}</div>`)}
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-diagnostics': OtDiagnostics;
  }
}
