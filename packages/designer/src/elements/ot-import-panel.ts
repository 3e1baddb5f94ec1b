import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Diagnostic, Locale } from '@onething/engine';
import { ApiError, type DesignerClient } from '../api/client.js';
import { t, tx } from '../i18n/strings.js';
import { checkImport, type ImportCheck } from '../model/exchange.js';
import { codecFor, packageCodecs, PackageError, type PackageCodec, type PackageFile } from '../model/package-codecs.js';
import type { Workspace } from '../model/workspace.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';
import './ot-diagnostics.js';

/**
 * Imports definition files: drop `.json` files or an exported `.zip` (or choose them), see
 * every problem the engine finds — in the company of the published definitions — and only
 * then publish them, dictionaries first, then items, then bundles.
 * @fires ot-imported - `{ created, unchanged }` after publishing
 */
@customElement('ot-import-panel')
export class OtImportPanel extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
        max-width: 1000px;
      }
      .drop {
        border: 2px dashed var(--ot-d-line-strong);
        border-radius: 8px;
        background: #fff;
        padding: 24px;
        text-align: center;
        display: flex;
        flex-direction: column;
        gap: 10px;
        align-items: center;
      }
      .drop.over {
        border-color: var(--ot-d-primary);
        background: var(--ot-d-primary-soft);
      }
      .drop p {
        color: var(--ot-d-muted);
        font-size: 13px;
        max-width: 60ch;
      }
      input[type='file'] {
        position: absolute;
        width: 1px;
        height: 1px;
        opacity: 0;
      }
      label.button {
        color: var(--ot-d-text);
        font-size: 13px;
      }
      label.button:focus-within {
        box-shadow: var(--ot-d-focus);
      }
      section {
        margin-top: 16px;
      }
      h3 {
        margin-bottom: 6px;
      }
      .table {
        background: #fff;
        border: 1px solid var(--ot-d-line);
        border-radius: var(--ot-d-radius);
        overflow-x: auto;
      }
      .actions {
        display: flex;
        gap: 8px;
        align-items: center;
        margin-top: 12px;
      }
      .status {
        font-size: 13px;
      }
      .status.error {
        color: var(--ot-d-error);
      }
    `,
  ];

  @property({ attribute: false }) accessor workspace: Workspace | undefined;
  @property({ attribute: false }) accessor client: DesignerClient | undefined;
  @property() accessor locale: Locale = 'zh-CN';
  /** The package formats read here, by type (a signed-package codec plugs in later). */
  @property({ attribute: false }) accessor codecs: ReadonlyMap<string, PackageCodec> = packageCodecs;

  @state() private accessor files: PackageFile[] = [];
  @state() private accessor unreadable: Diagnostic[] = [];
  @state() private accessor check: ImportCheck | undefined;
  @state() private accessor over = false;
  @state() private accessor busy = false;
  @state() private accessor message = '';
  @state() private accessor failed = false;
  @state() private accessor signatures: string[] = [];

  /**
   * Reads dropped or chosen files and checks them.
   * @example await panel.addFiles([new File([text], 'items/a.json')])
   */
  async addFiles(list: Iterable<File>): Promise<void> {
    const files = [...this.files];
    const unreadable = [...this.unreadable];
    const signatures = [...this.signatures];
    for (const file of list) {
      const codec = codecFor(file.name, this.codecs);
      const problem = (text: { 'zh-CN': string; en: string }) =>
        unreadable.push({ code: 'import-unreadable', severity: 'error', file: file.name, pointer: '', message: { 'zh-CN': t('zh-CN', 'unreadable', { reason: text['zh-CN'] }), en: t('en', 'unreadable', { reason: text.en }) } });
      if (!codec) {
        problem({ 'zh-CN': `不支持的文件类型（可导入 ${[...this.codecs.values()].flatMap((c) => c.extensions).join('、')}）`, en: `unsupported file type (import ${[...this.codecs.values()].flatMap((c) => c.extensions).join(', ')})` });
        continue;
      }
      try {
        const unpacked = codec.unpack(new Uint8Array(await file.arrayBuffer()), file.name);
        const verdict = codec.verify ? await codec.verify(unpacked) : { signed: false };
        signatures.push(`${file.name}: ${verdict.signed ? (verdict.publisher ?? '✓') : t(this.locale, 'unsigned')}`);
        const prefix = codec.type === 'json' ? '' : `${file.name}/`;
        for (const f of unpacked) {
          const path = `${prefix}${f.path}`;
          files.splice(files.findIndex((x) => x.path === path) >>> 0, files.some((x) => x.path === path) ? 1 : 0, { path, text: f.text });
        }
      } catch (error) {
        problem(error instanceof PackageError ? error.text : { 'zh-CN': String(error), en: String(error) });
      }
    }
    this.files = files;
    this.unreadable = unreadable;
    this.signatures = signatures;
    this.message = '';
    this.runCheck();
  }

  private runCheck(): void {
    this.check = this.workspace && this.files.length ? checkImport(this.files, this.workspace) : undefined;
  }

  private clear(): void {
    this.files = [];
    this.unreadable = [];
    this.signatures = [];
    this.check = undefined;
    this.message = '';
  }

  private async publishAll(): Promise<void> {
    const check = this.check;
    const client = this.client;
    if (!check?.acceptable || !client || this.unreadable.length) return;
    this.busy = true;
    this.failed = false;
    let created = 0;
    let unchanged = 0;
    try {
      for (const entry of check.entries) {
        if (entry.status === 'same') {
          unchanged++;
          continue;
        }
        const saved = await client.saveDraft(entry.kind, entry.id, entry.version, entry.definition);
        await client.publish(entry.kind, entry.id, entry.version, saved.definition.revision);
        created++;
      }
      this.message = t(this.locale, 'importDone', { created, unchanged });
      this.files = [];
      this.check = undefined;
      this.signatures = [];
      emit(this, 'ot-imported', { created, unchanged });
    } catch (error) {
      this.failed = true;
      const reason = error instanceof ApiError ? `${error.message} (${error.code})` : String(error);
      this.message = t(this.locale, 'publishFailed', { reason });
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const l = this.locale;
    const check = this.check;
    const diagnostics = [...this.unreadable, ...(check?.diagnostics ?? [])];
    const toPublish = check?.entries.filter((e) => e.status !== 'same').length ?? 0;
    const acceptable = Boolean(check?.acceptable) && !this.unreadable.length && toPublish > 0;
    return html`<h2 style="margin-bottom:10px">${t(l, 'importTitle')}</h2>
      <div
        class="drop ${this.over ? 'over' : ''}"
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          this.over = true;
        }}
        @dragleave=${() => (this.over = false)}
        @drop=${(e: DragEvent) => {
          e.preventDefault();
          this.over = false;
          if (e.dataTransfer?.files.length) void this.addFiles(e.dataTransfer.files);
        }}
      >
        <p>${t(l, 'importHint')}</p>
        <label class="button"
          >${t(l, 'chooseFiles')}
          <input type="file" multiple accept=${[...this.codecs.values()].flatMap((c) => [...c.extensions, c.mime]).join(',')} @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            if (input.files) void this.addFiles(input.files).then(() => (input.value = ''));
          }}
        /></label>
      </div>
      ${this.message ? html`<p class="status ${this.failed ? 'error' : ''}" role="status" style="margin-top:10px">${this.message}</p>` : nothing}
      ${this.files.length || this.unreadable.length
        ? html`<section aria-labelledby="files-heading">
              <h3 id="files-heading">${t(l, 'importFiles')}</h3>
              <div class="table">
                <table>
                  <thead>
                    <tr><th scope="col">${l === 'en' ? 'File' : '文件'}</th><th scope="col">${l === 'en' ? 'Kind' : '类型'}</th><th scope="col">${l === 'en' ? 'Definition' : '定义'}</th><th scope="col">${t(l, 'version')}</th><th scope="col">${l === 'en' ? 'Status' : '状态'}</th></tr>
                  </thead>
                  <tbody>
                    ${(check?.entries ?? []).map((e) => {
                      const title = (e.definition as { title?: { 'zh-CN': string; en: string } }).title;
                      return html`<tr data-id=${e.id}>
                        <td class="mono">${e.file}</td>
                        <td>${e.kind}</td>
                        <td>${title ? tx(title, l) : e.id} <span class="mono muted">${e.id}</span></td>
                        <td class="mono">${e.version}</td>
                        <td>${e.status === 'new' ? html`<span class="badge draft">${l === 'en' ? 'new' : '新'}</span>` : e.status === 'same' ? t(l, 'alreadyPublished') : html`<span class="badge error">${t(l, 'publishedDifferently')}</span>`}</td>
                      </tr>`;
                    })}
                  </tbody>
                </table>
              </div>
              ${this.signatures.length ? html`<p class="small muted" style="margin-top:6px">${t(l, 'signature')}: ${this.signatures.join('; ')}</p>` : nothing}
            </section>
            <section aria-labelledby="import-diagnostics">
              <h3 id="import-diagnostics">${t(l, 'diagnostics')}</h3>
              <ot-diagnostics .diagnostics=${diagnostics} .locale=${l}></ot-diagnostics>
            </section>
            <div class="actions">
              <button class="primary" ?disabled=${!acceptable || this.busy} @click=${this.publishAll}>${t(l, 'importAccept', { n: toPublish })}</button>
              <button @click=${this.clear}>${t(l, 'importClear')}</button>
              ${acceptable || !diagnostics.some((d) => d.severity === 'error') ? nothing : html`<span class="status error">${t(l, 'importBlocked')}</span>`}
            </div>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-import-panel': OtImportPanel;
  }
}
