import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ComposedBundle, Locale } from '@onething/engine';
import type { AllowedEvent } from '../api/types.js';
import { actionTitle } from '../model/actions.js';
import { t, tx } from '../i18n/strings.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';

/** `ot-action`: the person chose one of the allowed events. */
export interface ActionDetail {
  event: AllowedEvent;
}

/**
 * The actions the signed-in person may take now — exactly the events the server says the flow
 * allows them (never guessed here) — grouped by the window and by item, each as a button named
 * by its title.
 * @fires ot-action - `{ event }`
 */
@customElement('ot-action-panel')
export class OtActionPanel extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .group + .group {
        margin-top: 10px;
        padding-top: 10px;
        border-top: 1px solid var(--ot-w-line);
      }
      h3 {
        font-size: 12px;
        color: var(--ot-w-muted);
        font-weight: 600;
        margin-bottom: 6px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      button {
        width: 100%;
        justify-content: flex-start;
        white-space: normal;
        text-align: left;
        min-height: 34px;
      }
      button.decides {
        border-color: var(--ot-w-line-strong);
      }
      button.negative {
        color: var(--ot-w-error);
      }
      .none {
        font-size: 13px;
        color: var(--ot-w-muted);
      }
    `,
  ];

  @property({ attribute: false }) accessor events: AllowedEvent[] = [];
  @property({ attribute: false }) accessor composed: ComposedBundle | undefined;
  /** `zh-CN` (default) or `en`. */
  @property() accessor locale: Locale = 'zh-CN';
  /** While an action is being sent or a request written, the buttons wait. */
  @property({ type: Boolean }) accessor disabled = false;

  override render() {
    const l = this.locale;
    if (!this.events.length) return html`<p class="none">${t(l, 'noActions')}</p>`;
    const groups = new Map<string, AllowedEvent[]>();
    for (const e of this.events) {
      const key = e.item ?? '';
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(e);
    }
    let first = true;
    return html`${[...groups].map(([item, events]) => {
      const heading = item ? tx(l, this.composed?.items.find((i) => i.id === item)?.title) || item : t(l, 'windowActions');
      const id = `actions-${item || 'window'}`;
      return html`<div class="group" role="group" aria-labelledby=${id}>
        <h3 id=${id}>${heading}</h3>
        <ul>
          ${events.map((e) => {
            const outcomes = (e.branches ?? []).map((b) => b.target);
            // a refusal (an item's rejected outcome, the window's 不予受理) reads in red
            const negative = outcomes.length > 0 && outcomes.every((o) => o?.final && (o.outcome === 'rejected' || o.path === 'rejected'));
            const cls = first ? 'primary' : negative ? 'negative' : '';
            first = false;
            return html`<li>
              <button type="button" class=${cls} data-event=${e.type} data-item=${e.item ?? ''} ?disabled=${this.disabled} @click=${() => emit<ActionDetail>(this, 'ot-action', { event: e })}>
                ${tx(l, actionTitle(e))}
              </button>
            </li>`;
          })}
        </ul>
      </div>`;
    })}
    ${nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-action-panel': OtActionPanel;
  }
  interface HTMLElementEventMap {
    'ot-action': CustomEvent<ActionDetail>;
  }
}
