import type { Json, MaterialValue } from '@onething/engine/runtime';
import type { SafeStorage } from './storage.js';
import { randomKey } from './keys.js';

/** The form content a draft holds. */
export interface DraftContent {
  answers: Record<string, Json>;
  data: Record<string, Json>;
  materials: Record<string, MaterialValue>;
}

/**
 * A draft as kept on the device. It holds the form content and, once the server has the draft,
 * its id, the revision last seen and (for a citizen who is not signed in) the continuation token.
 * The two idempotency keys are generated once per draft: retrying the creation or the submission
 * — a lost answer, a double click, a reload — can never make a second application.
 */
export interface LocalDraft {
  v: 1;
  bundle: string;
  version: string;
  /** Whose draft: the token's subject, or `anonymous`. Drafts of one person are never shown to another. */
  owner: string;
  id?: string;
  continuation?: string;
  revision?: number;
  createKey: string;
  submitKey: string;
  content: DraftContent;
  /** Fields filled by smart prefill (path → where the value came from), for the marks. */
  prefilled?: Record<string, 'token' | 'history'>;
  /** When the content last changed on this device (ISO 8601). */
  changedAt: string;
  /** True while changes made on this device are not on the server yet. */
  pending: boolean;
}

/** A submitted application the device remembers, so `<ot-status>` can show it to a citizen who is not signed in. */
export interface Receipt {
  id: string;
  bundle: string;
  owner: string;
  continuation?: string;
  submittedAt: string;
}

const MAX_RECEIPTS = 20;

/**
 * Storage keys of one server: drafts per bundle and owner, the receipts, cached bundles, unsent corrections.
 * @example keysFor('https://zwfw.example.gov.cn').draft('newborn-birth', 'anonymous')
 */
export function keysFor(server: string) {
  const host = server.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  const prefix = `onething:v1:${host}`;
  return {
    draft: (bundle: string, owner: string) => `${prefix}:draft:${bundle}:${owner}`,
    receipts: () => `${prefix}:receipts`,
    composed: (bundle: string) => `${prefix}:composed:${bundle}`,
    /** Corrections typed for an application's open supplement request, not sent yet. */
    corrections: (application: string) => `${prefix}:corrections:${application}`,
  };
}

/** A new, empty local draft for a bundle version and owner. */
export function newLocalDraft(bundle: string, version: string, owner: string, content?: Partial<DraftContent>): LocalDraft {
  return {
    v: 1,
    bundle,
    version,
    owner,
    createKey: randomKey(),
    submitKey: randomKey(),
    content: { answers: content?.answers ?? {}, data: content?.data ?? {}, materials: content?.materials ?? {} },
    changedAt: new Date().toISOString(),
    pending: false,
  };
}

/** True for a stored value that has the shape of a local draft (storage is shared with the page's own code). */
export function isLocalDraft(value: unknown): value is LocalDraft {
  const d = value as Partial<LocalDraft> | undefined;
  return (
    !!d &&
    d.v === 1 &&
    typeof d.bundle === 'string' &&
    typeof d.version === 'string' &&
    typeof d.owner === 'string' &&
    typeof d.createKey === 'string' &&
    typeof d.submitKey === 'string' &&
    typeof d.changedAt === 'string' &&
    !!d.content &&
    typeof d.content === 'object'
  );
}

/**
 * Remembers a submitted application on the device (the newest first, at most 20).
 * @example remember(storage, keys, { id, bundle: 'newborn-birth', owner: 'anonymous', continuation, submittedAt })
 */
export function rememberReceipt(storage: SafeStorage, key: string, receipt: Receipt): void {
  const list = (storage.read<Receipt[]>(key) ?? []).filter((r) => r && r.id !== receipt.id);
  storage.write(key, [receipt, ...list].slice(0, MAX_RECEIPTS));
}

/** The receipt of an application, if this device remembers it. */
export function findReceipt(storage: SafeStorage, key: string, id: string): Receipt | undefined {
  const list = storage.read<Receipt[]>(key);
  return Array.isArray(list) ? list.find((r) => r && r.id === id) : undefined;
}

/**
 * How an application's applicant identifies: the continuation token given, else the one in the
 * receipt this device kept when the application was submitted here (citizens not signed in), else
 * nothing (a signed-in applicant's token does it).
 * @example api.application(id, applicantCredentials(storage, server, id, element.continuationToken))
 */
export function applicantCredentials(storage: SafeStorage, server: string, application: string, continuationToken?: string): { continuation?: string } {
  if (continuationToken) return { continuation: continuationToken };
  const receipt = findReceipt(storage, keysFor(server).receipts(), application);
  return receipt?.continuation ? { continuation: receipt.continuation } : {};
}
