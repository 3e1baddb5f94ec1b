// The test page's script: registers <ot-form> and lets tests mount it with any options.
import '../../../src/index.js';
import type { OtForm } from '../../../src/index.js';

interface MountOptions {
  composed: unknown;
  validator?: string;
  locale?: 'zh-CN' | 'en';
  layout?: 'sections' | 'wizard';
  data?: Record<string, unknown>;
  answers?: Record<string, unknown>;
  materials?: Record<string, unknown>;
  supplement?: unknown;
  eLicenses?: Array<{ type: string; number: string }>;
  /** Upload every file in this many ms (progress in four steps); omit for no uploader (the event is used). */
  uploadDelay?: number;
  /**
   * Uploads report half their bytes at once and finish only when the test calls
   * `otTest.finishUploads()`: what is shown while uploading can be checked without racing a timer.
   */
  holdUploads?: boolean;
}

interface Recorded {
  type: string;
  detail: unknown;
}

/** Sets up `window.otTest` with the validators the harness compiled (name → ShapeValidator). */
export function install(validators: Record<string, OtForm['validator']>): void {
  const events: Recorded[] = [];
  const held: Array<() => void> = [];
  /** Names of the held uploads whose signal was aborted. */
  const aborted: string[] = [];
  for (const type of ['ot-change', 'ot-step', 'ot-submit', 'ot-invalid', 'ot-upload-request']) {
    document.addEventListener(type, (e) => {
      const detail = (e as CustomEvent).detail ?? null;
      // functions and files don't survive JSON: record what can be compared
      events.push({ type, detail: type === 'ot-upload-request' ? { file: detail.file.name } : JSON.parse(JSON.stringify(detail)) });
    });
  }

  Object.assign(window, {
    otTest: {
      events,
      aborted,
      /** Lets every held upload finish. */
      finishUploads() {
        for (const finish of held.splice(0)) finish();
      },
      async mount(options: MountOptions) {
        const mount = document.getElementById('mount')!;
        mount.replaceChildren();
        const form = document.createElement('ot-form') as OtForm;
        form.locale = options.locale ?? 'zh-CN';
        if (options.layout) form.layout = options.layout;
        if (options.validator) form.validator = validators[options.validator];
        if (options.data) form.data = options.data as OtForm['data'];
        if (options.answers) form.answers = options.answers as OtForm['answers'];
        if (options.materials) form.materials = options.materials as OtForm['materials'];
        if (options.supplement) form.supplement = options.supplement as OtForm['supplement'];
        if (options.eLicenses) form.eLicenses = options.eLicenses;
        if (options.uploadDelay !== undefined) {
          const delay = options.uploadDelay;
          form.uploader = async (file, { progress }) => {
            for (let i = 1; i <= 4; i++) {
              await new Promise((r) => setTimeout(r, delay / 4));
              progress((file.size * i) / 4, file.size);
            }
            return { sha256: 'a'.repeat(64), name: file.name, size: file.size, type: file.type };
          };
        }
        if (options.holdUploads) {
          form.uploader = async (file, { progress, signal }) => {
            progress(file.size / 2, file.size);
            await new Promise<void>((resolve, reject) => {
              held.push(resolve);
              signal.addEventListener('abort', () => {
                aborted.push(file.name);
                reject(signal.reason);
              });
            });
            progress(file.size, file.size);
            return { sha256: 'a'.repeat(64), name: file.name, size: file.size, type: file.type };
          };
        }
        form.composed = options.composed as OtForm['composed'];
        mount.append(form);
        await form.updateComplete;
        events.length = 0;
      },
    },
  });
}
