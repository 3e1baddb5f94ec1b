import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { BundleItem, ItemDefinition, Json, JsonSchema, Locale } from '@onething/engine';
import { t, tx } from '../i18n/strings.js';
import { describeRule } from '../model/rules.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';
import './ot-rule-builder.js';

/**
 * One item of the bundle being composed: its title and department, the version range (with
 * the published version it resolves to), the `when` rule, and move / remove buttons.
 * @fires ot-entry-change - `{ index, entry }` the entry was edited
 * @fires ot-entry-remove - `{ index }`
 * @fires ot-entry-move - `{ index, by }` (by −1 or +1)
 */
@customElement('ot-bundle-entry')
export class OtBundleEntry extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      article {
        background: #fff;
        border: 1px solid var(--ot-d-line);
        border-radius: var(--ot-d-radius);
        padding: 8px 10px 10px;
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 6px 10px;
      }
      .title {
        font-weight: 600;
        font-size: 14px;
      }
      .sub {
        font-size: 12px;
        color: var(--ot-d-muted);
      }
      .tools {
        display: flex;
        gap: 2px;
        align-items: flex-start;
      }
      .body {
        grid-column: 1 / -1;
        display: grid;
        grid-template-columns: 130px minmax(0, 1fr);
        gap: 10px;
      }
      .rule {
        font-size: 13px;
        word-break: break-word;
      }
      .resolves {
        font-size: 12px;
        color: var(--ot-d-success);
      }
      .resolves.none {
        color: var(--ot-d-error);
      }
      .number {
        display: inline-flex;
        justify-content: center;
        align-items: center;
        width: 20px;
        height: 20px;
        border-radius: 50%;
        background: var(--ot-d-primary-soft);
        color: var(--ot-d-primary);
        font-size: 12px;
        font-weight: 700;
        margin-right: 6px;
      }
    `,
  ];

  @property({ attribute: false }) accessor entry!: BundleItem;
  /** The published item the range resolves to (undefined: none). */
  @property({ attribute: false }) accessor resolved: ItemDefinition | undefined;
  /** The newest known definition of the item (for its title when the range resolves to nothing). */
  @property({ attribute: false }) accessor known: ItemDefinition | undefined;
  @property({ attribute: false }) accessor questions: JsonSchema | undefined;
  @property({ type: Number }) accessor index = 0;
  @property({ type: Number }) accessor count = 1;
  @property() accessor locale: Locale = 'zh-CN';
  @property({ type: Boolean }) accessor readonly = false;

  private change(patch: Partial<BundleItem>): void {
    const next = { ...this.entry, ...patch } as BundleItem;
    if ('when' in patch && patch.when === undefined) delete (next as { when?: unknown }).when;
    emit(this, 'ot-entry-change', { index: this.index, entry: next });
  }

  override render() {
    const l = this.locale;
    const d = this.resolved ?? this.known;
    const title = d ? tx(d.title, l) : this.entry.item;
    return html`<article aria-label=${title}>
      <div>
        <div class="title"><span class="number" aria-hidden="true">${this.index + 1}</span>${title}</div>
        <div class="sub">${d ? tx(d.department.title, l) : ''} · <span class="mono">${this.entry.item}</span></div>
      </div>
      ${this.readonly
        ? nothing
        : html`<div class="tools">
            <button class="icon quiet" ?disabled=${this.index === 0} aria-label=${t(l, 'moveUp', { title })} @click=${() => emit(this, 'ot-entry-move', { index: this.index, by: -1 })}>↑</button>
            <button class="icon quiet" ?disabled=${this.index === this.count - 1} aria-label=${t(l, 'moveDown', { title })} @click=${() => emit(this, 'ot-entry-move', { index: this.index, by: 1 })}>↓</button>
            <button class="quiet danger" aria-label=${t(l, 'removeItem', { title })} @click=${() => emit(this, 'ot-entry-remove', { index: this.index })}>${t(l, 'remove')}</button>
          </div>`}
      <div class="body">
        <div class="field">
          <label for="range">${t(l, 'range')}</label>
          <input
            id="range"
            class="mono"
            .value=${live(this.entry.version)}
            ?readonly=${this.readonly}
            placeholder=${t(l, 'rangeHint')}
            aria-describedby="resolves"
            @change=${(e: Event) => this.change({ version: (e.target as HTMLInputElement).value.trim() })}
          />
          <span id="resolves" class="resolves ${this.resolved ? '' : 'none'}">${this.resolved ? t(l, 'resolvesTo', { version: this.resolved.version }) : t(l, 'resolvesToNothing')}</span>
        </div>
        ${this.readonly
          ? html`<div class="field"><span class="small muted">${t(l, 'when')}</span><span class="rule">${describeRule(this.entry.when as Json | undefined, this.questions, l)}</span></div>`
          : html`<ot-rule-builder
              .rule=${this.entry.when as Json | undefined}
              .questions=${this.questions}
              .locale=${l}
              .subject=${title}
              @ot-rule-change=${(e: CustomEvent<{ rule: Json | undefined }>) => {
                e.stopPropagation();
                this.change({ when: e.detail.rule as BundleItem['when'] });
              }}
            ></ot-rule-builder>`}
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-bundle-entry': OtBundleEntry;
  }
}
