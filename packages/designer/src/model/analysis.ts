import {
  compose,
  load,
  metrics,
  type BundleDefinition,
  type ComposedBundle,
  type DefinitionFile,
  type Diagnostic,
  type ItemDefinition,
  type Loaded,
  type Metrics,
  type Registry,
} from '@onething/engine';
import { definitionPath, type Workspace } from './workspace.js';

/** What the composer shows live for a bundle being edited. */
export interface BundleAnalysis {
  /** The merged form; absent while the bundle definition itself is malformed. */
  composed?: ComposedBundle;
  /** Lint and composition problems of this bundle (errors first), each reported once. */
  diagnostics: Diagnostic[];
  /** The reductions (all candidate items counted). */
  metrics?: Metrics;
  /** Each bundle entry resolved against the published items (undefined: nothing matches). */
  resolved: Array<Loaded<ItemDefinition> | undefined>;
  /** The registry the bundle was checked in (published concepts and items plus this bundle). */
  registry: Registry;
  /** The bundle's file name in diagnostics. */
  file: string;
}

/**
 * Checks and composes a bundle being edited, against the published definitions: the engine's
 * meta-schema and lint rules (only those of this bundle are kept) and `compose` (concept
 * conflicts, unknown items, materials) — then the reduction metrics. Never throws.
 * @example const { composed, diagnostics, metrics } = analyseBundle(draft, workspace);
 */
export function analyseBundle(draft: BundleDefinition, ws: Workspace): BundleAnalysis {
  const file = definitionPath('bundle', String(draft.id), String(draft.version));
  const wanted = new Set((Array.isArray(draft.items) ? draft.items : []).map((e) => e?.item));
  // Only what the bundle can reach: every dictionary and the items it names (all versions).
  const files: DefinitionFile[] = ws.files.filter((f) => f.path.startsWith('concepts/') || (f.path.startsWith('item/') && wanted.has(f.path.slice(5, f.path.lastIndexOf('@')))));
  const { value: registry, diagnostics: loaded } = load([...files, { path: file, content: draft }]);
  const mine = (d: Diagnostic) => d.file === file || d.file === undefined || d.related?.some((r) => r.file === file);
  const diagnostics = loaded.filter(mine);
  const bundle = registry.bundle(String(draft.id), String(draft.version));
  const entries = Array.isArray(draft.items) ? draft.items : [];
  const resolved = entries.map((e) => (e && typeof e.item === 'string' && typeof e.version === 'string' ? safe(() => registry.resolveItem(e.item, e.version)) : undefined));
  if (!bundle) return { diagnostics: ordered(diagnostics), resolved, registry, file };
  const result = compose(bundle, registry);
  const all = dedupe([...diagnostics, ...result.diagnostics]);
  return { composed: result.value, diagnostics: ordered(all), metrics: metrics(result.value), resolved, registry, file };
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.file ?? ''}|${d.pointer}|${d.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function ordered(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
