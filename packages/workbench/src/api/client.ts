import type { ComposedBundle, Json, Locale, Text } from '@onething/engine';
import type { ApplicationSummary, ApplicationView, Page } from './types.js';

/** An error answer of the server (`{ code, message, pointer? }`), or a network failure (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly pointer?: string,
    readonly errors: Json[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  /** Base URL of the onething server ('' for the page's origin). */
  server: string;
  token: string;
  /** The language of the server's error messages. */
  locale: () => Locale;
  fetch?: typeof fetch;
}

/** What the queue can be filtered by (`GET /api/queue`). */
export interface QueueQuery {
  department?: string;
  region?: string;
  /** Top-level states, e.g. `['reception', 'supplement']`. */
  states?: string[];
  status?: 'open' | 'closed';
  /** Only applications with a deadline due at or before this instant. */
  dueBefore?: string;
  limit?: number;
  after?: string;
}

/** A flow event to send (`POST /api/applications/{id}/events`). */
export interface EventInput {
  type: string;
  revision: number;
  item?: string;
  payload?: Record<string, Json>;
}

/** What the workbench reads of the public catalog: bundle titles and the departments of their items. */
export interface CatalogView {
  bundles: Array<{ id: string; version: string; title: Text; region: string; lead: { id: string; title: Text }; items: Array<{ id: string; title: Text; department: { id: string; title: Text } }> }>;
  items: Array<{ id: string; title: Text; department: { id: string; title: Text }; region: string }>;
}

/** The calls the workbench makes, with the staff token. */
export interface WorkbenchClient {
  /** Published bundles and items (titles and departments), fetched once. */
  catalog(): Promise<CatalogView>;
  queue(query: QueueQuery): Promise<Page<ApplicationSummary>>;
  application(id: string): Promise<ApplicationView>;
  /**
   * The composed form an application runs on (its pinned item versions), cached by the
   * application's definition hash (`bundle.hash`): applications on the same definitions share it.
   */
  form(application: { id: string; bundle: { hash: string } }): Promise<ComposedBundle>;
  send(id: string, event: EventInput): Promise<ApplicationView>;
  /** An uploaded file's bytes (the download route needs the bearer token, so a plain link cannot fetch it). */
  download(id: string, sha256: string): Promise<Blob>;
}

/**
 * A client for the workbench's API calls. Errors are `ApiError`s with the server's stable code.
 * @example const client = createClient({ server: '', token, locale: () => 'zh-CN' }); await client.queue({ states: ['reception'] })
 */
export function createClient(options: ClientOptions): WorkbenchClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const composedCache = new Map<string, Promise<ComposedBundle>>();

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${options.token}`, 'Accept-Language': options.locale() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${options.server}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (error) {
      throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
    }
    if (response.ok) return response;
    let parsed: { code?: string; message?: string; pointer?: string; errors?: Json[] } = {};
    try {
      parsed = (await response.json()) as typeof parsed;
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(response.status, parsed.code ?? `http-${response.status}`, parsed.message ?? response.statusText, parsed.pointer, parsed.errors ?? []);
  }

  async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await call(method, path, body);
    try {
      return (await response.json()) as T;
    } catch (error) {
      throw new ApiError(response.status, 'invalid-response', String(error));
    }
  }

  const enc = encodeURIComponent;
  let catalog: Promise<CatalogView> | undefined;
  return {
    catalog() {
      if (!catalog) {
        catalog = json<CatalogView>('GET', '/api/catalog');
        catalog.catch(() => (catalog = undefined));
      }
      return catalog;
    },
    queue(query) {
      const params = new URLSearchParams();
      if (query.department) params.set('department', query.department);
      if (query.region) params.set('region', query.region);
      if (query.states?.length) params.set('state', query.states.join(','));
      if (query.status) params.set('status', query.status);
      if (query.dueBefore) params.set('dueBefore', query.dueBefore);
      if (query.limit) params.set('limit', String(query.limit));
      if (query.after) params.set('after', query.after);
      const q = params.toString();
      return json('GET', `/api/queue${q ? `?${q}` : ''}`);
    },
    async application(id) {
      return (await json<{ application: ApplicationView }>('GET', `/api/applications/${enc(id)}`)).application;
    },
    form(application) {
      const key = application.bundle.hash;
      let cached = composedCache.get(key);
      if (!cached) {
        cached = json<ComposedBundle>('GET', `/api/applications/${enc(application.id)}/form`);
        composedCache.set(key, cached);
        cached.catch(() => composedCache.delete(key));
      }
      return cached;
    },
    async send(id, event) {
      return (await json<{ application: ApplicationView }>('POST', `/api/applications/${enc(id)}/events`, event)).application;
    },
    async download(id, sha256) {
      return (await call('GET', `/api/applications/${enc(id)}/materials/${enc(sha256)}`)).blob();
    },
  };
}
