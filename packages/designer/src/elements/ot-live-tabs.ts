import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';

/** One tab: its key, its label and an optional count badge. */
export interface TabSpec {
  key: string;
  label: string;
  badge?: { text: string; tone: 'error' | 'warning' | 'ok' };
}

/**
 * A WAI-ARIA tab list (roving tabindex; arrow keys, Home and End move between tabs). The panels
 * are the host's: each tab controls the element with id `panel-<key>` in the same shadow root
 * as this list's host, so `controls` is set on the tab by key.
 * @fires ot-tab - `{ key }` a tab was chosen
 */
@customElement('ot-live-tabs')
export class OtLiveTabs extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
        border-bottom: 1px solid var(--ot-d-line);
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 2px;
        padding: 0 8px;
      }
      [role='tab'] {
        border: 0;
        border-bottom: 2px solid transparent;
        border-radius: 0;
        background: transparent;
        padding: 8px 10px 6px;
        min-height: 36px;
        color: var(--ot-d-muted);
        font-weight: 500;
      }
      [role='tab']:hover:not(:disabled) {
        background: var(--ot-d-hover);
        border-color: transparent;
        border-bottom-color: var(--ot-d-line-strong);
      }
      [role='tab'][aria-selected='true'] {
        color: var(--ot-d-primary);
        border-bottom-color: var(--ot-d-primary);
        font-weight: 600;
      }
      .badge {
        margin-left: 2px;
      }
      .badge.ok {
        background: var(--ot-d-success-soft);
        color: var(--ot-d-success);
        border-color: #a9d8bd;
      }
    `,
  ];

  @property({ attribute: false }) accessor tabs: TabSpec[] = [];
  @property() accessor selected = '';
  @property() accessor label = '';

  private select(key: string, focus: boolean): void {
    emit(this, 'ot-tab', { key });
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-key="${key}"]`)?.focus());
  }

  private onKey(event: KeyboardEvent): void {
    const i = this.tabs.findIndex((t) => t.key === this.selected);
    const n = this.tabs.length;
    const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.select(this.tabs[to]!.key, true);
  }

  override render() {
    return html`<div role="tablist" aria-label=${this.label} @keydown=${this.onKey}>
      ${this.tabs.map(
        (tab) => html`<button
          role="tab"
          id=${`tab-${tab.key}`}
          data-key=${tab.key}
          aria-selected=${tab.key === this.selected ? 'true' : 'false'}
          tabindex=${tab.key === this.selected ? 0 : -1}
          @click=${() => this.select(tab.key, false)}
        >
          ${tab.label}${tab.badge ? html` <span class="badge ${tab.badge.tone}">${tab.badge.text}</span>` : ''}
        </button>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-live-tabs': OtLiveTabs;
  }
}
