import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { JsonSchema, Locale, Text, Ui } from '@onething/engine';
import { t } from '../i18n/strings.js';
import { optionsText, parseOptions } from '../model/questions.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';

type Question = JsonSchema & { 'x-title'?: Text; 'x-enumTitles'?: Record<string, Text> };

/**
 * Edits the bundle's situational-guidance questions (a JSON Schema of the answers): key, the
 * question in both languages, yes/no or one of several options, required. Keeps the questions'
 * presentation (`questionsUi` sections) in step.
 * @fires ot-questions-change - `{ questions, questionsUi }`
 */
@customElement('ot-questions-editor')
export class OtQuestionsEditor extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      li {
        background: #fff;
        border: 1px solid var(--ot-d-line);
        border-radius: var(--ot-d-radius);
        padding: 8px 10px;
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) 120px auto;
        grid-template-areas: 'key key type tools' 'zh en en en' 'options options options options';
        gap: 6px 8px;
        align-items: end;
      }
      .key {
        grid-area: key;
      }
      .zh {
        grid-area: zh;
      }
      .en {
        grid-area: en;
      }
      .type {
        grid-area: type;
      }
      .tools {
        grid-area: tools;
      }
      .options {
        grid-area: options;
      }
      .required {
        flex-direction: row;
        align-items: center;
        gap: 4px;
        color: var(--ot-d-text);
        font-size: 12px;
      }
      /* Narrow screens: the key, then the answer type and tools, then each title on a row of its own */
      @media (max-width: 600px) {
        li {
          grid-template-columns: minmax(0, 1fr) auto;
          grid-template-areas: 'key key' 'type tools' 'zh zh' 'en en' 'options options';
        }
      }
    `,
  ];

  @property({ attribute: false }) accessor questions: JsonSchema = { type: 'object', properties: {} };
  @property({ attribute: false }) accessor questionsUi: Ui | undefined;
  @property() accessor locale: Locale = 'zh-CN';
  @property({ type: Boolean }) accessor readonly = false;

  private get entries(): Array<[string, Question]> {
    return Object.entries((this.questions.properties ?? {}) as Record<string, Question>);
  }

  private commit(entries: Array<[string, Question]>, required: string[]): void {
    const keys = entries.map(([k]) => k);
    const questions: JsonSchema = { ...this.questions, type: 'object', properties: Object.fromEntries(entries), additionalProperties: false };
    const req = required.filter((k) => keys.includes(k));
    if (req.length) questions.required = req;
    else delete questions.required;
    const ui = this.questionsUi;
    const sections = ui?.sections?.length ? ui.sections : [{ id: 'situation', title: { 'zh-CN': '您的情况', en: 'Your situation' }, fields: [] as string[] }];
    const placed = new Set(sections.flatMap((s) => s.fields));
    const next: Ui = {
      ...(ui ?? {}),
      layout: ui?.layout ?? 'sections',
      sections: sections.map((s, i) => ({ ...s, fields: [...s.fields.filter((f) => keys.includes(f)), ...(i === 0 ? keys.filter((k) => !placed.has(k)) : [])] })) as Ui['sections'],
    };
    if (next.fields) next.fields = Object.fromEntries(Object.entries(next.fields).filter(([k]) => keys.includes(k)));
    emit(this, 'ot-questions-change', { questions, questionsUi: next });
  }

  private get required(): string[] {
    return Array.isArray(this.questions.required) ? (this.questions.required as string[]) : [];
  }

  private update_(index: number, key: string, q: Question): void {
    const entries = this.entries;
    const oldKey = entries[index]![0];
    entries[index] = [key, q];
    this.commit(entries, this.required.map((k) => (k === oldKey ? key : k)));
  }

  private add(): void {
    const keys = new Set(this.entries.map(([k]) => k));
    let n = keys.size + 1;
    while (keys.has(`question${n}`)) n++;
    const zh = t('zh-CN', 'newQuestionZh');
    this.commit([...this.entries, [`question${n}`, { type: 'boolean', 'x-title': { 'zh-CN': `${zh} ${n}`, en: `${t('en', 'newQuestionZh')} ${n}` } }]], [...this.required, `question${n}`]);
  }

  override render() {
    const l = this.locale;
    const ro = this.readonly;
    return html`<ol>
        ${this.entries.map(([key, q], i) => {
          const choice = Array.isArray(q.enum);
          const title = q['x-title'] ?? { 'zh-CN': key, en: key };
          return html`<li>
            <div class="field key">
              <label for=${`key-${i}`}>${t(l, 'questionKey')}</label>
              <input
                id=${`key-${i}`}
                class="mono"
                .value=${key}
                ?readonly=${ro}
                pattern="^[A-Za-z][A-Za-z0-9_]*$"
                @change=${(e: Event) => {
                  const next = (e.target as HTMLInputElement).value.trim();
                  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(next) && next !== key && !this.entries.some(([k]) => k === next)) this.update_(i, next, q);
                  else (e.target as HTMLInputElement).value = key;
                }}
              />
            </div>
            <div class="field zh">
              <label for=${`zh-${i}`}>${t(l, 'titleZh')}</label>
              <input id=${`zh-${i}`} .value=${title['zh-CN']} ?readonly=${ro} @change=${(e: Event) => this.update_(i, key, { ...q, 'x-title': { ...title, 'zh-CN': (e.target as HTMLInputElement).value } })} />
            </div>
            <div class="field en">
              <label for=${`en-${i}`}>${t(l, 'titleEn')}</label>
              <input id=${`en-${i}`} .value=${title.en} ?readonly=${ro} @change=${(e: Event) => this.update_(i, key, { ...q, 'x-title': { ...title, en: (e.target as HTMLInputElement).value } })} />
            </div>
            <div class="field type">
              <label for=${`type-${i}`}>${t(l, 'questionType')}</label>
              <select
                id=${`type-${i}`}
                ?disabled=${ro}
                @change=${(e: Event) => {
                  const kind = (e.target as HTMLSelectElement).value;
                  const { enum: _e, 'x-enumTitles': _t, ...rest } = q;
                  this.update_(i, key, kind === 'choice' ? { ...rest, type: 'string', enum: ['a', 'b'], 'x-enumTitles': { a: { 'zh-CN': '甲', en: 'A' }, b: { 'zh-CN': '乙', en: 'B' } } } : { ...rest, type: 'boolean' });
                }}
              >
                <option value="boolean" ?selected=${!choice}>${t(l, 'yesNo')}</option>
                <option value="choice" ?selected=${choice}>${t(l, 'choice')}</option>
              </select>
            </div>
            <div class="row tools">
              <label class="field required"
                ><input
                  type="checkbox"
                  .checked=${this.required.includes(key)}
                  ?disabled=${ro}
                  @change=${(e: Event) => this.commit(this.entries, (e.target as HTMLInputElement).checked ? [...this.required, key] : this.required.filter((k) => k !== key))}
                />${t(l, 'requiredCol')}</label
              >
              ${ro ? '' : html`<button class="icon quiet danger" aria-label=${t(l, 'removeQuestion', { key })} @click=${() => this.commit(this.entries.filter((_, j) => j !== i), this.required)}>✕</button>`}
            </div>
            ${choice
              ? html`<div class="field options">
                  <label for=${`options-${i}`}>${t(l, 'options')}</label>
                  <textarea
                    id=${`options-${i}`}
                    rows="3"
                    ?readonly=${ro}
                    .value=${optionsText(q)}
                    @change=${(e: Event) => {
                      const parsed = parseOptions((e.target as HTMLTextAreaElement).value);
                      if (parsed.enum.length) this.update_(i, key, { ...q, enum: parsed.enum, 'x-enumTitles': parsed.titles });
                      else (e.target as HTMLTextAreaElement).value = optionsText(q); // nothing usable: the options stay as they were, and show so
                    }}
                  ></textarea>
                </div>`
              : ''}
          </li>`;
        })}
      </ol>
      ${ro ? '' : html`<p style="margin-top:6px"><button @click=${this.add}>+ ${t(l, 'addQuestion')}</button></p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-questions-editor': OtQuestionsEditor;
  }
}
