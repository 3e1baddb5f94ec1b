import {
  checkSubmission,
  deadlineEvent,
  isRefusal,
  start,
  step,
  type Actor,
  type ApplicationSnapshot,
  type FlowEvent,
  type Json,
  type StepRefusal,
  type StepOptions,
  type StepResult,
  type ValidationError,
} from '@onething/engine';
import type { Services } from '../services.js';
import type { ApplicationRecord, DeadlineRecord, StoredResponse } from '../store/types.js';
import type { ApplicationChange } from '../store/port.js';
import type { BundleRuntime } from '../catalog/catalog.js';
import { HttpError } from '../http/errors.js';
import { StoreError } from '../store/errors.js';
import { canonicalHash, sha256 } from '../util/hash.js';
import { timeOrderedId } from '../util/ids.js';
import { randomToken } from '../util/random.js';
import { actorsFor, canRead, holdsContinuation, isApplicant, type Access } from './access.js';
import { applicationChange } from './record.js';
import { recordView } from './view.js';
import { refusalError } from './refusal-error.js';

type Data = Record<string, Json>;

/** Form content a draft, submission or supplement carries. */
export interface FormInput {
  answers?: Data;
  data?: Data;
  materials?: Data;
}

/** An idempotency key and the hash of the request it came with. */
export interface IdempotencyInput {
  scope: string;
  key: string;
  requestHash: string;
}

/**
 * What an operation answers; `replayed` when an idempotency key returned an earlier response.
 * `json` is the body as JSON text when it was serialized already (to be stored with the change).
 */
export interface Outcome {
  status: number;
  body: Json;
  json?: string;
  replayed: boolean;
}

const SYSTEM: Actor = { id: 'scheduler', role: 'system' };
/** The audit entries' data hash with node's native sha-256 (the engine's default is pure JavaScript; same result). */
const FLOW_OPTIONS: StepOptions = { hash: canonicalHash };
const RESERVED_PAYLOAD = new Set(['type', 'item', 'deadline']);

function stepped(result: StepResult | StepRefusal): StepResult {
  if (isRefusal(result)) throw refusalError(result.refused);
  return result;
}

/** A new opaque continuation token (256 bits, base64url) and the hash the store keeps. */
function continuationToken(): { token: string; hash: string } {
  const token = randomToken(32);
  return { token, hash: sha256(token) };
}

/**
 * The application use cases: drafts, submission, flow events and deadline firing. Every
 * change is one store commit (compare-and-set on the revision, audit in the same
 * transaction); nothing here keeps state between requests.
 * @example const outcome = await new ApplicationService(services).submit(app, access, body, key, now)
 */
export class ApplicationService {
  constructor(private readonly services: Services) {}

  /** The runtime an application runs on: its pinned definitions and the flow it was created with. */
  async runtimeOf(app: ApplicationRecord): Promise<BundleRuntime> {
    const runtime = await this.services.catalog.pinned(app.bundle);
    if (!runtime) throw new Error(`application ${app.id} runs on ${app.bundle.id}@${app.bundle.version}, which is not published`);
    return runtime;
  }

  /** Reads an application the caller may see, else 404. */
  async readable(id: string, access: Access): Promise<ApplicationRecord> {
    const app = await this.services.store.getApplication(id);
    if (!app || !canRead(access, app)) throw new HttpError('notFound');
    return app;
  }

  /** Reads an application the caller is the applicant of: 404 if they cannot see it, 403 if they can but are staff. */
  async ownApplication(id: string, access: Access): Promise<ApplicationRecord> {
    const app = await this.readable(id, access);
    if (!isApplicant(access, app)) throw new HttpError('forbidden');
    return app;
  }

  /** The response stored for an idempotency key, if any (422 when the key came with another request). */
  private async replay(idempotency: IdempotencyInput | undefined): Promise<Outcome | undefined> {
    if (!idempotency) return undefined;
    const stored = await this.services.store.getIdempotent(idempotency.scope, idempotency.key);
    if (!stored) return undefined;
    if (stored.requestHash !== idempotency.requestHash) throw new HttpError('idempotencyKeyReused', { pointer: '/headers/idempotency-key' });
    return { status: stored.response.status, body: stored.response.body, replayed: true };
  }

  /**
   * Runs an idempotent operation. The key is not looked up first: the store's commit finds an
   * earlier response under the key in the same transaction and answers with it (so a retry
   * costs the work again, and a first request costs no extra read). Only when the operation
   * fails with a client error or a lost race — a retry of a submission that went through finds
   * a draft no longer there, say — is the key looked up, and an earlier response wins.
   */
  private async idempotent(idempotency: IdempotencyInput | undefined, operation: () => Promise<Outcome>): Promise<Outcome> {
    try {
      return await operation();
    } catch (error) {
      const clientError = (error instanceof HttpError && error.status < 500) || (error instanceof StoreError && error.code === 'conflict');
      if (!clientError) throw error;
      const replayed = await this.replay(idempotency);
      if (replayed) return replayed;
      throw error;
    }
  }

  private async commit(change: ApplicationChange, response: (app: ApplicationRecord) => StoredResponse, idempotency?: IdempotencyInput): Promise<Outcome> {
    const stored = response(change.next);
    const json = JSON.stringify(stored.body);
    if (idempotency) change.idempotency = { ...idempotency, response: stored, bodyJson: json };
    const result = await this.services.store.commit(change);
    if (result.status === 'replayed') return { ...result.response, replayed: true };
    return { ...stored, json, replayed: false };
  }

  /** Validates form content the way the engine does on submit; 422 with every error when invalid. */
  private async checked(app: ApplicationRecord | null, runtime: BundleRuntime, input: Required<FormInput>, now: Date) {
    const result = checkSubmission(runtime.composed, input, runtime.validateShape, { now, validateAnswers: runtime.validateAnswers });
    const errors: ValidationError[] = [...result.errors];
    if (app) errors.push(...(await this.unknownFiles(app.id, result.materials as Data)));
    else errors.push(...unknownFilesOf(new Set(), result.materials as Data));
    if (errors.length) {
      throw new HttpError('submissionInvalid', { pointer: errors[0]?.instancePath ?? '', errors: errors as unknown as Json[] });
    }
    return { answers: result.answers, data: result.data, materials: result.materials as Data };
  }

  /** Files a submission names that were not uploaded to this application. */
  private async unknownFiles(applicationId: string, materials: Data): Promise<ValidationError[]> {
    const uploaded = new Set((await this.services.store.attachments(applicationId)).map((a) => `${a.materialId}/${a.sha256}`));
    return unknownFilesOf(uploaded, materials);
  }

  /**
   * Creates a draft (or, with `submit`, a submitted application) for the caller — an
   * applicant, or a citizen not logged in, who gets a continuation token to resume it.
   */
  async create(
    input: FormInput & { bundle: string; version?: string; submit?: boolean },
    access: Access,
    now: Date,
    idempotency?: IdempotencyInput,
  ): Promise<Outcome> {
    return this.idempotent(idempotency, () => this.createNow(input, access, now, idempotency));
  }

  private async createNow(input: FormInput & { bundle: string; version?: string; submit?: boolean }, access: Access, now: Date, idempotency?: IdempotencyInput): Promise<Outcome> {
    const runtime = await this.services.catalog.current(input.bundle, input.version);
    if (!runtime) throw new HttpError('notFound', { pointer: input.version ? '/version' : '/bundle' });
    const id = timeOrderedId(now.getTime());
    const owner = access.principal?.roles.includes('applicant') ? access.principal.sub : null;
    const actor: Actor = { id: owner ?? `anonymous:${id}`, role: 'applicant', ...(access.principal ? { region: access.principal.region } : {}) };
    const at = now.toISOString();
    let form = { answers: input.answers ?? {}, data: input.data ?? {}, materials: input.materials ?? {} };
    // Submitting at once: the draft starts with the checked (pruned) content and SUBMIT keeps it,
    // so the flow neither walks nor hashes the data twice.
    if (input.submit) form = await this.checked(null, runtime, form, now);
    const first = stepped(start(runtime.flow, { actor, now: at, ...form }, FLOW_OPTIONS));
    const steps: Array<{ result: StepResult; payload?: Record<string, Json | undefined> }> = [{ result: first }];
    if (input.submit) steps.push({ result: stepped(step(runtime.flow, first.snapshot, { type: 'SUBMIT' }, actor, at, FLOW_OPTIONS)) });
    const continuation = continuationToken();
    const change = applicationChange(null, { id, owner, continuation: continuation.hash, createdAt: at }, runtime, steps, now);
    return this.commit(change, (app) => ({ status: 201, body: { application: recordView(app), continuationToken: continuation.token } as unknown as Json }), idempotency);
  }

  /**
   * A draft started without logging in is claimed by the applicant who later uses its
   * continuation token with their own bearer token: the draft restarts as theirs.
   */
  private claim(app: ApplicationRecord, access: Access, runtime: BundleRuntime, snapshot: ApplicationSnapshot, at: string) {
    const p = access.principal;
    if (app.owner !== null || !holdsContinuation(access, app) || !p?.roles.includes('applicant')) return undefined;
    const c = snapshot.context;
    const result = stepped(start(runtime.flow, { actor: { id: p.sub, role: 'applicant', region: p.region }, now: at, answers: c.answers, data: c.data, materials: c.materials }, FLOW_OPTIONS));
    return { result, owner: p.sub };
  }

  private draftSteps(app: ApplicationRecord, access: Access, runtime: BundleRuntime, at: string) {
    if (app.status !== 'draft') throw new HttpError('notDraft');
    let snapshot = app.flow as unknown as ApplicationSnapshot;
    const steps: Array<{ result: StepResult; payload?: Record<string, Json | undefined> }> = [];
    let owner = app.owner;
    const claimed = this.claim(app, access, runtime, snapshot, at);
    if (claimed) {
      steps.push({ result: claimed.result });
      snapshot = claimed.result.snapshot;
      owner = claimed.owner;
    }
    const actor: Actor = { id: snapshot.context.applicant, role: 'applicant' };
    return { snapshot, steps, owner, actor };
  }

  /** Autosaves a draft (compare-and-set on `revision`). */
  async save(id: string, input: FormInput & { revision: number }, access: Access, now: Date): Promise<Outcome> {
    const app = await this.ownApplication(id, access);
    if (input.revision !== app.revision) throw new HttpError('revisionConflict', { pointer: '/revision' });
    const runtime = await this.runtimeOf(app);
    const at = now.toISOString();
    const { snapshot, steps, owner, actor } = this.draftSteps(app, access, runtime, at);
    const event: FlowEvent = { type: 'SAVE' };
    for (const key of ['answers', 'data', 'materials'] as const) if (input[key] !== undefined) event[key] = input[key];
    steps.push({ result: stepped(step(runtime.flow, snapshot, event, actor, at, FLOW_OPTIONS)) });
    const change = applicationChange(app, { ...app, owner }, runtime, steps, now);
    return this.commit(change, (next) => ({ status: 200, body: { application: recordView(next) } as unknown as Json }));
  }

  /** Submits a draft: validated like the engine validates, then the flow's SUBMIT. Idempotent by key. */
  async submit(id: string, input: FormInput & { revision?: number }, access: Access, now: Date, idempotency: IdempotencyInput): Promise<Outcome> {
    return this.idempotent(idempotency, () => this.submitNow(id, input, access, now, idempotency));
  }

  private async submitNow(id: string, input: FormInput & { revision?: number }, access: Access, now: Date, idempotency: IdempotencyInput): Promise<Outcome> {
    const app = await this.ownApplication(id, access);
    if (input.revision !== undefined && input.revision !== app.revision) throw new HttpError('revisionConflict', { pointer: '/revision' });
    const runtime = await this.runtimeOf(app);
    const at = now.toISOString();
    const { snapshot, steps, owner, actor } = this.draftSteps(app, access, runtime, at);
    const c = snapshot.context;
    const form = { answers: input.answers ?? c.answers, data: input.data ?? c.data, materials: input.materials ?? c.materials };
    const valid = await this.checked(app, runtime, form, now);
    steps.push({ result: stepped(step(runtime.flow, snapshot, { type: 'SUBMIT', ...valid }, actor, at, FLOW_OPTIONS)) });
    const change = applicationChange(app, { ...app, owner }, runtime, steps, now);
    return this.commit(change, (next) => ({ status: 200, body: { application: recordView(next) } as unknown as Json }), idempotency);
  }

  /**
   * Sends a flow event as the caller (the first of their roles the flow allows), at the
   * revision they saw. A supplement's resulting data is validated again.
   */
  async send(
    id: string,
    input: { type: string; revision: number; item?: string; payload?: Record<string, Json> },
    access: Access,
    now: Date,
  ): Promise<Outcome> {
    const app = await this.readable(id, access);
    if (input.type === 'SAVE' || input.type === 'SUBMIT') {
      throw new HttpError('invalidRequest', { pointer: '/type', detail: { 'zh-CN': '请使用草稿保存或提交接口', en: 'use the draft or submit route' } });
    }
    for (const key of Object.keys(input.payload ?? {})) {
      if (RESERVED_PAYLOAD.has(key)) throw new HttpError('invalidRequest', { pointer: `/payload/${key}` });
    }
    if (input.revision !== app.revision) throw new HttpError('revisionConflict', { pointer: '/revision' });
    if (app.status === 'draft') throw new HttpError('eventNotAccepted');
    const runtime = await this.runtimeOf(app);
    const snapshot = app.flow as unknown as ApplicationSnapshot;
    const event: FlowEvent = { ...input.payload, type: input.type, ...(input.item !== undefined ? { item: input.item } : {}) };
    const at = now.toISOString();
    let result: StepResult | StepRefusal | undefined;
    for (const actor of actorsFor(access, app, snapshot.context.applicant)) {
      result = step(runtime.flow, snapshot, event, actor, at, FLOW_OPTIONS);
      if (!isRefusal(result) || result.refused.code !== 'role-forbidden') break;
    }
    if (!result) throw new HttpError('eventForbidden');
    const done = stepped(result);
    if (input.type === 'SUPPLEMENT') {
      const c = done.snapshot.context;
      await this.checked(app, runtime, { answers: c.answers, data: c.data, materials: c.materials }, now);
    }
    const change = applicationChange(app, app, runtime, [{ result: done, payload: input.payload ?? {} }], now);
    return this.commit(change, (next) => ({ status: 200, body: { application: recordView(next) } as unknown as Json }));
  }

  /**
   * Fires a leased deadline as the `system` actor: the application change and the
   * deadline's `fired` mark commit together, only while the lease is still this owner's.
   */
  readonly fireDeadline = async (deadline: DeadlineRecord, owner: string, now: Date): Promise<'fired' | 'skipped'> => {
    const { store, logger } = this.services;
    const app = await store.getApplication(deadline.applicationId);
    if (!app) {
      await store.cancelDeadline(deadline.id, owner);
      return 'skipped';
    }
    const runtime = await this.runtimeOf(app);
    const item = (deadline.payload as { item?: string } | undefined)?.item;
    const event = deadlineEvent({ key: deadline.key, event: deadline.event, ...(item !== undefined ? { item } : {}) });
    const result = step(runtime.flow, app.flow as unknown as ApplicationSnapshot, event, SYSTEM, now.toISOString(), FLOW_OPTIONS);
    if (isRefusal(result)) {
      if (result.refused.code === 'deadline-not-due') {
        await store.releaseLease(deadline.id, owner);
      } else {
        logger.info({ applicationId: app.id, deadline: deadline.key, refused: result.refused.code }, 'deadline no longer applies; cancelled');
        await store.cancelDeadline(deadline.id, owner);
      }
      return 'skipped';
    }
    const change = applicationChange(app, app, runtime, [{ result, payload: { deadline: deadline.key } }], now, { fire: { id: deadline.id, owner } });
    await store.commit(change);
    logger.info({ applicationId: app.id, deadline: deadline.key, event: deadline.event, state: change.next.state }, 'deadline fired');
    return 'fired';
  };
}

/** File references whose (material, sha-256) is not among the uploaded ones. */
function unknownFilesOf(uploaded: ReadonlySet<string>, materials: Data): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const [materialId, value] of Object.entries(materials)) {
    const files = (value as { files?: Array<{ sha256?: unknown }> } | null)?.files;
    if (!Array.isArray(files)) continue;
    files.forEach((file, index) => {
      if (!uploaded.has(`${materialId}/${String(file?.sha256)}`)) {
        errors.push({
          keyword: 'uploaded',
          instancePath: `/materials/${materialId}/files/${index}`,
          params: { sha256: String(file?.sha256) },
          message: { 'zh-CN': '该文件未上传到此申请', en: 'This file was not uploaded to this application' },
        });
      }
    });
  }
  return errors;
}
