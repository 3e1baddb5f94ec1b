import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Locale } from '@onething/engine';
import { t, tx } from '../i18n/strings.js';
import { formatSize } from '../model/format.js';
import type { ReviewMaterial } from '../model/review.js';
import { flagStyles, renderFlag } from '../render/flag.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';

/** `ot-download`: a file of a material should be downloaded. */
export interface DownloadDetail {
  sha256: string;
  name: string;
}

/**
 * The materials the applicant was asked for: each with what was provided — uploaded files
 * (download buttons: the server wants the bearer token, so a plain link cannot fetch them) or a
 * referenced electronic licence — and in flagging mode a checkbox and a reason per material.
 * @fires ot-download - `{ sha256, name }`
 * @fires ot-flag - `{ kind: 'material', id, flagged?, reason? }`
 */
@customElement('ot-review-materials')
export class OtReviewMaterials extends LitElement {
  static override styles = [
    tokens,
    controls,
    flagStyles,
    css`
      :host {
        display: block;
      }
      table {
        border: 1px solid var(--ot-w-line);
        table-layout: fixed;
      }
      th[scope='row'] {
        width: 34%;
        font-weight: 400;
        background: transparent;
        color: var(--ot-w-text);
      }
      th[scope='row'] .badges {
        display: flex;
        gap: 4px;
        flex-wrap: wrap;
        margin-top: 2px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      button.file {
        border-color: transparent;
        background: transparent;
        color: var(--ot-w-primary);
        padding: 0 2px;
        min-height: 24px;
        text-decoration: underline;
        text-underline-offset: 2px;
        white-space: normal;
        text-align: left;
      }
      .licence {
        color: var(--ot-w-success);
      }
      .missing {
        color: var(--ot-w-muted);
      }
    `,
  ];

  @property({ attribute: false }) accessor materials: ReviewMaterial[] = [];
  /** `zh-CN` (default) or `en`. */
  @property() accessor locale: Locale = 'zh-CN';
  /** Flagging mode: which materials the request may name (absent: read-only). */
  @property({ attribute: false }) accessor flaggable: ((id: string) => boolean) | undefined;
  @property({ attribute: false }) accessor flags: ReadonlyMap<string, string> = new Map();
  @property({ attribute: false }) accessor missing: ReadonlySet<string> = new Set();

  override render() {
    const l = this.locale;
    const flagging = this.flaggable !== undefined;
    if (!this.materials.length) return html`<p class="muted">${t(l, 'noMaterials')}</p>`;
    return html`<table>
      ${flagging ? html`<colgroup><col /><col /><col class="flag-col" /></colgroup>` : nothing}
      <thead class=${flagging ? '' : 'visually-hidden'}>
        <tr>
          <th scope="col">${t(l, 'materialColumn')}</th>
          <th scope="col">${t(l, 'providedColumn')}</th>
          ${flagging ? html`<th scope="col">${t(l, 'flagColumn')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${this.materials.map((m) => {
          const reason = this.flags.get(m.id);
          return html`<tr class=${reason !== undefined ? 'flagged' : ''} data-material=${m.id}>
            <th scope="row">
              ${tx(l, m.title)}
              <span class="badges">
                <span class="badge ${m.required ? 'warning' : ''}">${t(l, m.required ? 'required' : 'optional')}</span>
                ${m.exempt ? html`<span class="badge">${t(l, 'exempt')}</span>` : nothing}
              </span>
            </th>
            <td>
              ${m.eLicense
                ? html`<span class="licence">${m.eLicense.number ? t(l, 'eLicenceRef', { number: m.eLicense.number }) : t(l, 'eLicenceChosen')}</span>`
                : m.files.length
                  ? html`<ul>
                      ${m.files.map(
                        (f) => html`<li>
                          <button type="button" class="file" @click=${() => emit<DownloadDetail>(this, 'ot-download', { sha256: f.sha256, name: f.name })}>
                            ${t(l, 'downloadFile', { name: f.name, size: formatSize(f.size, l) })}
                          </button>
                        </li>`,
                      )}
                    </ul>`
                  : html`<span class="missing">${t(l, 'notProvided')}</span>`}
            </td>
            ${flagging
              ? html`<td class="flag">
                  ${this.flaggable!(m.id) ? renderFlag(this, l, { kind: 'material', id: m.id, title: tx(l, m.title), reason, missing: this.missing.has(m.id) }) : nothing}
                </td>`
              : nothing}
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-review-materials': OtReviewMaterials;
  }
  interface HTMLElementEventMap {
    'ot-download': CustomEvent<DownloadDetail>;
  }
}
