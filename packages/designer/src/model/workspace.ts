import semver from 'semver';
import { load, type BundleDefinition, type ConceptDictionary, type DefinitionFile, type Diagnostic, type ItemDefinition, type Json, type Registry } from '@onething/engine';
import type { DefinitionKind, DefinitionRecord, DesignerClient } from '../api/client.js';

/**
 * Everything the designer knows about the server's definitions: every version (drafts too)
 * with its body, and an engine registry over the published ones (what bundles compose from).
 */
export interface Workspace {
  records: DefinitionRecord[];
  registry: Registry;
  /** Published definitions as engine input files (`<kind>/<id>@<version>.json`, the server's naming). */
  files: DefinitionFile[];
  /** Problems of the published set itself (normally none: the server checked them). */
  diagnostics: Diagnostic[];
}

/** The file name the server and the designer give a definition in diagnostics. @example definitionPath('item', 'a', '1.0.0') // 'item/a@1.0.0.json' */
export function definitionPath(kind: string, id: string, version: string): string {
  return `${kind}/${id}@${version}.json`;
}

/** Runs `work` over `inputs`, at most `limit` at a time. */
async function pool<T, R>(inputs: readonly T[], limit: number, work: (input: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await work(inputs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return out;
}

/**
 * Loads every definition version from the server (bodies fetched six at a time; published
 * ones are cached by the client) and builds the registry of the published ones.
 * @example const ws = await loadWorkspace(client); ws.registry.items.size
 */
export async function loadWorkspace(client: DesignerClient): Promise<Workspace> {
  const summaries = await client.list();
  const records = await pool(summaries, 6, (r) => client.get(r.kind, r.id, r.version));
  return workspaceOf(records);
}

/**
 * A workspace over records that carry their bodies.
 * @example workspaceOf(records).registry.bundle('newborn-birth')
 */
export function workspaceOf(records: DefinitionRecord[]): Workspace {
  const files = records
    .filter((r) => r.status === 'published' && r.body !== undefined)
    .map((r) => ({ path: definitionPath(r.kind, r.id, r.version), content: r.body as unknown }));
  const { value: registry, diagnostics } = load(files);
  return { records, registry, files, diagnostics };
}

/** The published versions of one definition, with their bodies. @example publishedVersions(ws, 'bundle', 'newborn-birth').map((v) => v.version) // ['1.0.0'] */
export function publishedVersions(ws: Workspace, kind: DefinitionKind, id: string): Array<{ version: string; body: Json | undefined }> {
  return ws.records.filter((r) => r.kind === kind && r.id === id && r.status === 'published').map((r) => ({ version: r.version, body: r.body }));
}

/** A catalog entry: the newest version of an item or a bundle (a draft when nothing is published). */
export interface CatalogEntry {
  kind: 'item' | 'bundle';
  id: string;
  version: string;
  status: 'draft' | 'published';
  definition: ItemDefinition | BundleDefinition;
  /** Versions of this id, newest first. */
  versions: string[];
}

/**
 * The newest published version of every item and bundle, plus bundles that exist only as drafts.
 * @example catalogEntries(ws).filter((e) => e.kind === 'item').length
 */
export function catalogEntries(ws: Workspace): CatalogEntry[] {
  let entries = catalogCache.get(ws);
  if (!entries) catalogCache.set(ws, (entries = computeCatalog(ws)));
  return entries;
}

// A workspace never changes (reloading makes a new one), so its catalog is computed once.
const catalogCache = new WeakMap<Workspace, CatalogEntry[]>();

function computeCatalog(ws: Workspace): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const byId = new Map<string, DefinitionRecord[]>();
  for (const r of ws.records) {
    if (r.kind !== 'item' && r.kind !== 'bundle') continue;
    const key = `${r.kind}/${r.id}`;
    byId.set(key, [...(byId.get(key) ?? []), r]);
  }
  for (const list of byId.values()) {
    const sorted = [...list].sort((a, b) => compareVersions(b.version, a.version));
    const chosen = sorted.find((r) => r.status === 'published') ?? sorted[0]!;
    if (!isObject(chosen.body)) continue;
    entries.push({
      kind: chosen.kind as 'item' | 'bundle',
      id: chosen.id,
      version: chosen.version,
      status: chosen.status,
      definition: chosen.body as unknown as ItemDefinition | BundleDefinition,
      versions: sorted.map((r) => r.version),
    });
  }
  return entries;
}

/** The concept dictionaries of the registry. @example dictionaries(ws).map((d) => d.id) // ['onething-examples'] */
export function dictionaries(ws: Workspace): ConceptDictionary[] {
  return [...ws.registry.dictionaries.values()].map((d) => d.definition);
}

function compareVersions(a: string, b: string): number {
  return semver.valid(a) && semver.valid(b) ? semver.compare(a, b) : a.localeCompare(b);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
