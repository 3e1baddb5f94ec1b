import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ComposedBundle, Locale, Text } from '@onething/engine';
import type { FlowView } from '../api/types.js';
import { t, tx } from '../i18n/strings.js';
import { itemStates, itemStateTitle } from '../model/states.js';
import { deadlineCell } from '../render/deadline.js';
import { controls, tokens } from '../styles/theme.js';

/**
 * Each item of the bundle: its department, where its handling stands (or its outcome) and its
 * department's deadline — the items of the signed-in reviewer's departments marked.
 */
@customElement('ot-item-status')
export class OtItemStatus extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      table {
        table-layout: fixed;
      }
      td,
      th {
        padding: 6px 8px;
      }
      th.state {
        width: 44%;
      }
      .due {
        margin-top: 2px;
      }
      th[scope='row'] {
        font-weight: 600;
        background: transparent;
        color: var(--ot-w-text);
        font-size: 13px;
      }
      tr.mine th[scope='row'] {
        box-shadow: inset 3px 0 0 var(--ot-w-primary);
      }
      tr.inactive {
        color: var(--ot-w-muted);
        background: var(--ot-w-bg);
      }
      tr.inactive th[scope='row'] {
        color: var(--ot-w-muted);
        font-weight: 400;
      }
      .dept {
        display: block;
        font-size: 12px;
        font-weight: 400;
        color: var(--ot-w-muted);
      }
      .outcome-approved {
        color: var(--ot-w-success);
        font-weight: 600;
      }
      .outcome-rejected {
        color: var(--ot-w-error);
        font-weight: 600;
      }
      .deadline {
        display: flex;
        flex-direction: column;
        gap: 2px;
        font-size: 12px;
      }
      .deadline .left {
        color: var(--ot-w-muted);
      }
      .deadline--overdue .left {
        color: var(--ot-w-error);
        font-weight: 600;
      }
      .deadline--soon .left {
        color: var(--ot-w-warning);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) accessor composed: ComposedBundle | undefined;
  @property({ attribute: false }) accessor flow: FlowView | null = null;
  @property({ attribute: false }) accessor stateTitles: Record<string, Text> | undefined;
  /** Departments of the signed-in reviewer (their items are marked). */
  @property({ attribute: false }) accessor departments: readonly string[] = [];
  /** `zh-CN` (default) or `en`. */
  @property() accessor locale: Locale = 'zh-CN';

  override render() {
    const l = this.locale;
    const composed = this.composed;
    const flow = this.flow;
    if (!composed || !flow) return nothing;
    const now = new Date().toISOString();
    const states = itemStates(flow.value);
    const accepted = Object.keys(states).length > 0 || Object.values(flow.items).some((i) => i.outcome);
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${t(l, 'colBundle')}</th>
          <th scope="col" class="state">${t(l, 'itemStateAndDeadline')}</th>
        </tr>
      </thead>
      <tbody>
        ${composed.items.map((item) => {
          const active = flow.active.includes(item.id);
          const outcome = flow.items[item.id]?.outcome;
          const mine = this.departments.includes(item.department.id);
          const due = Object.values(flow.deadlines)
            .filter((d) => d.item === item.id)
            .map((d) => d.due)
            .sort()[0];
          const state = !active
            ? html`<span>${t(l, 'notActive')}</span>`
            : outcome
              ? html`<span class="outcome-${outcome}">${t(l, outcome === 'approved' ? 'outcomeApproved' : outcome === 'rejected' ? 'outcomeRejected' : 'outcomeWithdrawn')}</span>`
              : states[item.id]
                ? html`<span>${tx(l, itemStateTitle(this.stateTitles, item.id, states[item.id]!))}</span>`
                : html`<span class="muted">${t(l, accepted ? 'notActive' : 'waitingAcceptance')}</span>`;
          return html`<tr class="${active ? '' : 'inactive'} ${mine ? 'mine' : ''}" data-item=${item.id}>
            <th scope="row">
              <span class="title">${tx(l, item.title)}</span>
              <span class="dept">${tx(l, item.department.title)}${mine ? html` · <strong>${t(l, 'yourItem')}</strong>` : nothing}</span>
            </th>
            <td>${state}${active && !outcome && due ? html`<div class="due">${deadlineCell(l, due, now)}</div>` : nothing}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-item-status': OtItemStatus;
  }
}
