import type { ComposedBundle, ComposedMaterial, MaterialValue } from '@onething/engine/runtime';
import type { Text } from '../model/types.js';
import { format, strings } from '../i18n/strings.js';
import { textWith } from '../model/error-paths.js';
import type { ValidationError } from '../model/errors.js';
import { MATERIAL, byteSize, typeNames } from '../render/materials.js';
import type { FileRef, MaterialUpload, Uploader, UploadRequestDetail } from './uploads.js';

/** What the uploads controller needs from `<ot-form>`. */
export interface UploadHost {
  readonly composed: ComposedBundle | undefined;
  readonly uploader: Uploader | undefined;
  readonly eLicenses: ReadonlyArray<{ type: string; number: string }>;
  bump(path: string): void;
  requestUpdate(): void;
  dispatchEvent(event: Event): boolean;
  /** Whether a path is read-only (a supplement request that does not name it). */
  locked(path: string): boolean;
  /**
   * Stores a material's value in the form model and tells listeners — unless `quiet`: a value the
   * form chose itself (the default e-licence) is no change by the person, so no `ot-change`.
   */
  commitMaterial(id: string, value: MaterialValue | undefined, quiet?: boolean): void;
}

/**
 * The materials' files: checks them against the definition's limits (type, size, count), uploads
 * them through `.uploader` or an `ot-upload-request` event, tracks progress, and keeps each
 * material's value — `{ files }` from finished uploads, or `{ eLicense: { type, number? } }` when
 * the person chose their electronic licence instead (then nothing is uploaded; the number when
 * known). The choice shown is always the value kept: a material shown with "use my e-licence"
 * selected has the e-licence as its value, typed number or not.
 */
export class MaterialUploads {
  private files = new Map<string, MaterialUpload[]>();
  private modes = new Map<string, 'upload' | 'e-licence'>();
  private numbers = new Map<string, string>();
  private problems = new Map<string, Text>();
  private latest = new Map<string, Text>();
  private key = 0;

  constructor(private readonly host: UploadHost) {}

  of(id: string): readonly MaterialUpload[] {
    return this.files.get(id) ?? [];
  }

  /** Upload or e-licence; a material an e-licence replaces defaults to the e-licence (免提交: nothing to do). */
  mode(id: string, material: ComposedMaterial): 'upload' | 'e-licence' {
    return this.modes.get(id) ?? (material.exempt && material.eLicense ? 'e-licence' : 'upload');
  }

  /** What was wrong with the files last picked for a material, if anything. */
  problem(id: string): Text | undefined {
    return this.problems.get(id);
  }

  /** The latest thing that happened to a material's files, for a polite live region ("“a.pdf” is uploaded"). */
  news(id: string): Text | undefined {
    return this.latest.get(id);
  }

  /** Client-side problems (wrong type, too large, too many, failed upload), as errors of `material/<id>`. */
  errors(): Array<{ path: string; error: ValidationError }> {
    return [...this.problems].map(([id, message]) => ({
      path: MATERIAL + id,
      error: { keyword: 'file', instancePath: '', params: { material: id }, message },
    }));
  }

  /** Takes over values the host set (a resumed draft): finished files and chosen e-licences. Uploads under way stop. */
  reset(values: Record<string, MaterialValue>): void {
    for (const list of this.files.values()) for (const upload of list) if (upload.status === 'uploading') upload.controller.abort();
    this.files.clear();
    this.modes.clear();
    this.numbers.clear();
    this.problems.clear();
    this.latest.clear();
    for (const [id, value] of Object.entries(values)) {
      if ('eLicense' in value) {
        this.modes.set(id, 'e-licence');
        if (value.eLicense.number) this.numbers.set(id, value.eLicense.number);
      } else {
        this.files.set(
          id,
          value.files.map((ref) => ({
            key: this.key++,
            name: ref.name,
            size: ref.size,
            progress: 1,
            status: 'done' as const,
            ref,
            controller: new AbortController(),
          })),
        );
      }
    }
  }

  /**
   * Stores the e-licence as the value of every material shown with "use my e-licence" selected
   * (the default of a material an e-licence can replace) that has no value yet, or whose number
   * the host now knows — quietly: the person changed nothing. Read-only materials keep their value.
   * @example uploads.applyDefaults(model.materials) // 'id-card' → { eLicense: { type: 'resident-id-card' } }
   */
  applyDefaults(current: Record<string, MaterialValue>): void {
    for (const m of this.host.composed?.materials ?? []) {
      const value = current[m.id];
      if (!m.eLicense || this.mode(m.id, m) !== 'e-licence' || this.host.locked(MATERIAL + m.id)) continue;
      if (value === undefined || ('eLicense' in value && value.eLicense.number !== this.licenceValue(m, m.eLicense).eLicense.number)) this.commit(m.id, true);
    }
  }

  setMode(id: string, mode: 'upload' | 'e-licence'): void {
    this.modes.set(id, mode);
    this.commit(id);
  }

  setLicenceNumber(id: string, number: string): void {
    this.numbers.set(id, number.trim());
    this.commit(id);
  }

  /** Checks and starts uploading the files a person picked for a material. */
  add(id: string, picked: File[]): void {
    const material = this.material(id);
    if (!material) return;
    this.problems.delete(id);
    const current = this.files.get(id) ?? [];
    const room = material.maxFiles - current.length;
    if (picked.length > room) this.problems.set(id, textWith(strings.tooMany, { files: material.maxFiles }));
    for (const file of picked.slice(0, Math.max(0, room))) {
      if (!material.accept.includes(file.type)) {
        this.problems.set(id, textWith(strings.wrongType, { name: file.name, types: typeNames(material.accept) }));
      } else if (file.size > material.maxBytes) {
        this.problems.set(id, textWith(strings.tooLarge, { name: file.name, size: byteSize(material.maxBytes) }));
      } else {
        this.latest.set(id, textWith(strings.uploadingFile, { name: file.name }));
        this.start(material, file);
      }
    }
    const problem = this.problems.get(id);
    if (problem) this.latest.set(id, problem);
    this.changed(id);
  }

  /** Removes a file (aborting its upload if it is still running). */
  remove(id: string, key: number): void {
    const list = this.files.get(id) ?? [];
    const removed = list.find((u) => u.key === key);
    removed?.controller.abort();
    if (removed) this.latest.set(id, textWith(strings.removedFile, { name: removed.name }));
    this.files.set(
      id,
      list.filter((u) => u.key !== key),
    );
    this.problems.delete(id);
    this.commit(id);
  }

  private start(material: ComposedMaterial, file: File): void {
    const entry: MaterialUpload = {
      key: this.key++,
      name: file.name,
      size: file.size,
      progress: 0,
      status: 'uploading',
      controller: new AbortController(),
    };
    this.files.set(material.id, [...(this.files.get(material.id) ?? []), entry]);
    // the bar moves with every report; the live region says only 25, 50 and 75 %, so a screen
    // reader is told how far it got without being talked over at every tick
    let announced = 0;
    const context = {
      material,
      signal: entry.controller.signal,
      progress: (loaded: number, total: number) => {
        if (entry.controller.signal.aborted || entry.status !== 'uploading') return;
        entry.progress = total > 0 ? Math.min(1, loaded / total) : 0;
        const quarter = Math.floor(entry.progress * 4);
        if (quarter > announced && quarter < 4) {
          announced = quarter;
          this.latest.set(material.id, textWith(strings.uploadProgress, { name: file.name, percent: quarter * 25 }));
        }
        this.changed(material.id);
      },
    };
    let upload: Promise<FileRef> | undefined;
    if (this.host.uploader) {
      upload = this.host.uploader(file, context);
    } else {
      const detail: UploadRequestDetail = { ...context, file, respond: (p) => void (upload = p) };
      this.host.dispatchEvent(new CustomEvent('ot-upload-request', { detail, bubbles: true, composed: true }));
    }
    if (!upload) {
      entry.status = 'failed';
      entry.error = strings.noUploader;
      this.latest.set(material.id, strings.noUploader);
      return;
    }
    upload.then(
      (ref) => {
        if (entry.controller.signal.aborted) return;
        Object.assign(entry, { status: 'done', progress: 1, ref });
        this.latest.set(material.id, textWith(strings.uploadedFile, { name: file.name }));
        this.commit(material.id);
      },
      (error: unknown) => {
        if (entry.controller.signal.aborted) return;
        const message = uploadFailure(file.name, error);
        Object.assign(entry, { status: 'failed', error: message });
        this.latest.set(material.id, message);
        this.changed(material.id);
      },
    );
  }

  private material(id: string): ComposedMaterial | undefined {
    return this.host.composed?.materials.find((m) => m.id === id);
  }

  private licence(material: ComposedMaterial): { type: string; number: string } | undefined {
    return material.eLicense ? this.host.eLicenses.find((l) => l.type === material.eLicense) : undefined;
  }

  /** The e-licence value of a material: its type, and the number the host knows or the person typed, if any. */
  private licenceValue(material: ComposedMaterial, type: string): { eLicense: { type: string; number?: string } } {
    const number = this.licence(material)?.number || this.numbers.get(material.id);
    return { eLicense: { type, ...(number ? { number } : {}) } };
  }

  /** The material's value from the chosen mode and finished uploads; stored in the form model. */
  private commit(id: string, quiet = false): void {
    const material = this.material(id);
    if (!material) return;
    let value: MaterialValue | undefined;
    if (material.eLicense && this.mode(id, material) === 'e-licence') {
      value = this.licenceValue(material, material.eLicense);
    } else {
      const refs = this.of(id).flatMap((u) => (u.ref ? [u.ref] : []));
      value = refs.length ? { files: refs } : undefined;
    }
    this.host.commitMaterial(id, value, quiet);
    this.changed(id);
  }

  private changed(id: string): void {
    this.host.bump(MATERIAL + id);
    this.host.requestUpdate();
  }
}

/**
 * Why an upload failed, for people: with the uploader's own bilingual reason when its error
 * carries one as `text` (the SDK's `ServiceError` does: the server's 413/415 message, or "cannot
 * reach the service"), else "could not be uploaded – try again".
 * @example uploadFailure('a.pdf', { text: { 'zh-CN': '内容超过大小限制', en: 'The content is larger than allowed' } }).en // 'The file “a.pdf” could not be uploaded: The content is larger than allowed'
 */
export function uploadFailure(name: string, error: unknown): Text {
  const reason = (error as { text?: Partial<Text> } | null)?.text;
  const zh = reason?.['zh-CN'];
  const en = reason?.en;
  if (typeof zh !== 'string' || typeof en !== 'string' || !zh || !en) return textWith(strings.uploadFailed, { name });
  return {
    'zh-CN': format(strings.uploadFailedBecause, 'zh-CN', { name, reason: zh }),
    en: format(strings.uploadFailedBecause, 'en', { name, reason: en }),
  };
}
