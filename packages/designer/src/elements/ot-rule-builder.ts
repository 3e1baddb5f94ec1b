import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Json, JsonSchema, Locale, Text } from '@onething/engine';
import { t, tx } from '../i18n/strings.js';
import { buildRule, parseRule, type BuiltRule, type Condition } from '../model/rules.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';

let uid = 0;

/** A guidance question as the builder offers it: its key, title and the values it can take. */
interface QuestionChoice {
  key: string;
  title: string;
  values: Array<{ value: Json; title: string }>;
}

/**
 * Edits a bundle entry's `when` rule: "always", a list of conditions over the guidance
 * questions joined by all-of / any-of (the common cases), or raw JSON Logic for the rest.
 * @fires ot-rule-change - `{ rule }` (undefined: the item always applies)
 */
@customElement('ot-rule-builder')
export class OtRuleBuilder extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        min-width: 0;
      }
      legend {
        font-size: 12px;
        color: var(--ot-d-muted);
        padding: 0;
        margin-bottom: 2px;
      }
      .modes {
        display: flex;
        gap: 4px 12px;
        flex-wrap: wrap;
      }
      .modes label {
        display: inline-flex;
        gap: 4px;
        align-items: center;
        color: var(--ot-d-text);
        font-size: 13px;
      }
      .conditions {
        margin-top: 6px;
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .condition {
        display: grid;
        grid-template-columns: auto minmax(70px, 1fr) auto;
        gap: 4px;
        align-items: center;
        padding: 4px 0;
        border-top: 1px dashed var(--ot-d-line);
      }
      .condition .question {
        grid-column: 1 / -1;
        width: 100%;
      }
      .problem {
        color: var(--ot-d-error);
        font-size: 12px;
      }
      textarea {
        margin-top: 6px;
      }
    `,
  ];

  /** The rule (JSON Logic); undefined means the item always applies. */
  @property({ attribute: false }) accessor rule: Json | undefined;
  /** The bundle's guidance questions (JSON Schema of the answers). */
  @property({ attribute: false }) accessor questions: JsonSchema | undefined;
  @property() accessor locale: Locale = 'zh-CN';
  /** Whose rule this is (for accessible names), e.g. the item's title. */
  @property() accessor subject = '';

  @state() private accessor built: BuiltRule = { mode: 'always' };
  @state() private accessor rawText = '';
  @state() private accessor rawProblem = '';
  private key = `rule-${++uid}`;
  private lastEmitted: Json | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rule') && this.rule !== this.lastEmitted) {
      this.built = parseRule(this.rule);
      this.rawText = this.rule === undefined ? '' : JSON.stringify(this.rule, null, 2);
      this.rawProblem = '';
    }
  }

  private get choices(): QuestionChoice[] {
    const props = (this.questions?.properties ?? {}) as Record<string, JsonSchema & { 'x-title'?: Text; 'x-enumTitles'?: Record<string, Text> }>;
    const l = this.locale;
    return Object.entries(props).map(([key, s]) => ({
      key,
      title: tx(s['x-title'], l) || key,
      values: Array.isArray(s.enum)
        ? s.enum.map((v) => ({ value: v as Json, title: typeof v === 'string' ? tx(s['x-enumTitles']?.[v], l) || v : String(v) }))
        : [
            { value: true, title: t(l, 'yes') },
            { value: false, title: t(l, 'no') },
          ],
    }));
  }

  private commit(built: BuiltRule): void {
    this.built = built;
    const rule = buildRule(built);
    this.lastEmitted = rule;
    if (built.mode !== 'raw') this.rawText = rule === undefined ? '' : JSON.stringify(rule, null, 2);
    emit(this, 'ot-rule-change', { rule });
  }

  private setMode(mode: BuiltRule['mode']): void {
    if (mode === this.built.mode) return;
    if (mode === 'always') return this.commit({ mode: 'always' });
    if (mode === 'raw') {
      const rule = buildRule(this.built) ?? { '===': [{ var: this.choices[0]?.key ?? 'answer' }, true] };
      this.rawText = JSON.stringify(rule, null, 2);
      return this.commit({ mode: 'raw', rule });
    }
    const parsed = parseRule(buildRule(this.built));
    if (parsed.mode === 'conditions') return this.commit(parsed);
    const first = this.choices[0];
    this.commit({ mode: 'conditions', combine: 'all', conditions: first ? [{ question: first.key, op: 'is', value: first.values[0]?.value ?? true }] : [] });
  }

  private updateCondition(index: number, patch: Partial<Condition>): void {
    if (this.built.mode !== 'conditions') return;
    const conditions = this.built.conditions.map((c, i) => (i === index ? { ...c, ...patch } : c));
    if (patch.question !== undefined) {
      const choice = this.choices.find((c) => c.key === patch.question);
      if (choice && !choice.values.some((v) => v.value === conditions[index]!.value)) conditions[index] = { ...conditions[index]!, value: choice.values[0]?.value ?? true };
    }
    this.commit({ ...this.built, conditions });
  }

  private onRaw(event: Event): void {
    const text = (event.target as HTMLTextAreaElement).value;
    this.rawText = text;
    try {
      const rule = JSON.parse(text) as Json;
      this.rawProblem = '';
      this.commit({ mode: 'raw', rule });
    } catch (error) {
      this.rawProblem = t(this.locale, 'ruleInvalid', { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  private renderConditions(built: Extract<BuiltRule, { mode: 'conditions' }>) {
    const l = this.locale;
    const choices = this.choices;
    if (!choices.length) return html`<p class="small muted">${t(l, 'noQuestions')}</p>`;
    return html`<div class="conditions">
      ${built.conditions.length > 1
        ? html`<select aria-label=${`${t(l, 'when')} — ${this.subject}`} @change=${(e: Event) => this.commit({ ...built, combine: (e.target as HTMLSelectElement).value as 'all' | 'any' })}>
            <option value="all" ?selected=${built.combine === 'all'}>${t(l, 'allOf')}</option>
            <option value="any" ?selected=${built.combine === 'any'}>${t(l, 'anyOf')}</option>
          </select>`
        : nothing}
      ${built.conditions.map((c, i) => {
        const choice = choices.find((q) => q.key === c.question);
        const n = i + 1;
        return html`<div class="condition">
          <select class="question" aria-label=${`${t(l, 'question')} ${n} — ${this.subject}`} @change=${(e: Event) => this.updateCondition(i, { question: (e.target as HTMLSelectElement).value })}>
            ${choice ? nothing : html`<option selected value=${c.question}>${c.question}</option>`}
            ${choices.map((q) => html`<option value=${q.key} ?selected=${q.key === c.question}>${q.title}</option>`)}
          </select>
          <select aria-label=${`${t(l, 'is')} / ${t(l, 'isNot')} ${n} — ${this.subject}`} @change=${(e: Event) => this.updateCondition(i, { op: (e.target as HTMLSelectElement).value as Condition['op'] })}>
            <option value="is" ?selected=${c.op === 'is'}>${t(l, 'is')}</option>
            <option value="isNot" ?selected=${c.op === 'isNot'}>${t(l, 'isNot')}</option>
          </select>
          <select aria-label=${`${t(l, 'value')} ${n} — ${this.subject}`} @change=${(e: Event) => this.updateCondition(i, { value: (choice?.values ?? [])[Number((e.target as HTMLSelectElement).value)]?.value ?? null })}>
            ${(choice?.values ?? []).map((v, vi) => html`<option value=${vi} ?selected=${v.value === c.value}>${v.title}</option>`)}
          </select>
          <button class="icon quiet danger" aria-label=${t(l, 'removeCondition', { n })} @click=${() => this.commit({ ...built, conditions: built.conditions.filter((_, j) => j !== i) })}>✕</button>
        </div>`;
      })}
      <div><button class="quiet" @click=${() => this.commit({ ...built, conditions: [...built.conditions, { question: choices[0]!.key, op: 'is', value: choices[0]!.values[0]?.value ?? true }] })}>+ ${t(l, 'addCondition')}</button></div>
    </div>`;
  }

  override render() {
    const l = this.locale;
    const b = this.built;
    const mode = (m: BuiltRule['mode'], label: string) =>
      html`<label><input type="radio" name=${this.key} .checked=${b.mode === m} @change=${() => this.setMode(m)} />${label}</label>`;
    return html`<fieldset>
      <legend>${t(l, 'when')}</legend>
      <div class="modes">${mode('always', t(l, 'always'))} ${mode('conditions', t(l, 'conditions'))} ${mode('raw', t(l, 'rawRule'))}</div>
      ${b.mode === 'conditions' ? this.renderConditions(b) : nothing}
      ${b.mode === 'raw'
        ? html`<textarea rows="4" aria-label=${`${t(l, 'rawRule')} — ${this.subject}`} aria-invalid=${this.rawProblem ? 'true' : 'false'} aria-describedby=${`${this.key}-problem`} .value=${this.rawText} @input=${this.onRaw}></textarea>
            <p class="problem" id=${`${this.key}-problem`} role="alert">${this.rawProblem}</p>`
        : nothing}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-rule-builder': OtRuleBuilder;
  }
}
