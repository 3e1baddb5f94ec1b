import { hashDefinition, load, type BundleDefinition, type Diagnostic, type Json } from '@onething/engine';
import type { DefinitionKind } from '../api/client.js';
import type { PackageFile } from './package-codecs.js';
import { analyseBundle } from './analysis.js';
import type { Workspace } from './workspace.js';

const KIND_DIR: Record<DefinitionKind, string> = { concepts: 'concepts', item: 'items', bundle: 'bundles', overlay: 'overlays' };
const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The files of a bundle export: the bundle, every item its ranges resolve to (the published
 * versions it composes from) and the concept dictionaries, laid out like examples/definitions
 * (`bundles/`, `items/`, `concepts/`) so `onething lint` reads the unpacked folder.
 * @example exportFiles(draft, ws).map((f) => f.path) // ['bundles/newborn-birth.json', 'items/…', 'concepts/onething-examples.json']
 */
export function exportFiles(bundle: BundleDefinition, ws: Workspace): PackageFile[] {
  const { resolved, registry } = analyseBundle(bundle, ws);
  const files: PackageFile[] = [{ path: `bundles/${bundle.id}.json`, text: pretty(bundle) }];
  for (const item of resolved) if (item) files.push({ path: `items/${item.definition.id}.json`, text: pretty(item.definition) });
  for (const d of registry.dictionaries.values()) files.push({ path: `concepts/${d.definition.id}.json`, text: pretty(d.definition) });
  return files;
}

/** One definition found in an import, and what importing it would do. */
export interface ImportEntry {
  file: string;
  kind: DefinitionKind;
  id: string;
  version: string;
  definition: Json;
  /** `new`: not on the server; `same`: published with this content; `conflict`: published with other content. */
  status: 'new' | 'same' | 'conflict';
}

/** The check of an import: what it holds and every problem, by file. */
export interface ImportCheck {
  entries: ImportEntry[];
  diagnostics: Diagnostic[];
  /** True when nothing is wrong (no error diagnostics, no conflicting version). */
  acceptable: boolean;
}

const ORDER: Record<DefinitionKind, number> = { concepts: 0, item: 1, overlay: 2, bundle: 3 };

/**
 * Checks dropped definition files in the company of the published ones (so references
 * resolve either way) with the engine's `load` — meta-schemas and lint — and says which are
 * new. Definitions come back in publishing order: dictionaries, items, overlays, bundles.
 * @example const { acceptable, diagnostics } = checkImport([{ path: 'items/a.json', text }], ws)
 */
export function checkImport(files: PackageFile[], ws: Workspace): ImportCheck {
  const names = new Set(files.map((f) => f.path));
  const incoming = files.map((f) => ({ path: f.path, content: f.text }));
  const parsed = load(incoming, { lint: false }).value;
  // Published versions the import replaces (same kind, id and version) stay out, or they would clash.
  const replaced = new Set<string>();
  const entries: ImportEntry[] = [];
  const published = new Map(ws.records.filter((r) => r.status === 'published').map((r) => [`${r.kind}/${r.id}@${r.version}`, r]));
  const add = (kind: DefinitionKind, loaded: { definition: unknown; file: string; hash: string }) => {
    const d = loaded.definition as { id: string; version?: string };
    const version = d.version ?? '';
    const key = `${kind}/${d.id}@${version}`;
    const existing = published.get(key);
    replaced.add(key);
    entries.push({ file: loaded.file, kind, id: d.id, version, definition: d as unknown as Json, status: !existing ? 'new' : existing.hash === loaded.hash || existing.hash === hashDefinition(d) ? 'same' : 'conflict' });
  };
  for (const d of parsed.dictionaries.values()) add('concepts', d);
  for (const versions of parsed.items.values()) for (const d of versions.values()) add('item', d);
  for (const versions of parsed.overlays.values()) for (const d of versions.values()) add('overlay', d);
  for (const versions of parsed.bundles.values()) for (const d of versions.values()) add('bundle', d);
  entries.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.id.localeCompare(b.id));

  const base = ws.files.filter((f) => !replaced.has(f.path.replace(/\.json$/, '')));
  const { diagnostics: all } = load([...base, ...incoming]);
  const diagnostics = all.filter((d) => (d.file !== undefined && names.has(d.file)) || d.related?.some((r) => r.file !== undefined && names.has(r.file)));
  const conflicts: Diagnostic[] = entries
    .filter((e) => e.status === 'conflict')
    .map((e) => ({
      code: 'definition-published',
      severity: 'error' as const,
      file: e.file,
      pointer: '/version',
      message: {
        'zh-CN': `${e.id}@${e.version} 已以不同内容发布；已发布的版本不可修改，请使用新的版本号`,
        en: `${e.id}@${e.version} is published with other content; published versions never change, so give this one a new version`,
      },
    }));
  const problems = [...conflicts, ...diagnostics];
  return { entries, diagnostics: problems, acceptable: entries.length > 0 && !problems.some((d) => d.severity === 'error') };
}
