import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { BundleDefinition, Locale } from '@onething/engine';
import { t } from '../i18n/strings.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';

/**
 * The basics of a bundle: id, version, region, lead department (the comprehensive window),
 * titles in both languages, the bundle's trips and its acceptance time limit.
 * @fires ot-basics-change - `{ patch }` the fields that changed
 */
@customElement('ot-bundle-basics')
export class OtBundleBasics extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .basics {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 8px;
      }
      .basics .wide {
        grid-column: span 2;
      }
      /* Narrow screens: two fields a row, the wide ones (titles, descriptions) alone */
      @media (max-width: 600px) {
        .basics {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
    `,
  ];

  @property({ attribute: false }) accessor bundle: BundleDefinition | undefined;
  @property() accessor locale: Locale = 'zh-CN';
  @property({ type: Boolean }) accessor readonly = false;
  /** The id cannot change once the bundle was saved. */
  @property({ type: Boolean }) accessor idFixed = false;

  override render() {
    const d = this.bundle;
    if (!d) return nothing;
    const l = this.locale;
    const ro = this.readonly;
    const set = (patch: Partial<BundleDefinition>) => emit(this, 'ot-basics-change', { patch });
    const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Math.max(0, Math.floor(Number(v))));
    const setDescription = (locale: Locale, value: string) => {
      const next = { 'zh-CN': d.description?.['zh-CN'] ?? '', en: d.description?.en ?? '', [locale]: value.trim() };
      set({ description: next['zh-CN'] || next.en ? { 'zh-CN': next['zh-CN'] || next.en, en: next.en || next['zh-CN'] } : undefined });
    };
    // The generated orchestration's settings (bundle `flow` overrides); empty: the engine's default.
    const setFlow = (part: 'preReview' | 'supplement', key: 'limitDays' | 'maxRounds', value: number | undefined) => {
      const section: Record<string, unknown> = { ...(d.flow?.[part] ?? {}) };
      if (value === undefined || value < 1) delete section[key];
      else section[key] = value;
      const flow: Record<string, unknown> = { ...(d.flow ?? {}) };
      if (Object.keys(section).length) flow[part] = section;
      else delete flow[part];
      set({ flow: Object.keys(flow).length ? (flow as BundleDefinition['flow']) : undefined });
    };
    return html`<div class="basics">
      <div class="field">
        <label for="b-id">${t(l, 'bundleId')}</label>
        <input id="b-id" class="mono" .value=${live(d.id)} ?readonly=${ro || this.idFixed} @change=${(e: Event) => set({ id: (e.target as HTMLInputElement).value.trim() })} />
      </div>
      <div class="field">
        <label for="b-version">${t(l, 'version')}</label>
        <input id="b-version" class="mono" .value=${live(d.version)} ?readonly=${ro} @change=${(e: Event) => set({ version: (e.target as HTMLInputElement).value.trim() })} />
      </div>
      <div class="field">
        <label for="b-region">${t(l, 'region')}</label>
        <input id="b-region" class="mono" .value=${live(d.region)} ?readonly=${ro} @change=${(e: Event) => set({ region: (e.target as HTMLInputElement).value.trim() })} />
      </div>
      <div class="field">
        <label for="b-lead">${t(l, 'leadId')}</label>
        <input id="b-lead" class="mono" .value=${live(d.lead.id)} ?readonly=${ro} @change=${(e: Event) => set({ lead: { ...d.lead, id: (e.target as HTMLInputElement).value.trim() } })} />
      </div>
      <div class="field wide">
        <label for="b-title-zh">${t(l, 'titleZh')}</label>
        <input id="b-title-zh" .value=${live(d.title['zh-CN'])} ?readonly=${ro} @change=${(e: Event) => set({ title: { ...d.title, 'zh-CN': (e.target as HTMLInputElement).value } })} />
      </div>
      <div class="field wide">
        <label for="b-title-en">${t(l, 'titleEn')}</label>
        <input id="b-title-en" .value=${live(d.title.en)} ?readonly=${ro} @change=${(e: Event) => set({ title: { ...d.title, en: (e.target as HTMLInputElement).value } })} />
      </div>
      <div class="field wide">
        <label for="b-lead-title">${t(l, 'lead')}</label>
        <input
          id="b-lead-title"
          .value=${live(d.lead.title[l])}
          ?readonly=${ro}
          @change=${(e: Event) => set({ lead: { ...d.lead, title: { ...d.lead.title, [l]: (e.target as HTMLInputElement).value } } })}
        />
      </div>
      <div class="field">
        <label for="b-visits">${t(l, 'bundleVisits')}</label>
        <input id="b-visits" type="number" min="0" .value=${live(String(d.limits?.visits ?? ''))} ?readonly=${ro} @change=${(e: Event) => set({ limits: { ...d.limits, visits: num((e.target as HTMLInputElement).value) } })} />
      </div>
      <div class="field">
        <label for="b-accept">${t(l, 'acceptDays')}</label>
        <input id="b-accept" type="number" min="0" .value=${live(String(d.limits?.acceptDays ?? ''))} ?readonly=${ro} @change=${(e: Event) => set({ limits: { ...d.limits, acceptDays: num((e.target as HTMLInputElement).value) } })} />
      </div>
      <div class="field wide">
        <label for="b-desc-zh">${t(l, 'descriptionZh')}</label>
        <textarea id="b-desc-zh" rows="2" ?readonly=${ro} .value=${live(d.description?.['zh-CN'] ?? '')} @change=${(e: Event) => setDescription('zh-CN', (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="field wide">
        <label for="b-desc-en">${t(l, 'descriptionEn')}</label>
        <textarea id="b-desc-en" rows="2" ?readonly=${ro} .value=${live(d.description?.en ?? '')} @change=${(e: Event) => setDescription('en', (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="field">
        <label for="b-prereview">${t(l, 'preReviewDays')}</label>
        <input id="b-prereview" type="number" min="1" .value=${live(String(d.flow?.preReview?.limitDays ?? ''))} ?readonly=${ro} @change=${(e: Event) => setFlow('preReview', 'limitDays', num((e.target as HTMLInputElement).value))} />
      </div>
      <div class="field">
        <label for="b-supplement-days">${t(l, 'supplementDays')}</label>
        <input id="b-supplement-days" type="number" min="1" .value=${live(String(d.flow?.supplement?.limitDays ?? ''))} ?readonly=${ro} @change=${(e: Event) => setFlow('supplement', 'limitDays', num((e.target as HTMLInputElement).value))} />
      </div>
      <div class="field">
        <label for="b-rounds">${t(l, 'supplementRounds')}</label>
        <input id="b-rounds" type="number" min="1" .value=${live(String(d.flow?.supplement?.maxRounds ?? ''))} ?readonly=${ro} @change=${(e: Event) => setFlow('supplement', 'maxRounds', num((e.target as HTMLInputElement).value))} />
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-bundle-basics': OtBundleBasics;
  }
}
