import type { ComposedBundle, ShapeValidator } from '@onething/engine/runtime';
import type { ApiClient } from './api/client.js';
import { isServiceError, ServiceError } from './api/errors.js';
import type { ApplicationView } from './api/types.js';
import { subjectOf } from './drafts/keys.js';
import { isLocalDraft, keysFor, newLocalDraft, type LocalDraft } from './drafts/local-draft.js';
import type { SafeStorage } from './drafts/storage.js';
import { applyPrefill } from './prefill/prefill.js';

/** What a service form needs to start. */
export interface SessionInput {
  api: ApiClient;
  storage: SafeStorage;
  bundle: string;
  version?: string | undefined;
  /** Resume this draft (a continuation token from a "continue later" link, say). */
  continuationToken?: string | undefined;
  /** Smart prefill for signed-in applicants (default true). */
  prefill?: boolean;
  /** Drafts kept on the device longer than this are dropped (default 30 days). */
  maxDraftAgeDays?: number;
}

/** What `openSession` found: the bundle to render, its validator, the draft, and how it got there. */
export interface Session {
  composed: ComposedBundle;
  /** The precompiled shape validator; undefined when it could not be loaded (offline start). */
  validator: ShapeValidator | undefined;
  draft: LocalDraft;
  key: string;
  owner: string;
  /** `new`, `device` (the draft on this device), `server` (a draft saved earlier, maybe elsewhere). */
  origin: 'new' | 'device' | 'server';
  /** True when the server could not be reached and the draft and bundle came from the device. */
  offline: boolean;
  /** Set when the draft turned out to be submitted already. */
  submitted?: ApplicationView;
}

const DAY = 86_400_000;
type CachedBundle = { version: string; composed: ComposedBundle };

function content(app: ApplicationView): LocalDraft['content'] {
  return { answers: app.answers ?? {}, data: app.data ?? {}, materials: app.materials ?? {} };
}

/**
 * Finds or starts the applicant's draft and loads what renders it. The order of preference:
 * an explicit continuation token; the draft on this device (its unsaved changes win); for a
 * signed-in applicant, their newest draft of this bundle on the server (started on another
 * device); else a new draft, prefilled from the token and earlier applications. Without a
 * connection it starts from the device alone (the bundle is cached there), or fails with
 * `network`.
 * @example const session = await openSession({ api, storage: openStorage('local'), bundle: 'newborn-birth' })
 */
export async function openSession(input: SessionInput): Promise<Session> {
  const { api, storage, bundle } = input;
  const keys = keysFor(api.server);
  const owner = subjectOf(await api.token()) ?? ((await api.signedIn()) ? 'signed-in' : 'anonymous');
  const key = keys.draft(bundle, owner);
  const stored = storage.read<unknown>(key);
  const maxAge = (input.maxDraftAgeDays ?? 30) * DAY;
  let local = isLocalDraft(stored) && stored.owner === owner && Date.now() - Date.parse(stored.changedAt) < maxAge ? stored : undefined;
  if (stored !== undefined && !local) storage.remove(key);
  if (local && input.version && local.version !== input.version) local = undefined;

  let offline = false;
  let origin: Session['origin'] = local ? 'device' : 'new';
  let server: ApplicationView | undefined;
  try {
    if (input.continuationToken) {
      server = await api.resume(input.continuationToken);
      if (local?.id !== server.id) {
        local = newLocalDraft(bundle, server.bundle.version, owner, content(server));
        local.id = server.id;
        local.revision = server.revision;
        local.continuation = input.continuationToken;
        origin = 'server';
      }
    } else if (local?.id) {
      server = await api.application(local.id, { continuation: local.continuation }).catch((error: unknown) => {
        if (isServiceError(error, 'not-found', 'unauthenticated')) return undefined;
        throw error;
      });
      if (!server) {
        delete local.id;
        delete local.revision;
        delete local.continuation;
        local.pending = true;
      }
    } else if (!local && owner !== 'anonymous') {
      const drafts = await api.mine('draft');
      const latest = drafts.find((d) => d.bundle.id === bundle && (!input.version || d.bundle.version === input.version));
      if (latest) server = await api.application(latest.id);
    }
  } catch (error) {
    if (!isServiceError(error) || !error.offline || !local) throw error;
    offline = true;
  }

  if (server) {
    if (server.status !== 'draft') {
      const { composed } = await loadComposed(api, storage, keys.composed(bundle), bundle, server.bundle.version, false);
      return { composed, validator: undefined, draft: local ?? newLocalDraft(bundle, server.bundle.version, owner), key, owner, origin: 'server', offline: false, submitted: server };
    }
    if (!local || local.id !== server.id) {
      local = newLocalDraft(bundle, server.bundle.version, owner, content(server));
      origin = 'server';
    } else if (!local.pending && server.revision > (local.revision ?? 0)) {
      local.content = content(server); // changed on another device since
      origin = 'server';
    }
    local.id = server.id;
    local.revision = local.pending ? server.revision : Math.max(server.revision, local.revision ?? 0);
    local.version = server.bundle.version;
  }

  const loaded = await loadComposed(api, storage, keys.composed(bundle), bundle, local?.version ?? input.version, !!local);
  const composed = loaded.composed;
  if (loaded.fromDevice) offline = true;

  if (!local) {
    local = newLocalDraft(bundle, composed.bundle.version, owner);
    if (owner !== 'anonymous' && input.prefill !== false) {
      const values = await api.prefill(bundle, composed.bundle.version).catch(() => []);
      const filled = applyPrefill(composed, local.content.data, values);
      local.content.data = filled.data;
      if (Object.keys(filled.prefilled).length) local.prefilled = filled.prefilled;
    }
  }
  storage.write(key, local);

  let validator: ShapeValidator | undefined;
  if (!offline) validator = await api.validator(bundle, composed.bundle.version).catch(() => undefined);
  return { composed, validator, draft: local, key, owner, origin, offline };
}

/**
 * Fetches the composed bundle and keeps a copy on the device; without a connection, uses that
 * copy when `orCached` (there is a draft to continue) and it is the right version.
 */
async function loadComposed(
  api: ApiClient,
  storage: SafeStorage,
  key: string,
  bundle: string,
  version: string | undefined,
  orCached: boolean,
): Promise<{ composed: ComposedBundle; fromDevice: boolean }> {
  try {
    const composed = await api.composed(bundle, version);
    storage.write(key, { version: composed.bundle.version, composed } satisfies CachedBundle);
    return { composed, fromDevice: false };
  } catch (error) {
    const cached = storage.read<CachedBundle>(key);
    if (orCached && error instanceof ServiceError && error.offline && cached?.composed && (!version || cached.version === version)) {
      return { composed: cached.composed, fromDevice: true };
    }
    throw error;
  }
}
