import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Locale, Metrics, Reduction } from '@onething/engine';
import { t, type StringKey } from '../i18n/strings.js';
import { controls, tokens } from '../styles/theme.js';

const HEADLINE: Array<[keyof Omit<Metrics, 'items'>, StringKey]> = [
  ['trips', 'trips'],
  ['timeLimit', 'timeLimit'],
  ['materials', 'materialsCount'],
  ['steps', 'stepsCount'],
  ['fields', 'fieldsCount'],
];

/**
 * The reduction metrics of a bundle — the report's headline numbers: trips, time limit,
 * materials, steps (and form fields), each before → after with the percentage cut.
 * @csspart metric - one figure's card
 */
@customElement('ot-metrics')
export class OtMetrics extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(5, minmax(0, 1fr));
        gap: 8px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        padding: 10px 12px;
        background: var(--ot-d-panel);
        border: 1px solid var(--ot-d-line);
        border-radius: var(--ot-d-radius);
        border-top: 3px solid var(--ot-d-primary);
        min-width: 0;
      }
      li.fields {
        border-top-color: var(--ot-d-line-strong);
      }
      .label {
        font-size: 12px;
        color: var(--ot-d-muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .percent {
        font-size: 26px;
        font-weight: 700;
        line-height: 1.15;
        color: var(--ot-d-primary);
        font-variant-numeric: tabular-nums;
        letter-spacing: -0.5px;
      }
      .percent.up {
        color: var(--ot-d-error);
      }
      .fields .percent {
        color: var(--ot-d-text);
      }
      .figures {
        font-size: 12px;
        color: var(--ot-d-muted);
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .figures strong {
        color: var(--ot-d-text);
        font-weight: 600;
      }
      @media (max-width: 900px) {
        .grid {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
      }
    `,
  ];

  /** The metrics to show (from the engine's `metrics(composed)`). */
  @property({ attribute: false }) accessor metrics: Metrics | undefined;
  @property() accessor locale: Locale = 'zh-CN';

  private card(key: keyof Omit<Metrics, 'items'>, label: StringKey, r: Reduction) {
    const l = this.locale;
    const cut = r.percent >= 0;
    const percent = t(l, cut ? 'reduction' : 'increase', { n: Math.abs(r.percent) });
    return html`<li part="metric" class=${key} data-metric=${key}>
      <div class="label">${t(l, label)}</div>
      <div class="percent ${cut ? '' : 'up'}">${percent}</div>
      <div class="figures">
        <span class="visually-hidden">${t(l, 'before')}</span><strong>${r.before}</strong> → <span class="visually-hidden">${t(l, 'after')}</span><strong>${r.after}</strong>
      </div>
    </li>`;
  }

  override render() {
    const m = this.metrics;
    if (!m) return nothing;
    return html`<ul class="grid" aria-label=${t(this.locale, 'metrics')}>
      ${HEADLINE.map(([key, label]) => this.card(key, label, m[key]))}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-metrics': OtMetrics;
  }
}
