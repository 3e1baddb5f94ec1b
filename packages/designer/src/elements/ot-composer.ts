import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { orchestrationChart, orchestrationSettings, type BundleDefinition, type BundleItem, type Diagnostic, type Json, type JsonSchema, type Locale, type Ui } from '@onething/engine';
import '@onething/form-elements';
import semver from 'semver';
import { ApiError, type DefinitionRecord, type DesignerClient } from '../api/client.js';
import { t, tx, type StringKey } from '../i18n/strings.js';
import { analyseBundle, type BundleAnalysis } from '../model/analysis.js';
import { exportFiles } from '../model/exchange.js';
import { zipCodec } from '../model/package-codecs.js';
import { planPublish, type PublishPlan } from '../model/versioning.js';
import { catalogEntries, definitionPath, publishedVersions, type Workspace } from '../model/workspace.js';
import type { ChartInput } from '../diagram/chart-model.js';
import { controls, tokens } from '../styles/theme.js';
import { ITEM_DRAG_TYPE } from './ot-catalog.js';
import { emit } from './events.js';
import type { OtPublishDialog } from './ot-publish-dialog.js';
import './ot-bundle-basics.js';
import './ot-bundle-entry.js';
import './ot-chart-diagram.js';
import './ot-diagnostics.js';
import './ot-live-tabs.js';
import './ot-metrics.js';
import './ot-publish-dialog.js';
import './ot-questions-editor.js';
import './ot-version-history.js';

type Tab = 'preview' | 'diagnostics' | 'diagrams' | 'json' | 'history';

/** Drops properties set to `undefined` (a cleared optional field), at the top and in `limits`: definitions are JSON. */
function pruned(bundle: BundleDefinition): BundleDefinition {
  const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const out = clean(bundle);
  if (out.limits) out.limits = clean(out.limits);
  return out;
}

/**
 * The bundle composer: edit a bundle (items with version ranges and `when` rules, guidance
 * questions, basics) and see live the merged form (`<ot-form>`), the diagnostics, the
 * reduction metrics and the flows as diagrams; save drafts, publish versions (semver checked),
 * export the bundle with its items as a zip.
 * @fires ot-saved - `{ record }` a draft was saved
 * @fires ot-published - `{ record }` a version was published
 * @fires ot-open-bundle - `{ id, version }` a version from the history was chosen
 * @fires ot-announce - `{ message }` something for the screen-reader live region
 * @fires ot-record-change - `{ record }` the stored version behind the editor changed (undefined: a new, unsaved version)
 * @fires ot-draft-change - `{ bundle }` the bundle was edited
 */
@customElement('ot-composer')
export class OtComposer extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        height: 100%;
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 10px;
        padding: 10px 16px;
        background: #fff;
        border-bottom: 1px solid var(--ot-d-line);
        flex-wrap: wrap;
      }
      .bar h2 {
        font-size: 17px;
      }
      .bar .status {
        font-size: 12px;
        color: var(--ot-d-muted);
      }
      .bar .status.error {
        color: var(--ot-d-error);
      }
      .metrics {
        padding: 10px 16px 0;
      }
      .metrics h3 {
        font-size: 12px;
        color: var(--ot-d-muted);
        font-weight: 500;
        margin-bottom: 6px;
      }
      .split.wide-live {
        grid-template-columns: minmax(360px, 0.75fr) minmax(520px, 1.5fr);
      }
      .split {
        display: grid;
        grid-template-columns: minmax(420px, 1fr) minmax(440px, 1.1fr);
        gap: 12px;
        padding: 10px 16px 16px;
        min-height: 0;
        flex: 1 1 auto;
      }
      .editor {
        display: flex;
        flex-direction: column;
        gap: 12px;
        min-width: 0;
      }
      .editor > section {
        background: var(--ot-d-panel);
        border: 1px solid var(--ot-d-line);
        border-radius: var(--ot-d-radius);
        padding: 10px 12px 12px;
      }
      .editor > section > h3 {
        margin-bottom: 8px;
        display: flex;
        align-items: baseline;
        gap: 8px;
      }
      .drop {
        display: flex;
        flex-direction: column;
        gap: 6px;
        min-height: 90px;
        border: 2px dashed transparent;
        border-radius: var(--ot-d-radius);
        padding: 2px;
      }
      .drop.active {
        border-color: var(--ot-d-line-strong);
      }
      .drop.over {
        border-color: var(--ot-d-primary);
        background: var(--ot-d-primary-soft);
      }
      .empty {
        color: var(--ot-d-muted);
        font-size: 13px;
        padding: 20px;
        text-align: center;
      }
      .live {
        background: var(--ot-d-panel);
        border: 1px solid var(--ot-d-line);
        border-radius: var(--ot-d-radius);
        min-width: 0;
        display: flex;
        flex-direction: column;
        align-self: start;
        position: sticky;
        top: 0;
      }
      [role='tabpanel'] {
        padding: 12px;
        overflow: auto;
        max-height: calc(100vh - 250px);
        min-height: 300px;
      }
      .hint {
        font-size: 12px;
        color: var(--ot-d-muted);
        margin-bottom: 8px;
      }
      .notice {
        background: var(--ot-d-warning-soft);
        border: 1px solid #f1d58a;
        border-radius: var(--ot-d-radius);
        padding: 8px 12px;
        display: flex;
        gap: 12px;
        align-items: center;
        font-size: 13px;
      }
      pre {
        margin: 0;
        font-family: var(--ot-d-mono);
        font-size: 12px;
        white-space: pre-wrap;
        word-break: break-word;
      }
      .diagrams {
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      ot-form {
        display: block;
      }
      @media (max-width: 1100px) {
        .split {
          grid-template-columns: 1fr;
        }
        .live {
          position: static;
        }
      }
    `,
  ];

  @property({ attribute: false }) accessor workspace: Workspace | undefined;
  @property({ attribute: false }) accessor client: DesignerClient | undefined;
  @property() accessor locale: Locale = 'zh-CN';
  /** The bundle to edit (a copy is kept; edits never change the object passed in). */
  @property({ attribute: false }) accessor bundle: BundleDefinition | undefined;
  /** The stored version the bundle came from (a draft or a published version); none for a new bundle. */
  @property({ attribute: false }) accessor record: DefinitionRecord | undefined;

  @state() private accessor draft: BundleDefinition | undefined;
  @state() private accessor analysis: BundleAnalysis | undefined;
  @state() private accessor tab: Tab = 'preview';
  @state() private accessor dirty = false;
  @state() private accessor status = '';
  @state() private accessor statusError = false;
  @state() private accessor plan: PublishPlan | undefined;
  @state() private accessor publishError = '';
  @state() private accessor busy = false;
  @state() private accessor history: DefinitionRecord[] = [];
  @state() private accessor dragOver = false;
  @query('ot-publish-dialog') private accessor dialog!: OtPublishDialog;
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('bundle')) {
      this.draft = this.bundle ? structuredClone(this.bundle) : undefined;
      this.dirty = false;
      this.status = '';
      this.history = [];
      this.analyse(true);
      void this.loadHistory();
    } else if (changed.has('workspace')) this.analyse(true);
  }

  /** Whether the open version is published (and so read-only). */
  get readonly(): boolean {
    return this.record?.status === 'published';
  }

  /** Whether there are edits not saved as a draft. */
  get unsaved(): boolean {
    return this.dirty;
  }

  /** The bundle as edited so far. */
  get value(): BundleDefinition | undefined {
    return this.draft;
  }

  /**
   * Adds an item to the bundle (the catalog's "Add to bundle" and drops call this); its range
   * is `^<major>.0.0` of the newest published version. Returns false when it is already in.
   * @example composer.addItem('vaccination-certificate')
   */
  addItem(id: string): boolean {
    const draft = this.draft;
    if (!draft || this.readonly || draft.items.some((e) => e.item === id)) return false;
    const versions = this.workspace?.registry.items.get(id);
    const newest = versions ? [...versions.keys()].filter((v) => semver.valid(v)).sort(semver.compare).at(-1) : undefined;
    const range = newest ? `^${semver.major(newest)}.${semver.major(newest) === 0 ? semver.minor(newest) : 0}.0` : '*';
    this.edit({ ...draft, items: [...draft.items, { item: id, version: range }] as BundleDefinition['items'] });
    const title = tx(versions?.get(newest ?? '')?.definition.title, this.locale) || id;
    emit(this, 'ot-announce', { message: t(this.locale, 'added', { title }) });
    return true;
  }

  private edit(next: BundleDefinition): void {
    this.draft = next;
    this.dirty = true;
    this.status = '';
    this.analyse(false);
    emit(this, 'ot-draft-change', { bundle: next });
  }

  private analyse(now: boolean): void {
    clearTimeout(this.timer);
    const run = () => {
      if (this.draft && this.workspace) this.analysis = analyseBundle(this.draft, this.workspace);
      else this.analysis = undefined;
    };
    if (now) run();
    else this.timer = setTimeout(run, 120);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async loadHistory(): Promise<void> {
    const id = this.bundle?.id;
    if (!id || !this.client) return;
    try {
      const records = await this.client.versions('bundle', id);
      if (this.bundle?.id === id) this.history = records.sort((a, b) => (semver.valid(a.version) && semver.valid(b.version) ? semver.rcompare(a.version, b.version) : 0));
    } catch {
      this.history = [];
    }
  }

  private say(key: StringKey, params: Record<string, string | number> = {}, error = false): void {
    this.status = t(this.locale, key, params);
    this.statusError = error;
    emit(this, 'ot-announce', { message: this.status });
  }

  private reason(error: unknown): string {
    return error instanceof ApiError ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error);
  }

  /** Diagnostics the server sent with a refusal, shown with the live ones. */
  private serverDiagnostics(error: unknown): Diagnostic[] {
    if (!(error instanceof ApiError)) return [];
    return error.errors.filter((e): e is Json & Diagnostic => typeof e === 'object' && e !== null && 'code' in e && 'message' in e && typeof (e as { message: unknown }).message === 'object');
  }

  private async save(): Promise<DefinitionRecord | undefined> {
    const draft = this.draft;
    if (!draft || !this.client) return undefined;
    const sameDraft = this.record?.status === 'draft' && this.record.version === draft.version && this.record.id === draft.id;
    this.busy = true;
    try {
      const { definition } = await this.client.saveDraft('bundle', draft.id, draft.version, draft as unknown as Json, sameDraft ? this.record!.revision : undefined);
      this.record = definition;
      this.dirty = false;
      this.say('saved', { n: definition.revision });
      emit(this, 'ot-saved', { record: definition });
      void this.loadHistory();
      return definition;
    } catch (error) {
      this.say('saveFailed', { reason: this.reason(error) }, true);
      const extra = this.serverDiagnostics(error);
      if (extra.length && this.analysis) {
        this.analysis = { ...this.analysis, diagnostics: [...extra, ...this.analysis.diagnostics] };
        this.tab = 'diagnostics';
      }
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  private openPublish(): void {
    const draft = this.draft;
    if (!draft || !this.workspace) return;
    this.plan = planPublish(publishedVersions(this.workspace, 'bundle', draft.id), draft);
    this.publishError = '';
    // the dialog reads the plan from its properties: let them arrive first
    void this.updateComplete.then(() => this.dialog.show());
  }

  private async publish(version: string): Promise<void> {
    const draft = this.draft;
    const client = this.client;
    if (!draft || !client) return;
    this.busy = true;
    this.publishError = '';
    try {
      const body = { ...draft, version } as BundleDefinition;
      const sameDraft = this.record?.status === 'draft' && this.record.version === version && this.record.id === draft.id;
      let revision = sameDraft && !this.dirty && version === draft.version ? this.record!.revision : undefined;
      if (revision === undefined) {
        const saved = await client.saveDraft('bundle', body.id, version, body as unknown as Json, sameDraft ? this.record!.revision : undefined);
        revision = saved.definition.revision;
      }
      const { definition } = await client.publish('bundle', body.id, version, revision);
      this.draft = body;
      this.record = definition;
      this.dirty = false;
      this.dialog.close();
      this.say('publishedOk', { id: body.id, version });
      emit(this, 'ot-published', { record: definition });
      void this.loadHistory();
    } catch (error) {
      const changes = error instanceof ApiError ? error.errors.map((e) => (e as { message?: { 'zh-CN': string; en: string } }).message).filter(Boolean) : [];
      this.publishError = [t(this.locale, 'publishFailed', { reason: this.reason(error) }), ...changes.map((m) => tx(m, this.locale))].join(' · ');
    } finally {
      this.busy = false;
    }
  }

  private editAsNew(): void {
    const draft = this.draft;
    if (!draft || !this.workspace) return;
    const taken = new Set(this.history.map((r) => r.version));
    let next = semver.inc(draft.version, 'patch') ?? draft.version;
    while (taken.has(next)) next = semver.inc(next, 'patch') ?? next;
    this.record = undefined;
    emit(this, 'ot-record-change', { record: undefined });
    this.edit({ ...structuredClone(draft), version: next });
  }

  private download(): void {
    const draft = this.draft;
    if (!draft || !this.workspace) return;
    const files = exportFiles(draft, this.workspace);
    const bytes = zipCodec.pack!(files);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: zipCodec.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${draft.id}-${draft.version}.zip`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.say('exported', { n: files.length });
  }

  /** After a move, the keyboard stays on the moved entry's move button (or its twin at an end). */
  private async keepFocus(item: string, by: number): Promise<void> {
    await this.updateComplete;
    const entry = [...this.renderRoot.querySelectorAll('ot-bundle-entry')].find((el) => el.dataset['item'] === item);
    if (!entry) return;
    await entry.updateComplete;
    const [up, down] = [...(entry.shadowRoot?.querySelectorAll<HTMLButtonElement>('.tools button') ?? [])];
    const wanted = by < 0 ? up : down;
    (wanted && !wanted.disabled ? wanted : by < 0 ? down : up)?.focus();
  }

  private names(): Map<string, string> {
    const l = this.locale;
    const names = new Map<string, string>();
    const ws = this.workspace;
    if (this.draft && this.analysis) names.set(this.analysis.file, `${tx(this.draft.title, l)} (${this.draft.id}@${this.draft.version})`);
    for (const e of ws ? catalogEntries(ws) : []) for (const v of e.versions) names.set(definitionPath(e.kind, e.id, v), `${tx(e.definition.title, l)} (${e.id}@${v})`);
    for (const d of ws?.registry.dictionaries.values() ?? []) names.set(d.file, tx(d.definition.title, l));
    return names;
  }

  private items(d: BundleDefinition) {
    const l = this.locale;
    const ro = this.readonly;
    const resolved = this.analysis?.resolved ?? [];
    const entries = this.workspace ? catalogEntries(this.workspace) : [];
    const setItems = (items: BundleItem[]) => this.edit({ ...d, items: items as BundleDefinition['items'] });
    return html`<div
      class="drop ${ro ? '' : 'active'} ${this.dragOver ? 'over' : ''}"
      aria-label=${t(l, 'dropHere')}
      role="list"
      @dragover=${(e: DragEvent) => {
        if (ro || !e.dataTransfer?.types.includes(ITEM_DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        this.dragOver = true;
      }}
      @dragleave=${() => (this.dragOver = false)}
      @drop=${(e: DragEvent) => {
        this.dragOver = false;
        const id = e.dataTransfer?.getData(ITEM_DRAG_TYPE);
        if (!id) return;
        e.preventDefault();
        this.addItem(id);
      }}
    >
      ${d.items.length === 0 ? html`<p class="empty">${t(l, 'emptyBundle')}</p>` : nothing}
      ${repeat(
        d.items,
        (entry) => entry.item,
        (entry, index) => html`<ot-bundle-entry
          data-item=${entry.item}
          role="listitem"
          .entry=${entry}
          .resolved=${resolved[index]?.definition}
          .known=${entries.find((c) => c.kind === 'item' && c.id === entry.item)?.definition as never}
          .questions=${d.questions}
          .index=${index}
          .count=${d.items.length}
          .locale=${l}
          ?readonly=${ro}
          @ot-entry-change=${(e: CustomEvent<{ index: number; entry: BundleItem }>) => setItems(d.items.map((x, i) => (i === e.detail.index ? e.detail.entry : x)))}
          @ot-entry-remove=${(e: CustomEvent<{ index: number }>) => {
            const title = tx(resolved[e.detail.index]?.definition.title, l) || d.items[e.detail.index]?.item || '';
            setItems(d.items.filter((_, i) => i !== e.detail.index));
            emit(this, 'ot-announce', { message: t(l, 'removed', { title }) });
          }}
          @ot-entry-move=${(e: CustomEvent<{ index: number; by: number }>) => {
            const items = [...d.items];
            const [moved] = items.splice(e.detail.index, 1);
            items.splice(e.detail.index + e.detail.by, 0, moved!);
            setItems(items);
            void this.keepFocus(moved!.item, e.detail.by);
          }}
        ></ot-bundle-entry>`,
      )}
    </div>`;
  }

  private panel() {
    const l = this.locale;
    const a = this.analysis;
    const d = this.draft!;
    switch (this.tab) {
      case 'preview':
        return html`<p class="hint">${t(l, 'previewHint')}</p>
          ${a?.composed ? html`<ot-form .composed=${a.composed} .locale=${l}></ot-form>` : html`<p class="muted">${t(l, 'fixErrorsFirst')}</p>`}`;
      case 'diagnostics':
        return html`<ot-diagnostics .diagnostics=${a?.diagnostics ?? []} .locale=${l} .names=${this.names()}></ot-diagnostics>`;
      case 'diagrams': {
        const composed = a?.composed;
        if (!composed) return html`<p class="muted">${t(l, 'fixErrorsFirst')}</p>`;
        const chart = orchestrationChart(orchestrationSettings(composed.bundle.limits, d.flow ?? {}));
        const regions = composed.items.map((i) => ({ id: i.id, title: i.title, limitDays: i.limits.promisedDays }));
        return html`<div class="diagrams">
          <ot-chart-diagram .chart=${chart as unknown as ChartInput} .regions=${regions} .locale=${l} .caption=${t(l, 'orchestration')}></ot-chart-diagram>
          ${(a.resolved ?? []).map((item) =>
            item ? html`<ot-chart-diagram .chart=${item.definition.flow as unknown as ChartInput} .locale=${l} .caption=${t(l, 'itemChart', { title: tx(item.definition.title, l) })}></ot-chart-diagram>` : nothing,
          )}
        </div>`;
      }
      case 'json':
        return html`<pre aria-label=${t(l, 'definitionJson')}>${JSON.stringify(d, null, 2)}</pre>`;
      case 'history':
        return html`<ot-version-history .records=${this.history} .current=${d.version} .locale=${l}></ot-version-history>`;
    }
  }

  override render() {
    const l = this.locale;
    const d = this.draft;
    if (!d) return html`<p class="empty">${t(l, 'noBundle')}</p>`;
    const a = this.analysis;
    const errors = a?.diagnostics.filter((x) => x.severity === 'error').length ?? 0;
    const warnings = (a?.diagnostics.length ?? 0) - errors;
    const ro = this.readonly;
    const tabs = [
      { key: 'preview', label: t(l, 'preview') },
      { key: 'diagnostics', label: t(l, 'diagnostics'), badge: errors ? { text: String(errors), tone: 'error' as const } : warnings ? { text: String(warnings), tone: 'warning' as const } : { text: '✓', tone: 'ok' as const } },
      { key: 'diagrams', label: t(l, 'diagram') },
      { key: 'json', label: 'JSON' },
      { key: 'history', label: t(l, 'history') },
    ];
    const status = this.record?.status;
    return html`<div class="bar">
        <div class="grow">
          <h2>${tx(d.title, l) || d.id}</h2>
          <div class="small muted">
            <span class="mono">${d.id}@${d.version}</span>
            ${status ? html`<span class="badge ${status}">${t(l, status)}</span>` : html`<span class="badge draft">${l === 'en' ? 'new' : '新建'}</span>`}
            ${this.dirty ? html`<span class="badge warning">${t(l, 'unsaved')}</span>` : nothing}
          </div>
        </div>
        <span class="status ${this.statusError ? 'error' : ''}" role="status">${this.status}</span>
        ${ro
          ? nothing
          : html`<button @click=${() => void this.save()} ?disabled=${this.busy}>${t(l, 'saveDraft')}</button>
              <button class="primary" @click=${this.openPublish} ?disabled=${this.busy || errors > 0 || !a?.composed} title=${errors ? t(l, 'fixErrorsFirst') : ''}>${t(l, 'publish')}</button>`}
        <button @click=${this.download} ?disabled=${!a?.composed} title=${t(l, 'exportHint')}>${t(l, 'exportBundle')}</button>
      </div>
      <section class="metrics" aria-labelledby="metrics-heading">
        <h3 id="metrics-heading">${t(l, 'metrics')} · ${t(l, 'metricsHint')}</h3>
        <ot-metrics .metrics=${a?.metrics} .locale=${l}></ot-metrics>
      </section>
      <div class="split ${this.tab === 'diagrams' ? 'wide-live' : ''}">
        <div class="editor">
          ${ro ? html`<div class="notice" role="note"><span class="grow">${t(l, 'readOnly')}</span><button @click=${this.editAsNew}>${t(l, 'editAsNew')}</button></div>` : nothing}
          <section aria-labelledby="items-heading">
            <h3 id="items-heading">${t(l, 'bundleItems')} <span class="small muted">${ro ? '' : t(l, 'dragHint')}</span></h3>
            ${this.items(d)}
          </section>
          <section aria-labelledby="questions-heading">
            <h3 id="questions-heading">${t(l, 'questions')} <span class="small muted">${t(l, 'questionsHint')}</span></h3>
            <ot-questions-editor
              .questions=${d.questions}
              .questionsUi=${d.questionsUi}
              .locale=${l}
              ?readonly=${ro}
              @ot-questions-change=${(e: CustomEvent<{ questions: JsonSchema; questionsUi: Ui }>) => this.edit({ ...d, questions: e.detail.questions as BundleDefinition['questions'], questionsUi: e.detail.questionsUi })}
            ></ot-questions-editor>
          </section>
          <section aria-labelledby="basics-heading">
            <h3 id="basics-heading">${t(l, 'basics')}</h3>
            <ot-bundle-basics
              .bundle=${d}
              .locale=${l}
              ?readonly=${ro}
              ?idFixed=${this.record !== undefined}
              @ot-basics-change=${(e: CustomEvent<{ patch: Partial<BundleDefinition> }>) => this.edit(pruned({ ...d, ...e.detail.patch }))}
            ></ot-bundle-basics>
          </section>
        </div>
        <div class="live">
          <ot-live-tabs .tabs=${tabs} .selected=${this.tab} .label=${t(l, 'composer')} @ot-tab=${(e: CustomEvent<{ key: Tab }>) => (this.tab = e.detail.key)}></ot-live-tabs>
          <div role="tabpanel" id=${`panel-${this.tab}`} aria-label=${tabs.find((x) => x.key === this.tab)?.label ?? ''} tabindex="0" @ot-open-version=${(e: CustomEvent<{ version: string }>) => emit(this, 'ot-open-bundle', { id: d.id, version: e.detail.version })}>
            ${this.panel()}
          </div>
        </div>
      </div>
      <ot-publish-dialog
        .locale=${l}
        .definitionId=${d.id}
        .plan=${this.plan}
        .published=${this.workspace ? publishedVersions(this.workspace, 'bundle', d.id) : []}
        .draft=${d}
        .error=${this.publishError}
        ?busy=${this.busy}
        @ot-publish-confirm=${(e: CustomEvent<{ version: string }>) => void this.publish(e.detail.version)}
      ></ot-publish-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-composer': OtComposer;
  }
}
