import type { ApiClient } from '../api/client.js';
import { isServiceError, ServiceError } from '../api/errors.js';
import type { ApplicationView } from '../api/types.js';
import { type DraftContent, type LocalDraft } from './local-draft.js';
import type { SafeStorage } from './storage.js';

/** Where autosave stands, for the status line. */
export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  /** No answer from the server: the content is kept on the device (if it can) and retried. */
  | { state: 'offline'; kept: boolean }
  /** The token was refused (expired): kept on the device, retried when a new token is set. */
  | { state: 'unauthorized' }
  | { state: 'error'; error: ServiceError }
  /** The draft was submitted meanwhile (another tab or device). */
  | { state: 'submitted'; application: ApplicationView };

/** Options of `DraftSync`. */
export interface DraftSyncOptions {
  api: ApiClient;
  storage: SafeStorage;
  /** The storage key of this draft. */
  key: string;
  /** Milliseconds of quiet before a change is saved to the server (default 1 500). */
  delayMs?: number;
  onStatus?: (status: SaveStatus) => void;
}

const RETRY_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

/**
 * Keeps one draft on the device and on the server. Every change is written to the device at
 * once (so nothing is lost on a crash, a reload or a closed tab) and saved to the server after a
 * quiet moment, one request at a time. Without a connection it keeps retrying (with back-off,
 * and as soon as the browser says it is online) until the server has every change.
 * @example
 * const sync = new DraftSync(draft, { api, storage, key, onStatus: show });
 * form.addEventListener('ot-change', () => sync.change(form.submission));
 */
export class DraftSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: Promise<void> | undefined;
  private failures = 0;
  private closed = false;
  private submitting: Promise<ApplicationView> | undefined;
  private readonly delayMs: number;
  private readonly onOnline = () => this.schedule(0);

  constructor(
    public draft: LocalDraft,
    private readonly options: DraftSyncOptions,
  ) {
    this.delayMs = options.delayMs ?? 1_500;
    globalThis.addEventListener?.('online', this.onOnline);
  }

  /** The continuation credentials of this draft (for uploads and reads). */
  get credentials() {
    return { continuation: this.draft.continuation };
  }

  /** Writes the draft to the device; false when the device cannot keep it. */
  persist(): boolean {
    return this.options.storage.write(this.options.key, this.draft);
  }

  /** Records a change: on the device now, on the server after `delayMs` of quiet. */
  change(content: DraftContent): void {
    if (this.closed) return;
    this.draft.content = content;
    this.draft.changedAt = new Date().toISOString();
    this.draft.pending = true;
    this.persist();
    this.schedule(this.delayMs);
  }

  /** Saves to the server now (waits for a save under way). Resolves when the server has everything or saving failed. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inflight) await this.inflight;
    if (this.draft.pending && !this.closed) await this.run();
  }

  /** Makes sure the server has the draft (uploads need its id); creates it if needed. */
  async ensureCreated(): Promise<string> {
    while (this.inflight) await this.inflight;
    if (!this.draft.id) await this.create();
    return this.draft.id!;
  }

  /**
   * Submits the draft with its final content, with the draft's one Idempotency-Key: a double
   * click returns the same promise, and a retry after a lost answer the same application.
   * An answer that says it was already submitted (the first attempt's answer was lost) counts
   * as success.
   */
  submit(content: DraftContent): Promise<ApplicationView> {
    this.submitting ??= this.doSubmit(content).finally(() => {
      this.submitting = undefined;
    });
    return this.submitting;
  }

  /** Stops timers and listeners (the draft stays on the device). */
  stop(): void {
    this.closed = true;
    clearTimeout(this.timer);
    globalThis.removeEventListener?.('online', this.onOnline);
  }

  /** Forgets the draft on the device (after submission, or "start again"). */
  discard(): void {
    this.stop();
    this.options.storage.remove(this.options.key);
  }

  private async doSubmit(content: DraftContent): Promise<ApplicationView> {
    clearTimeout(this.timer);
    this.draft.content = content;
    this.persist();
    while (this.inflight) await this.inflight;
    const id = await this.ensureCreated();
    try {
      const { application } = await this.options.api.submit(id, content, this.draft.submitKey, this.credentials);
      return application;
    } catch (error) {
      if (isServiceError(error, 'idempotency-key-reused', 'not-draft')) {
        const application = await this.options.api.application(id, this.credentials);
        if (application.status !== 'draft') return application;
      }
      throw error;
    }
  }

  private schedule(ms: number): void {
    if (this.closed || !this.draft.pending) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.inflight) return void this.inflight.then(() => this.schedule(0));
      void this.run();
    }, ms);
  }

  private run(): Promise<void> {
    const run = this.save().finally(() => {
      if (this.inflight === run) this.inflight = undefined;
    });
    this.inflight = run;
    return run;
  }

  private status(status: SaveStatus): void {
    this.options.onStatus?.(status);
  }

  private async create(): Promise<void> {
    const { application, continuationToken } = await this.options.api.createDraft(this.draft.bundle, this.draft.version, this.draft.createKey);
    this.draft.id = application.id;
    this.draft.revision = application.revision;
    if (continuationToken) this.draft.continuation = continuationToken;
    this.persist();
  }

  private async save(): Promise<void> {
    if (this.closed || this.submitting) return;
    this.status({ state: 'saving' });
    const sent = this.draft.content;
    try {
      if (!this.draft.id) await this.create();
      let application: ApplicationView;
      try {
        application = await this.options.api.saveDraft(this.draft.id!, this.draft.revision ?? 1, sent, this.credentials);
      } catch (error) {
        if (!isServiceError(error, 'revision-conflict')) throw error;
        // Saved from another tab or device meanwhile: this tab, where the person is typing, wins.
        const latest = await this.options.api.application(this.draft.id!, this.credentials);
        if (latest.status !== 'draft') throw new ServiceError('not-draft', 409, 'submitted meanwhile');
        application = await this.options.api.saveDraft(this.draft.id!, latest.revision, sent, this.credentials);
      }
      this.failures = 0;
      this.draft.revision = application.revision;
      if (this.draft.content === sent) this.draft.pending = false;
      this.persist();
      this.status({ state: 'saved', at: application.updatedAt });
      if (this.draft.pending) this.schedule(this.delayMs);
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    if (!(error instanceof ServiceError)) throw error;
    if (error.code === 'not-draft') {
      void this.options.api.application(this.draft.id!, this.credentials).then(
        (application) => this.status({ state: 'submitted', application }),
        () => this.status({ state: 'error', error }),
      );
      return;
    }
    const lostDraft = error.code === 'not-found' && this.draft.id !== undefined;
    if (lostDraft) {
      // The server no longer has the draft (expired, or the token was for someone else): start a new one.
      delete this.draft.id;
      delete this.draft.revision;
      delete this.draft.continuation;
      this.persist();
    }
    const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]!;
    this.failures++;
    if (error.offline) this.status({ state: 'offline', kept: this.persist() });
    else if (error.code === 'unauthenticated') this.status({ state: 'unauthorized' });
    else if (!lostDraft) this.status({ state: 'error', error });
    this.schedule(lostDraft ? 0 : wait);
  }
}
