import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ItemDefinition, JsonSchema, Locale, Registry, Text } from '@onething/engine';
import { days as daysText, t, tx } from '../i18n/strings.js';
import { controls, tokens } from '../styles/theme.js';
import type { ChartInput } from '../diagram/chart-model.js';
import './ot-chart-diagram.js';

type Prop = JsonSchema & { 'x-concept'?: string; 'x-title'?: Text };

/** One row of the item's field table. */
export interface FieldRow {
  path: string;
  depth: number;
  title: Text | undefined;
  type: string;
  concept?: string;
  required: boolean;
}

/**
 * The fields of an item's data schema, depth first, with titles and types taken from their
 * concepts where they bind one.
 * @example itemFields(item, registry).map((f) => f.path) // ['child', 'child.name', …]
 */
export function itemFields(item: ItemDefinition, registry: Registry | undefined): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (schema: JsonSchema | undefined, prefix: string, depth: number) => {
    const props = (schema?.properties ?? {}) as Record<string, Prop>;
    const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
    for (const [key, prop] of Object.entries(props)) {
      if (!prop || typeof prop !== 'object') continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const concept = prop['x-concept'] ? registry?.concepts.get(prop['x-concept']) : undefined;
      const type = String(prop.type ?? concept?.concept.schema?.['type'] ?? (prop.properties ? 'object' : prop.items ? 'array' : ''));
      const format = prop.format ?? concept?.concept.schema?.['format'];
      rows.push({
        path,
        depth,
        title: prop['x-title'] ?? concept?.concept.title,
        type: format ? `${type} (${String(format)})` : Array.isArray(prop.enum ?? concept?.concept.schema?.['enum']) ? `${type} (enum)` : type,
        ...(prop['x-concept'] ? { concept: prop['x-concept'] } : {}),
        required: required.has(key),
      });
      if (prop.properties) walk(prop, path, depth + 1);
      else if (prop.items && typeof prop.items === 'object' && (prop.items as JsonSchema).properties) walk(prop.items as JsonSchema, `${path}[]`, depth + 1);
    }
  };
  walk(item.schema as JsonSchema, '', 0);
  return rows;
}

/**
 * An item, read-only: limits, steps, fields (with their concepts), materials (with the
 * e-licence that can replace them) and its flow drawn as a diagram.
 */
@customElement('ot-item-view')
export class OtItemView extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        flex-direction: column;
        gap: 2px;
        margin-bottom: 12px;
      }
      h2 {
        font-size: 18px;
      }
      .description {
        color: var(--ot-d-muted);
        font-size: 13px;
        max-width: 80ch;
      }
      section {
        margin-top: 16px;
      }
      section > h3 {
        margin-bottom: 6px;
      }
      .limits {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 8px;
      }
      .limit {
        padding: 8px 10px;
      }
      .limit strong {
        display: block;
        font-size: 18px;
      }
      ol.steps {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        list-style: none;
        padding: 0;
        margin: 0;
        counter-reset: step;
      }
      ol.steps li {
        counter-increment: step;
        padding: 4px 10px;
        background: #fff;
        border: 1px solid var(--ot-d-line);
        border-radius: 14px;
        font-size: 13px;
      }
      ol.steps li::before {
        content: counter(step) '. ';
        color: var(--ot-d-muted);
      }
      td.path {
        font-family: var(--ot-d-mono);
        font-size: 12px;
      }
      .table {
        overflow-x: auto;
        background: #fff;
        border: 1px solid var(--ot-d-line);
        border-radius: var(--ot-d-radius);
      }
      /* Narrow screens: two limits a row, and long field paths and concept ids break inside their cells */
      @media (max-width: 600px) {
        .limits {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
        th,
        td {
          overflow-wrap: anywhere;
        }
      }
    `,
  ];

  @property({ attribute: false }) accessor item: ItemDefinition | undefined;
  @property({ attribute: false }) accessor registry: Registry | undefined;
  @property() accessor locale: Locale = 'zh-CN';

  override render() {
    const item = this.item;
    const l = this.locale;
    if (!item) return nothing;
    const days = (n: number) => daysText(l, n, item.limits.days === 'calendar');
    const eLicences = this.registry?.eLicenses;
    return html`<article aria-labelledby="item-title">
      <div class="head">
        <h2 id="item-title">${tx(item.title, l)}</h2>
        <div class="small muted">${tx(item.department.title, l)} · ${t(l, 'region')} ${item.region} · ${t(l, 'version')} <span class="mono">${item.version}</span> · <span class="mono">${item.id}</span></div>
        ${item.description ? html`<p class="description">${tx(item.description, l)}</p>` : nothing}
      </div>
      <section aria-labelledby="limits">
        <h3 id="limits">${t(l, 'limits')}</h3>
        <div class="limits">
          <div class="card limit"><span class="small muted">${t(l, 'legalDays')}</span><strong>${days(item.limits.legalDays)}</strong></div>
          <div class="card limit"><span class="small muted">${t(l, 'promisedDays')}</span><strong>${days(item.limits.promisedDays)}</strong></div>
          <div class="card limit"><span class="small muted">${t(l, 'visits')}</span><strong>${item.limits.visits}</strong></div>
          <div class="card limit"><span class="small muted">${t(l, 'materials')}</span><strong>${item.materials.filter((m) => m.required).length} / ${item.materials.length}</strong></div>
        </div>
      </section>
      <section aria-labelledby="steps">
        <h3 id="steps">${t(l, 'steps')}</h3>
        <ol class="steps">
          ${item.steps.map((s) => html`<li>${tx(s.title, l)}</li>`)}
        </ol>
      </section>
      <section aria-labelledby="fields">
        <h3 id="fields">${t(l, 'fields')}</h3>
        <div class="table">
          <table>
            <thead>
              <tr><th scope="col">${t(l, 'field')}</th><th scope="col">${l === 'en' ? 'Title' : '名称'}</th><th scope="col">${t(l, 'type')}</th><th scope="col">${t(l, 'concept')}</th><th scope="col">${t(l, 'requiredCol')}</th></tr>
            </thead>
            <tbody>
              ${itemFields(item, this.registry).map(
                (f) => html`<tr>
                  <td class="path" style=${`padding-left:${8 + f.depth * 16}px`}>${f.path.split('.').at(-1)}</td>
                  <td>${tx(f.title, l)}</td>
                  <td class="mono">${f.type}</td>
                  <td class="mono">${f.concept ?? ''}</td>
                  <td>${f.required ? t(l, 'yes') : ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="materials">
        <h3 id="materials">${t(l, 'materials')}</h3>
        <div class="table">
          <table>
            <thead>
              <tr><th scope="col">${l === 'en' ? 'Material' : '材料'}</th><th scope="col">${t(l, 'requiredCol')}</th><th scope="col">${t(l, 'eLicence')}</th></tr>
            </thead>
            <tbody>
              ${item.materials.map(
                (m) => html`<tr>
                  <td>${tx(m.title, l)} <span class="mono muted">${m.id}</span></td>
                  <td>${m.required ? t(l, 'yes') : t(l, 'no')}</td>
                  <td>${m.eLicense ? tx(eLicences?.get(m.eLicense)?.type.title, l) || m.eLicense : ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="flow">
        <h3 id="flow">${t(l, 'flow')}</h3>
        <ot-chart-diagram .chart=${item.flow as unknown as ChartInput} .locale=${l} .caption=${t(l, 'itemChart', { title: tx(item.title, l) })}></ot-chart-diagram>
      </section>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-item-view': OtItemView;
  }
}
