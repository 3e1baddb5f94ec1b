import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BundleDefinition, ItemDefinition, Locale } from '@onething/engine';
import { days, t, tx } from '../i18n/strings.js';
import type { CatalogEntry } from '../model/workspace.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';

/** The drag-and-drop type of a catalog item (its id). */
export const ITEM_DRAG_TYPE = 'application/x-onething-item';

/**
 * The catalog: bundles and items (the newest version of each), searchable by title or id and
 * filtered by department and region. Items can be dragged into the bundle being composed, or
 * added with their "Add to bundle" button (the keyboard path).
 * @fires ot-open-item - `{ id }`
 * @fires ot-open-bundle - `{ id, version }`
 * @fires ot-add-item - `{ id }`
 * @fires ot-new-bundle
 */
@customElement('ot-catalog')
export class OtCatalog extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .filters {
        display: flex;
        flex-direction: column;
        gap: 6px;
        padding: 10px 12px;
        border-bottom: 1px solid var(--ot-d-line);
      }
      .filters .row > .field {
        flex: 1 1 0;
      }
      input[type='search'] {
        width: 100%;
      }
      .lists {
        overflow: auto;
        padding: 4px 0 12px;
        min-height: 0;
        flex: 1 1 auto;
      }
      h2 {
        font-size: 12px;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--ot-d-muted);
        padding: 10px 12px 4px;
        display: flex;
        align-items: center;
        justify-content: space-between;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        align-items: center;
        gap: 4px;
        padding: 2px 8px 2px 12px;
        border-left: 3px solid transparent;
      }
      li[draggable='true'] {
        cursor: grab;
      }
      li:hover {
        background: var(--ot-d-hover);
      }
      li.selected {
        border-left-color: var(--ot-d-primary);
        background: var(--ot-d-primary-soft);
      }
      .open {
        flex: 1 1 auto;
        min-width: 0;
        text-align: left;
        border: 0;
        background: transparent;
        padding: 4px 0;
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 0;
        white-space: normal;
        min-height: 0;
      }
      .open:hover:not(:disabled) {
        background: transparent;
      }
      .name {
        font-size: 13px;
        color: var(--ot-d-text);
        line-height: 1.35;
      }
      .meta {
        font-size: 11px;
        color: var(--ot-d-muted);
      }
      .add {
        flex: 0 0 auto;
        min-height: 26px;
        padding: 0 8px;
        font-size: 12px;
      }
      .empty {
        padding: 8px 12px;
        font-size: 12px;
        color: var(--ot-d-muted);
      }
      .hint {
        font-size: 11px;
        color: var(--ot-d-muted);
      }
    `,
  ];

  @property({ attribute: false }) accessor entries: CatalogEntry[] = [];
  @property() accessor locale: Locale = 'zh-CN';
  /** Ids of the items in the bundle being composed (their "add" button is off). */
  @property({ attribute: false }) accessor inBundle: ReadonlySet<string> = new Set();
  /** Whether a bundle is open for editing (items show "Add to bundle"). */
  @property({ type: Boolean }) accessor composing = false;
  /** `item/<id>` or `bundle/<id>` of what is open. */
  @property() accessor selected = '';

  @state() private accessor query = '';
  @state() private accessor department = '';
  @state() private accessor region = '';

  private shows(e: CatalogEntry): boolean {
    const q = this.query.trim().toLowerCase();
    const d = e.definition;
    if (q && ![d.title['zh-CN'], d.title.en, e.id].some((s) => s.toLowerCase().includes(q))) return false;
    if (this.region && d.region !== this.region) return false;
    if (this.department) {
      const dept = e.kind === 'item' ? (d as ItemDefinition).department.id : (d as BundleDefinition).lead.id;
      if (dept !== this.department) return false;
    }
    return true;
  }

  override render() {
    const l = this.locale;
    const departments = new Map<string, string>();
    const regions = new Set<string>();
    for (const e of this.entries) {
      const d = e.definition;
      const dept = e.kind === 'item' ? (d as ItemDefinition).department : (d as BundleDefinition).lead;
      departments.set(dept.id, tx(dept.title, l));
      regions.add(d.region);
    }
    const shown = this.entries.filter((e) => this.shows(e)).sort((a, b) => tx(a.definition.title, l).localeCompare(tx(b.definition.title, l), l));
    const bundles = shown.filter((e) => e.kind === 'bundle');
    const items = shown.filter((e) => e.kind === 'item');
    return html`<div class="filters" role="search">
        <label class="visually-hidden" for="q">${t(l, 'search')}</label>
        <input id="q" type="search" placeholder=${t(l, 'search')} .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        <div class="row">
          <div class="field">
            <label for="dept">${t(l, 'department')}</label>
            <select id="dept" @change=${(e: Event) => (this.department = (e.target as HTMLSelectElement).value)}>
              <option value="">${t(l, 'all')}</option>
              ${[...departments].sort((a, b) => a[1].localeCompare(b[1], l)).map(([id, title]) => html`<option value=${id} ?selected=${id === this.department}>${title}</option>`)}
            </select>
          </div>
          <div class="field" style="flex:0 0 88px">
            <label for="region">${t(l, 'region')}</label>
            <select id="region" @change=${(e: Event) => (this.region = (e.target as HTMLSelectElement).value)}>
              <option value="">${t(l, 'all')}</option>
              ${[...regions].sort().map((r) => html`<option value=${r} ?selected=${r === this.region}>${r}</option>`)}
            </select>
          </div>
        </div>
      </div>
      <div class="lists">
        <h2 id="bundles-heading">${t(l, 'bundles')} <button class="quiet" @click=${() => emit(this, 'ot-new-bundle', {})}>+ ${t(l, 'newBundle')}</button></h2>
        <ul aria-labelledby="bundles-heading">
          ${bundles.map(
            (e) => html`<li class=${this.selected === `bundle/${e.id}` ? 'selected' : ''}>
              <button class="open" aria-current=${this.selected === `bundle/${e.id}` ? 'true' : 'false'} @click=${() => emit(this, 'ot-open-bundle', { id: e.id, version: e.version })}>
                <span class="name">${tx(e.definition.title, l)}</span>
                <span class="meta"><span class="mono">${e.version}</span> · <span class="badge ${e.status}">${t(l, e.status)}</span></span>
              </button>
            </li>`,
          )}
          ${bundles.length ? nothing : html`<li class="empty">${t(l, 'noMatch')}</li>`}
        </ul>
        <h2 id="items-heading">${t(l, 'items')}</h2>
        ${this.composing ? html`<p class="hint" style="padding:0 12px 4px">${t(l, 'dragHint')}</p>` : nothing}
        <ul aria-labelledby="items-heading">
          ${items.map((e) => {
            const d = e.definition as ItemDefinition;
            const title = tx(d.title, l);
            const added = this.inBundle.has(e.id);
            return html`<li
              class=${this.selected === `item/${e.id}` ? 'selected' : ''}
              draggable=${this.composing && !added ? 'true' : 'false'}
              data-item=${e.id}
              @dragstart=${(ev: DragEvent) => {
                ev.dataTransfer?.setData(ITEM_DRAG_TYPE, e.id);
                ev.dataTransfer?.setData('text/plain', e.id);
                if (ev.dataTransfer) ev.dataTransfer.effectAllowed = 'copy';
              }}
            >
              <button class="open" aria-current=${this.selected === `item/${e.id}` ? 'true' : 'false'} @click=${() => emit(this, 'ot-open-item', { id: e.id })}>
                <span class="name">${title}</span>
                <span class="meta">${tx(d.department.title, l)} · ${t(l, 'promisedDays')} ${days(l, d.limits.promisedDays, d.limits.days === 'calendar')}</span>
              </button>
              ${this.composing
                ? html`<button class="add" ?disabled=${added} aria-label=${added ? `${title} — ${t(l, 'inBundle')}` : t(l, 'addItemLabel', { title })} @click=${() => emit(this, 'ot-add-item', { id: e.id })}>
                    ${added ? `✓ ${t(l, 'inBundle')}` : `+ ${t(l, 'addToBundle')}`}
                  </button>`
                : nothing}
            </li>`;
          })}
          ${items.length ? nothing : html`<li class="empty">${t(l, 'noMatch')}</li>`}
        </ul>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-catalog': OtCatalog;
  }
}
