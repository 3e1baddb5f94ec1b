import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Locale } from '@onething/engine';
import type { DefinitionRecord } from '../api/client.js';
import { t } from '../i18n/strings.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';

/**
 * The versions of one definition, newest first: drafts and published versions, who saved or
 * published each and when.
 * @fires ot-open-version - `{ version }`
 */
@customElement('ot-version-history')
export class OtVersionHistory extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        gap: 8px;
        align-items: center;
        padding: 4px 0;
        border-bottom: 1px solid var(--ot-d-line);
        font-size: 13px;
      }
      li[aria-current='true'] {
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) accessor records: DefinitionRecord[] = [];
  @property() accessor current = '';
  @property() accessor locale: Locale = 'zh-CN';

  override render() {
    const l = this.locale;
    if (!this.records.length) return html`<p class="small muted">${t(l, 'noHistory')}</p>`;
    const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(l === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' }) : '');
    return html`<ol>
      ${this.records.map(
        (r) => html`<li aria-current=${r.version === this.current ? 'true' : 'false'} data-version=${r.version}>
          <span class="mono">${r.version}</span>
          <span class="badge ${r.status}">${t(l, r.status)}</span>
          <span class="grow small muted">${r.status === 'published' ? t(l, 'publishedAtBy', { at: when(r.publishedAt), by: r.publishedBy ?? '' }) : t(l, 'savedAtBy', { at: when(r.updatedAt), by: r.createdBy })}</span>
          <button class="quiet" @click=${() => emit(this, 'ot-open-version', { version: r.version })}>${t(l, 'open')}<span class="visually-hidden"> ${r.version}</span></button>
        </li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-version-history': OtVersionHistory;
  }
}
