import type { Json, Locale } from '@onething/engine';

/** The kinds of definition the server stores. */
export type DefinitionKind = 'item' | 'bundle' | 'concepts' | 'overlay';

/** A stored definition version, as the server's `/api/definitions` routes return it. */
export interface DefinitionRecord {
  kind: DefinitionKind;
  id: string;
  version: string;
  status: 'draft' | 'published';
  /** Present when one version was asked for. */
  body?: Json;
  hash: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  createdBy: string;
  publishedBy: string | null;
}

/** A refusal from the server: the HTTP error body `{ code, message, pointer?, errors? }` and the status. */
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

/** Where the server is and who is asking. */
export interface ClientOptions {
  /** Base URL of the server (`''`: the page's own origin). */
  server: string;
  token: string;
  /** The locale of server messages (`Accept-Language`). */
  locale?: () => Locale;
  fetch?: typeof fetch;
}

/** The definitions API of the onething server, as the designer uses it. */
export interface DesignerClient {
  /** Every definition version (no bodies), optionally of one kind or status. */
  list(query?: { kind?: DefinitionKind; id?: string; status?: 'draft' | 'published' }): Promise<DefinitionRecord[]>;
  /** One version with its body. Published versions are cached (they never change). */
  get(kind: DefinitionKind, id: string, version: string): Promise<DefinitionRecord>;
  /** Every version of one definition, drafts included. */
  versions(kind: DefinitionKind, id: string): Promise<DefinitionRecord[]>;
  /** Creates (no `revision`) or updates a draft; the server checks it and answers 422 with diagnostics. */
  saveDraft(kind: DefinitionKind, id: string, version: string, definition: Json, revision?: number): Promise<{ definition: DefinitionRecord; diagnostics: Json[] }>;
  /** Publishes a draft at `revision`; 422 `version-not-compatible` lists the changes that need a bigger bump. */
  publish(kind: DefinitionKind, id: string, version: string, revision: number): Promise<{ definition: DefinitionRecord; changes: Json[] }>;
}

/**
 * A client of the server's admin definitions routes (bearer token, JSON in and out).
 * @example
 * const client = createClient({ server: '', token });
 * const bundles = await client.list({ kind: 'bundle', status: 'published' });
 */
export function createClient(options: ClientOptions): DesignerClient {
  const base = options.server.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const published = new Map<string, DefinitionRecord>();

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'application/json' };
    if (options.locale) headers['accept-language'] = options.locale();
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (error) {
      throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const e = (parsed ?? {}) as { code?: string; message?: string; pointer?: string; errors?: Json[] };
      throw new ApiError(response.status, e.code ?? `http-${response.status}`, e.message ?? response.statusText, e.pointer, e.errors ?? []);
    }
    return parsed as T;
  }

  const path = (kind: string, id: string, version?: string) =>
    `/api/definitions/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/versions${version === undefined ? '' : `/${encodeURIComponent(version)}`}`;

  return {
    async list(query = {}) {
      const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'));
      const q = params.toString();
      return (await call<{ items: DefinitionRecord[] }>('GET', `/api/definitions${q ? `?${q}` : ''}`)).items;
    },
    async get(kind, id, version) {
      const key = `${kind}/${id}@${version}`;
      const cached = published.get(key);
      if (cached) return cached;
      const record = await call<DefinitionRecord>('GET', path(kind, id, version));
      if (record.status === 'published') published.set(key, record);
      return record;
    },
    async versions(kind, id) {
      return (await call<{ items: DefinitionRecord[] }>('GET', path(kind, id))).items;
    },
    saveDraft(kind, id, version, definition, revision) {
      return call('PUT', path(kind, id, version), { definition, ...(revision !== undefined ? { revision } : {}) });
    },
    publish(kind, id, version, revision) {
      return call('POST', `${path(kind, id, version)}/publish`, { revision });
    },
  };
}
