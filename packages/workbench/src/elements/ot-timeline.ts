import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ComposedBundle, Locale, Text } from '@onething/engine';
import type { SupplementRoundView, TimelineEntry } from '../api/types.js';
import { t, tx } from '../i18n/strings.js';
import type { Directory } from '../model/directory.js';
import { formatDateTime } from '../model/format.js';
import { fieldLabel } from '../model/schema.js';
import { roundEntries } from '../model/supplement.js';
import { orchestrationEventTitles, reachedPath, stateLabel } from '../model/states.js';
import { controls, tokens } from '../styles/theme.js';

/**
 * The application's history: every supplement round (what was asked, by whom, and what the
 * applicant changed), then the audit trail — who did what and when, from which state to which.
 * Autosaves of the draft are left out.
 */
@customElement('ot-timeline')
export class OtTimeline extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      h3 {
        font-size: 13px;
        margin: 0 0 6px;
      }
      section + section {
        margin-top: 14px;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol.trail li {
        display: grid;
        grid-template-columns: 128px 1fr;
        gap: 2px 12px;
        padding: 7px 0;
        border-bottom: 1px solid var(--ot-w-line);
      }
      ol.trail time {
        font-variant-numeric: tabular-nums;
        color: var(--ot-w-muted);
        font-size: 12px;
        padding-top: 1px;
      }
      .what {
        font-weight: 600;
      }
      .who,
      .move {
        font-size: 12px;
        color: var(--ot-w-muted);
      }
      .note {
        white-space: pre-wrap;
        font-size: 13px;
        background: var(--ot-w-bg);
        border-radius: 4px;
        padding: 4px 8px;
        margin-top: 2px;
      }
      .rounds li {
        border: 1px solid var(--ot-w-line);
        border-left: 3px solid var(--ot-w-warning);
        border-radius: 4px;
        padding: 8px 10px;
      }
      .rounds li + li {
        margin-top: 8px;
      }
      .rounds li.answered {
        border-left-color: var(--ot-w-success);
      }
      .rounds dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 3px 12px;
        margin: 6px 0 0;
        font-size: 13px;
      }
      .rounds dt {
        color: var(--ot-w-muted);
      }
      .rounds dd {
        margin: 0;
      }
      ul.entries {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul.entries .why {
        white-space: pre-wrap;
      }
    `,
  ];

  @property({ attribute: false }) accessor entries: TimelineEntry[] = [];
  @property({ attribute: false }) accessor supplements: SupplementRoundView[] = [];
  @property({ attribute: false }) accessor composed: ComposedBundle | undefined;
  @property({ attribute: false }) accessor directory: Directory | undefined;
  /** Titles of the flow's states by path, as the server sends them. */
  @property({ attribute: false }) accessor stateTitles: Record<string, Text> | undefined;
  /** Titles of the flow's events (`<item>/<TYPE>` or `<TYPE>`), when the server sends them. */
  @property({ attribute: false }) accessor eventTitles: Record<string, Text> | undefined;
  /** `zh-CN` (default) or `en`. */
  @property() accessor locale: Locale = 'zh-CN';

  private itemTitle(id: string): string {
    return tx(this.locale, this.composed?.items.find((i) => i.id === id)?.title ?? this.directory?.item(id)) || id;
  }

  private fieldTitle(path: string): string {
    return this.composed ? fieldLabel(this.composed, path, this.locale) : path;
  }

  private materialTitle(id: string): string {
    return tx(this.locale, this.composed?.materials.find((m) => m.id === id)?.title) || id;
  }

  private who(actor: TimelineEntry['actor']): string {
    const l = this.locale;
    const role = actor.role.split(':')[0] as 'applicant' | 'clerk' | 'reviewer' | 'admin' | 'system';
    const roleText = role === 'system' ? t(l, 'system') : role in { applicant: 1, clerk: 1, reviewer: 1, admin: 1 } ? t(l, role) : actor.role;
    const department = actor.department ? tx(l, this.directory?.department(actor.department)) || actor.department : '';
    return [roleText, department, role !== 'system' && role !== 'applicant' ? actor.sub : ''].filter(Boolean).join(' · ');
  }

  private eventTitle(e: TimelineEntry): string {
    const key = e.item ? `${e.item}/${e.event}` : e.event;
    // the branch taken, by the state reached (or one of its parents: a compound target's child is reached)
    let branch: Text | undefined;
    const reached = reachedPath(e.to, e.item);
    for (let path = reached; path && !branch; path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '') branch = this.eventTitles?.[`${key}@${path}`];
    const title = branch ?? this.eventTitles?.[key] ?? (e.item ? undefined : orchestrationEventTitles().get(e.event));
    return title ? tx(this.locale, title) : e.event;
  }

  /** Flagged entries: one line each, with its own reason when it was given one (older rounds have only the overall reason). */
  private entryList(list: Array<{ id: string; reason?: string }>, title: (id: string) => string) {
    const colon = this.locale === 'en' ? ': ' : '：';
    return html`<ul class="entries">
      ${list.map((e) => html`<li>${title(e.id)}${e.reason ? html`${colon}<span class="why">${e.reason}</span>` : nothing}</li>`)}
    </ul>`;
  }

  private rounds() {
    const l = this.locale;
    if (!this.supplements.length) return nothing;
    return html`<section aria-labelledby="rounds-title">
      <h3 id="rounds-title">${t(l, 'supplementRounds')}</h3>
      <ol class="rounds">
        ${this.supplements.map((r) => {
          const entries = roundEntries(r);
          return html`<li class=${r.answer ? 'answered' : 'open'}>
            <strong>${t(l, 'supplementRound', { n: r.round, scope: r.scope === 'bundle' ? t(l, 'scopeWindow') : this.itemTitle(r.scope) })}</strong>
            <dl>
              <dt>${t(l, 'asked')}</dt>
              <dd>${formatDateTime(r.requestedAt)} · ${this.who({ role: r.requestedBy.role, ...(r.requestedBy.department ? { department: r.requestedBy.department } : {}), sub: r.requestedBy.id })}</dd>
              ${entries.reason ? html`<dt>${t(l, 'reasonLabel')}</dt><dd><div class="note">${entries.reason}</div></dd>` : nothing}
              ${entries.fields.length ? html`<dt>${t(l, 'fieldsLabel')}</dt><dd>${this.entryList(entries.fields, (p) => this.fieldTitle(p))}</dd>` : nothing}
              ${entries.materials.length ? html`<dt>${t(l, 'materialsLabel')}</dt><dd>${this.entryList(entries.materials, (m) => this.materialTitle(m))}</dd>` : nothing}
              <dt>${r.answer ? t(l, 'answered') : t(l, 'state')}</dt>
              <dd>
                ${r.answer
                  ? html`${formatDateTime(r.answer.at)} ·
                    ${r.answer.fields.length + r.answer.materials.length
                      ? t(l, 'changedFields', { list: [...r.answer.fields.map((p) => this.fieldTitle(p)), ...r.answer.materials.map((m) => this.materialTitle(m))].join(l === 'en' ? '; ' : '；') })
                      : t(l, 'nothingChanged')}`
                  : t(l, 'notAnswered')}
              </dd>
            </dl>
          </li>`;
        })}
      </ol>
    </section>`;
  }

  override render() {
    const l = this.locale;
    const entries = this.entries.filter((e) => e.event !== 'SAVE');
    return html`${this.rounds()}
      <section aria-labelledby="trail-title">
        <h3 id="trail-title">${t(l, 'timeline')}</h3>
        <ol class="trail">
          ${entries.map((e) => {
            const from = stateLabel(e.from, e.item, this.stateTitles);
            const to = stateLabel(e.to, e.item, this.stateTitles);
            const d = e.detail ?? {};
            return html`<li data-event=${e.event}>
              <time datetime=${e.at}>${formatDateTime(e.at)}</time>
              <div>
                <div><span class="what">${this.eventTitle(e)}</span>${e.item ? html` · ${this.itemTitle(e.item)}` : nothing}</div>
                <div class="who">${this.who(e.actor)}</div>
                ${from && to && tx(l, from) !== tx(l, to) ? html`<div class="move">${t(l, 'fromTo', { from: tx(l, from), to: tx(l, to) })}</div>` : nothing}
                ${typeof d.reason === 'string' && d.reason ? html`<div class="note">${t(l, 'reasonLabel')}${l === 'en' ? ': ' : '：'}${d.reason}</div>` : nothing}
                ${typeof d.comment === 'string' && d.comment ? html`<div class="note">${t(l, 'commentLabel')}${l === 'en' ? ': ' : '：'}${d.comment}</div>` : nothing}
              </div>
            </li>`;
          })}
        </ol>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-timeline': OtTimeline;
  }
}
