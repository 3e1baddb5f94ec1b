import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { BundleDefinition, ItemDefinition, Locale } from '@onething/engine';
import { ApiError, createClient, type DefinitionRecord, type DesignerClient } from '../api/client.js';
import { t, tx } from '../i18n/strings.js';
import { catalogEntries, loadWorkspace, type CatalogEntry, type Workspace } from '../model/workspace.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';
import type { OtComposer } from './ot-composer.js';
import './ot-catalog.js';
import './ot-composer.js';
import './ot-import-panel.js';
import './ot-item-view.js';
import './ot-sign-in.js';

type View = { kind: 'home' } | { kind: 'item'; id: string } | { kind: 'composer' } | { kind: 'import' };

/**
 * The designer app: sign-in with an administrator token, the catalog of items and bundles, an
 * item's details, the bundle composer and the import of definition files — in zh-CN or en.
 * @fires ot-token-change - `{ token }` signed in (or out: `token` is '') — hosts may keep it
 * @fires ot-locale-change - `{ locale }` the language was switched
 * @csspart header - the top bar
 */
@customElement('ot-designer')
export class OtDesigner extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        background: var(--ot-d-bg);
      }
      header {
        display: flex;
        align-items: center;
        gap: 16px;
        padding: 0 16px;
        height: 48px;
        background: #0f2a55;
        color: #fff;
        flex: 0 0 auto;
      }
      header h1 {
        font-size: 15px;
        font-weight: 700;
        margin: 0;
        white-space: nowrap;
      }
      header .sub {
        font-size: 12px;
        color: #b8c6e0;
        white-space: nowrap;
      }
      header nav {
        display: flex;
        gap: 2px;
        margin-left: 8px;
      }
      header nav button,
      header .tools button {
        background: transparent;
        border-color: transparent;
        color: #dbe4f5;
      }
      header nav button[aria-current='page'] {
        background: rgba(255, 255, 255, 0.14);
        color: #fff;
        font-weight: 600;
      }
      header nav button:hover:not(:disabled),
      header .tools button:hover:not(:disabled) {
        background: rgba(255, 255, 255, 0.2);
        border-color: transparent;
        color: #fff;
      }
      header .tools {
        margin-left: auto;
        display: flex;
        gap: 4px;
        align-items: center;
      }
      header .tools button[aria-pressed='true'] {
        background: #fff;
        color: #0f2a55;
        font-weight: 600;
      }
      .body {
        display: grid;
        grid-template-columns: 290px minmax(0, 1fr);
        flex: 1 1 auto;
        min-height: 0;
      }
      aside {
        background: #fff;
        border-right: 1px solid var(--ot-d-line);
        display: flex;
        flex-direction: column;
        min-height: 0;
        max-height: calc(100vh - 48px);
        position: sticky;
        top: 0;
      }
      aside ot-catalog {
        flex: 1 1 auto;
        min-height: 0;
      }
      main {
        min-width: 0;
        min-height: 0;
      }
      main.padded {
        padding: 16px 20px;
      }
      .home {
        max-width: 760px;
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .home ol {
        margin: 0;
        padding-left: 20px;
        font-size: 14px;
        line-height: 1.8;
      }
      .message {
        padding: 24px;
      }
      .message.error {
        color: var(--ot-d-error);
      }
      /* Narrow screens (a phone, a window at 200 % zoom): the bar wraps, the catalog goes above the page */
      @media (max-width: 800px) {
        header {
          flex-wrap: wrap;
          height: auto;
          min-height: 48px;
          padding: 6px 12px;
          gap: 4px 12px;
        }
        header .sub {
          display: none;
        }
        header nav {
          order: 3;
          flex: 1 1 100%;
          flex-wrap: wrap;
          margin-left: 0;
        }
        .body {
          grid-template-columns: minmax(0, 1fr);
        }
        aside {
          position: static;
          max-height: 45vh;
          border-right: 0;
          border-bottom: 1px solid var(--ot-d-line);
        }
        main.padded {
          padding: 12px;
        }
      }
    `,
  ];

  /** Base URL of the onething server ('' or absent: the page's origin). */
  @property() accessor server = '';
  /** An administrator's bearer token; without one the sign-in form shows. */
  @property() accessor token = '';
  /** `zh-CN` (default) or `en`. */
  @property({ reflect: true }) accessor locale: Locale = 'zh-CN';

  @state() private accessor workspace: Workspace | undefined;
  @state() private accessor entries: CatalogEntry[] = [];
  @state() private accessor view: View = { kind: 'home' };
  @state() private accessor openBundle: BundleDefinition | undefined;
  @state() private accessor openRecord: DefinitionRecord | undefined;
  @state() private accessor inBundle: ReadonlySet<string> = new Set();
  @state() private accessor loadError = '';
  @state() private accessor signInError = '';
  @state() private accessor loading = false;
  @state() private accessor announcement = '';
  @query('ot-composer') private accessor composer: OtComposer | null = null;
  private client: DesignerClient | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('token') || changed.has('server')) && this.token) {
      this.client = createClient({ server: this.server, token: this.token, locale: () => this.locale });
      void this.reload(true);
    }
  }

  /**
   * Reloads every definition from the server (after a save, a publish or an import).
   * @example await designer.reload()
   */
  async reload(signingIn = false): Promise<void> {
    if (!this.client) return;
    this.loading = true;
    this.loadError = '';
    try {
      this.workspace = await loadWorkspace(this.client);
      this.entries = catalogEntries(this.workspace);
      this.signInError = '';
    } catch (error) {
      const reason = error instanceof ApiError ? (error.status === 403 ? t(this.locale, 'notAdmin') : `${error.message} (${error.code})`) : String(error);
      if (signingIn && error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        this.signInError = t(this.locale, 'signInFailed', { reason });
        this.token = '';
        this.client = undefined;
        emit(this, 'ot-token-change', { token: '' });
      } else this.loadError = t(this.locale, 'loadFailed', { reason });
    } finally {
      this.loading = false;
    }
  }

  private signIn(token: string): void {
    this.token = token;
    emit(this, 'ot-token-change', { token });
  }

  private signOut(): void {
    this.token = '';
    this.client = undefined;
    this.workspace = undefined;
    this.entries = [];
    this.openBundle = undefined;
    this.openRecord = undefined;
    this.view = { kind: 'home' };
    emit(this, 'ot-token-change', { token: '' });
  }

  private setLocale(locale: Locale): void {
    this.locale = locale;
    emit(this, 'ot-locale-change', { locale });
  }

  private announce(message: string): void {
    // re-set so the same message is announced again
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = message));
  }

  /** Asks before unsaved edits in the composer are thrown away. */
  private mayLeave(): boolean {
    return !this.composer?.unsaved || window.confirm(t(this.locale, 'discardChanges'));
  }

  private open(id: string, version?: string): void {
    if (!this.mayLeave()) return;
    const records = this.workspace?.records.filter((r) => r.kind === 'bundle' && r.id === id) ?? [];
    const record = version ? records.find((r) => r.version === version) : records.find((r) => r.status === 'published') ?? records[0];
    if (!record?.body) return;
    this.openRecord = record;
    this.openBundle = record.body as unknown as BundleDefinition;
    this.inBundle = new Set(this.openBundle.items.map((i) => i.item));
    this.view = { kind: 'composer' };
  }

  private newBundle(): void {
    if (!this.mayLeave()) return;
    const ws = this.workspace;
    const bundles = this.entries.filter((e) => e.kind === 'bundle').map((e) => e.definition as BundleDefinition);
    const items = this.entries.filter((e) => e.kind === 'item').map((e) => e.definition as ItemDefinition);
    const region = bundles[0]?.region ?? items[0]?.region ?? '110000';
    const taken = new Set(ws?.records.filter((r) => r.kind === 'bundle').map((r) => r.id));
    let id = 'new-bundle';
    for (let n = 2; taken.has(id); n++) id = `new-bundle-${n}`;
    this.openRecord = undefined;
    this.openBundle = {
      kind: 'bundle',
      id,
      version: '1.0.0',
      title: { 'zh-CN': '新的“一件事”', en: 'New bundle — one thing' },
      region,
      lead: bundles[0]?.lead ?? { id: 'service-centre', title: { 'zh-CN': '政务服务中心综合窗口', en: 'Comprehensive window of the service centre' } },
      limits: { visits: 0, acceptDays: 1, days: 'working' },
      questions: { type: 'object', properties: {}, additionalProperties: false },
      items: [] as unknown as BundleDefinition['items'],
    };
    this.inBundle = new Set();
    this.view = { kind: 'composer' };
  }

  private addItem(id: string): void {
    if (this.view.kind !== 'composer') return;
    this.composer?.addItem(id);
  }

  private header() {
    const l = this.locale;
    const nav = (kind: View['kind'], label: string, go: () => void, disabled = false) =>
      html`<button aria-current=${this.view.kind === kind ? 'page' : 'false'} ?disabled=${disabled} @click=${go}>${label}</button>`;
    return html`<header part="header">
      <h1>${t(l, 'appTitle')}</h1>
      <span class="sub">${t(l, 'appSubtitle')}</span>
      ${this.token && this.workspace
        ? html`<nav aria-label=${t(l, 'appTitle')}>
            ${nav('home', t(l, 'navCatalog'), () => (this.view = { kind: 'home' }))}
            ${nav('composer', t(l, 'navComposer'), () => (this.openBundle ? (this.view = { kind: 'composer' }) : this.newBundle()))}
            ${nav('import', t(l, 'navImport'), () => (this.view = { kind: 'import' }))}
          </nav>`
        : nothing}
      <div class="tools" role="group" aria-label=${t(l, 'language')}>
        <button aria-pressed=${l === 'zh-CN' ? 'true' : 'false'} lang="zh-CN" @click=${() => this.setLocale('zh-CN')}>中文</button>
        <button aria-pressed=${l === 'en' ? 'true' : 'false'} lang="en" @click=${() => this.setLocale('en')}>English</button>
        ${this.token ? html`<button @click=${this.signOut}>${t(l, 'signOut')}</button>` : nothing}
      </div>
    </header>`;
  }

  private main() {
    const l = this.locale;
    const ws = this.workspace!;
    switch (this.view.kind) {
      case 'item': {
        const id = this.view.id;
        const item = this.entries.find((e) => e.kind === 'item' && e.id === id)?.definition as ItemDefinition | undefined;
        return html`<main class="padded" aria-label=${t(l, 'itemView')}><ot-item-view .item=${item} .registry=${ws.registry} .locale=${l}></ot-item-view></main>`;
      }
      case 'composer':
        return html`<main aria-label=${t(l, 'composer')}>
          <ot-composer
            .workspace=${ws}
            .client=${this.client}
            .bundle=${this.openBundle}
            .record=${this.openRecord}
            .locale=${l}
            @ot-draft-change=${(e: CustomEvent<{ bundle: BundleDefinition }>) => (this.inBundle = new Set(e.detail.bundle.items.map((i) => i.item)))}
            @ot-saved=${(e: CustomEvent<{ record: DefinitionRecord }>) => {
              this.openRecord = e.detail.record;
              void this.reload();
            }}
            @ot-published=${(e: CustomEvent<{ record: DefinitionRecord }>) => {
              this.openRecord = e.detail.record;
              void this.reload();
            }}
            @ot-record-change=${(e: CustomEvent<{ record: DefinitionRecord | undefined }>) => (this.openRecord = e.detail.record)}
            @ot-open-bundle=${(e: CustomEvent<{ id: string; version: string }>) => this.open(e.detail.id, e.detail.version)}
          ></ot-composer>
        </main>`;
      case 'import':
        return html`<main class="padded" aria-label=${t(l, 'navImport')}>
          <ot-import-panel .workspace=${ws} .client=${this.client} .locale=${l} @ot-imported=${() => void this.reload()}></ot-import-panel>
        </main>`;
      default: {
        const bundles = this.entries.filter((e) => e.kind === 'bundle').length;
        const items = this.entries.filter((e) => e.kind === 'item').length;
        return html`<main class="padded" aria-label=${t(l, 'navCatalog')}>
          <div class="home card" style="padding:16px 20px">
            <h2>${t(l, 'appSubtitle')}</h2>
            <p class="muted">${l === 'en' ? `${items} items and ${bundles} bundles on this server.` : `本服务器共有 ${items} 个事项、${bundles} 个组合。`}</p>
            <ol>
              ${(l === 'en'
                ? ['Open an item in the catalog to see its fields, materials, limits, steps and flow.', 'Open a bundle, or create one, to compose it: add items (drag them in, or press “Add to bundle”), set version ranges and when each applies.', 'Watch the merged form, the diagnostics, the reductions and the flow diagrams update as you edit.', 'Save a draft; publish a version (the semver check lists breaking changes); export it as a zip.', 'Import definition files from a partner region: they are checked before anything is published.']
                : ['在目录中打开事项，查看其填报字段、申请材料、时限、办理环节和流程图。', '打开或新建一个组合：拖入事项（或点击“加入组合”），设置版本范围和适用条件。', '编辑时，合并表单、检查结果、“四减”指标和流程图实时更新。', '保存草稿；发布版本（按语义化版本检查不兼容改动）；导出为 zip 包。', '导入兄弟地区的定义文件：先检查，无误后才发布。']
              ).map((s) => html`<li>${s}</li>`)}
            </ol>
          </div>
        </main>`;
      }
    }
  }

  override render() {
    const l = this.locale;
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
    if (!this.token) {
      return html`${this.header()}<main><ot-sign-in .locale=${l} .error=${this.signInError} @ot-sign-in=${(e: CustomEvent<{ token: string }>) => this.signIn(e.detail.token)}></ot-sign-in></main>${live}`;
    }
    if (!this.workspace) {
      return html`${this.header()}
        <main class="message ${this.loadError ? 'error' : ''}" role=${this.loadError ? 'alert' : 'status'}>
          ${this.loadError ? html`${this.loadError} <button @click=${() => void this.reload()}>${t(l, 'retry')}</button>` : t(l, 'loading')}
        </main>
        ${live}`;
    }
    const selected = this.view.kind === 'item' ? `item/${this.view.id}` : this.view.kind === 'composer' && this.openBundle ? `bundle/${this.openBundle.id}` : '';
    return html`${this.header()}
      <div class="body" @ot-announce=${(e: CustomEvent<{ message: string }>) => this.announce(e.detail.message)}>
        <aside aria-label=${t(l, 'catalog')}>
          <ot-catalog
            .entries=${this.entries}
            .locale=${l}
            .inBundle=${this.inBundle}
            ?composing=${this.view.kind === 'composer' && this.openRecord?.status !== 'published'}
            .selected=${selected}
            @ot-open-item=${(e: CustomEvent<{ id: string }>) => (this.view = { kind: 'item', id: e.detail.id })}
            @ot-open-bundle=${(e: CustomEvent<{ id: string; version: string }>) => this.open(e.detail.id, e.detail.version)}
            @ot-add-item=${(e: CustomEvent<{ id: string }>) => this.addItem(e.detail.id)}
            @ot-new-bundle=${this.newBundle}
          ></ot-catalog>
        </aside>
        ${this.main()}
      </div>
      ${live}
      ${this.loadError ? html`<p class="message error" role="alert">${this.loadError}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-designer': OtDesigner;
  }
}
