import type { ComposedBundle, Json, Locale, MaterialValue, ShapeValidator } from '@onething/engine/runtime';
import { ServiceError } from './errors.js';
import { sendFetch, sendWithProgress, type Answer } from './transport.js';
import type { ApplicationView, PrefillValue } from './types.js';

/** A bearer token, or a function that returns the current one (called before every request). */
export type TokenSource = string | (() => string | undefined | null | Promise<string | undefined | null>);

/** Options of `createApiClient`. */
export interface ApiClientOptions {
  /** The onething server's base URL, e.g. `https://zwfw.example.gov.cn` (no trailing `/api`). */
  server: string;
  token?: TokenSource | undefined;
  /** `Accept-Language` of requests: the language of the server's error messages. */
  locale?: Locale;
  /** Milliseconds before a request counts as failed (`timeout`); default 15 000. */
  timeoutMs?: number;
  /** The fetch to use (tests); uploads with progress go by XMLHttpRequest where the page has it. */
  fetch?: typeof fetch;
}

/** The form content the draft and submit routes take. */
export interface FormContent {
  answers?: Record<string, Json>;
  data?: Record<string, Json>;
  materials?: Record<string, MaterialValue>;
}

/** Who is asking about an application: a token holder, or a citizen with the draft's continuation token. */
export interface Credentials {
  continuation?: string | undefined;
}

/**
 * A small typed client of the onething API. Every failure is a `ServiceError` with a stable code;
 * a request that gets no answer (offline, server down, CORS refused) is `network` or `timeout`.
 * @example
 * const api = createApiClient({ server: 'https://zwfw.example.gov.cn', token: () => session.token });
 * const composed = await api.composed('newborn-birth');
 */
export function createApiClient(options: ApiClientOptions) {
  const base = options.server.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let locale: Locale = options.locale ?? 'zh-CN';
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function bearer(): Promise<string | undefined> {
    const source = options.token;
    if (!source) return undefined;
    return (typeof source === 'function' ? await source() : source) ?? undefined;
  }

  async function request<T>(
    method: string,
    path: string,
    init: {
      body?: unknown;
      bytes?: Blob;
      headers?: Record<string, string>;
      credentials?: Credentials;
      signal?: AbortSignal | undefined;
      anonymous?: boolean;
      /** Reports how much of `bytes` has been sent (the request then goes by XMLHttpRequest). */
      progress?: ((loaded: number, total: number) => void) | undefined;
    } = {},
  ): Promise<{ body: T; header(name: string): string | null; status: number }> {
    const headers: Record<string, string> = { 'Accept-Language': locale, ...init.headers };
    const token = init.anonymous ? undefined : await bearer();
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (init.credentials?.continuation) headers['X-Continuation-Token'] = init.credentials.continuation;
    let body: BodyInit | undefined;
    if (init.bytes) body = init.bytes;
    else if (init.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const out = { method, url: `${base}${path}`, headers, body, signal: init.signal, timeoutMs };
    const answer =
      init.progress && init.bytes && typeof XMLHttpRequest === 'function'
        ? await sendWithProgress({ ...out, body: init.bytes }, init.progress)
        : await sendFetch(out, doFetch);
    return { body: parseAnswer<T>(answer), header: answer.header, status: answer.status };
  }

  type WithToken = { application: ApplicationView; continuationToken?: string };

  return {
    /** The server's base URL. */
    server: base,
    setLocale(next: Locale) {
      locale = next;
    },
    /** Whether a bearer token is configured (and currently returned). */
    async signedIn(): Promise<boolean> {
      return (await bearer()) !== undefined;
    },
    /** The current bearer token, if any. */
    token: bearer,

    /** The composed bundle (newest published version, or an exact one). */
    async composed(bundle: string, version?: string): Promise<ComposedBundle> {
      const path = version ? `/api/bundles/${enc(bundle)}/versions/${enc(version)}` : `/api/bundles/${enc(bundle)}`;
      return (await request<ComposedBundle>('GET', path, { anonymous: true })).body;
    },

    /**
     * Imports the bundle's precompiled shape validator (an ES module the server compiled; no eval
     * in the page — it loads under `script-src 'self' <server>`).
     */
    async validator(bundle: string, version: string): Promise<ShapeValidator> {
      const url = `${base}/api/bundles/${enc(bundle)}/versions/${enc(version)}/validator.js`;
      const module = (await import(/* @vite-ignore */ /* webpackIgnore: true */ url)) as { validateShape: ShapeValidator };
      return module.validateShape;
    },

    /** Starts a draft. The key makes a retried creation return the same draft. */
    async createDraft(bundle: string, version: string | undefined, key: string): Promise<WithToken> {
      const body = version ? { bundle, version } : { bundle };
      return (await request<WithToken>('POST', '/api/applications', { body, headers: { 'Idempotency-Key': key } })).body;
    },

    /** Autosaves a draft at the revision it was read at (409 `revision-conflict` otherwise). */
    async saveDraft(id: string, revision: number, content: FormContent, credentials: Credentials): Promise<ApplicationView> {
      const r = await request<WithToken>('PUT', `/api/applications/${enc(id)}/draft`, { body: { revision, ...content }, credentials });
      return r.body.application;
    },

    /** Submits a draft with its content. The same key always gives the same answer and one application. */
    async submit(id: string, content: FormContent, key: string, credentials: Credentials): Promise<{ application: ApplicationView; replayed: boolean }> {
      const r = await request<WithToken>('POST', `/api/applications/${enc(id)}/submit`, { body: content, headers: { 'Idempotency-Key': key }, credentials });
      return { application: r.body.application, replayed: r.header('Idempotency-Replayed') === 'true' };
    },

    /** Reads an application with its timeline (the applicant, with a token or the continuation token). */
    async application(id: string, credentials: Credentials = {}): Promise<ApplicationView> {
      return (await request<WithToken>('GET', `/api/applications/${enc(id)}`, { credentials })).body.application;
    },

    /** Resumes a draft by its continuation token alone (no sign-in needed). */
    async resume(continuation: string): Promise<ApplicationView> {
      return (await request<WithToken>('GET', '/api/resume', { credentials: { continuation }, anonymous: true })).body.application;
    },

    /** The signed-in applicant's applications, newest first. */
    async mine(status?: 'draft' | 'open' | 'closed'): Promise<ApplicationView[]> {
      const q = status ? `?status=${status}&limit=20` : '?limit=20';
      return (await request<{ items: ApplicationView[] }>('GET', `/api/applications${q}`)).body.items;
    },

    /** Sends a flow event (SUPPLEMENT, WITHDRAW …) at the revision the caller saw. */
    async event(id: string, event: { type: string; revision: number; item?: string; payload?: Record<string, Json> }, credentials: Credentials = {}): Promise<ApplicationView> {
      return (await request<WithToken>('POST', `/api/applications/${enc(id)}/events`, { body: event, credentials })).body.application;
    },

    /** Rates a completed application (1–5 and a comment), once. */
    async rate(id: string, score: number, comment: string, credentials: Credentials = {}): Promise<{ score: number; comment: string; at: string }> {
      return (await request<{ score: number; comment: string; at: string }>('POST', `/api/applications/${enc(id)}/rating`, { body: comment ? { score, comment } : { score }, credentials })).body;
    },

    /**
     * Uploads one file for a material of an application, reporting progress as the bytes go out
     * (`progress(loaded, total)`); aborting `signal` stops it. A slow upload is not a timeout:
     * only `timeoutMs` without any progress is.
     * @example await api.upload(id, 'power-of-attorney', file, { continuation }, controller.signal, (n, of) => show(n / of))
     */
    async upload(id: string, material: string, file: File, credentials: Credentials, signal?: AbortSignal, progress?: (loaded: number, total: number) => void) {
      const headers = { 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': file.type || 'application/octet-stream' };
      const init = { bytes: file, headers, credentials, signal, progress };
      return (await request<{ sha256: string; name: string; size: number; type: string }>('POST', `/api/applications/${enc(id)}/materials/${enc(material)}`, init)).body;
    },

    /** Values for the signed-in applicant's form: from their token's claims and their earlier applications. */
    async prefill(bundle: string, version: string): Promise<PrefillValue[]> {
      const r = await request<{ values: PrefillValue[] }>('GET', `/api/prefill?bundle=${enc(bundle)}&version=${enc(version)}`);
      return r.body.values;
    },
  };
}

/**
 * The body of an answer as JSON, or the `ServiceError` it stands for: the server's stable code, or
 * `network` for a gateway's 502–504 (the API did not answer), `invalid-response` for anything else.
 */
function parseAnswer<T>(answer: Answer): T {
  const { status, text } = answer;
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (status < 200 || status > 299) {
    const e = (parsed ?? {}) as { code?: unknown; message?: unknown; errors?: unknown; pointer?: unknown };
    if (typeof e.code !== 'string') {
      // A proxy or gateway answered, not the API: treat 502–504 like being offline.
      const code = status >= 502 && status <= 504 ? 'network' : 'invalid-response';
      throw new ServiceError(code, status, `HTTP ${status}`);
    }
    throw new ServiceError(
      e.code,
      status,
      typeof e.message === 'string' ? e.message : e.code,
      Array.isArray(e.errors) ? (e.errors as Json[]) : [],
      typeof e.pointer === 'string' ? e.pointer : undefined,
    );
  }
  if (text && parsed === undefined) throw new ServiceError('invalid-response', status, 'the answer is not JSON');
  return parsed as T;
}

/** The client `createApiClient` returns. */
export type ApiClient = ReturnType<typeof createApiClient>;

const enc = encodeURIComponent;
