import semver from 'semver';
import { checkVersion, hashDefinition, load, type Diagnostic, type Json } from '@onething/engine';
import type { Store } from '../store/port.js';
import type { DefinitionKind, DefinitionRecord } from '../store/types.js';
import { definitionPath } from './store-catalog.js';

/**
 * Checks one definition in the company of every published one (so references to concepts
 * and items resolve): the engine's meta-schemas and lint rules. Returns the diagnostics of
 * that definition (errors and warnings).
 * @example const problems = await checkDefinition(store, record)
 */
export async function checkDefinition(store: Store, candidate: Pick<DefinitionRecord, 'kind' | 'id' | 'version' | 'body'>): Promise<Diagnostic[]> {
  const published = (await store.listDefinitions({ status: 'published' })).filter(
    (r) => !(r.kind === candidate.kind && r.id === candidate.id && r.version === candidate.version),
  );
  const path = definitionPath(candidate);
  const { diagnostics } = load([...published.map((r) => ({ path: definitionPath(r), content: r.body })), { path, content: candidate.body }]);
  return diagnostics.filter((d) => d.file === path || d.related?.some((r) => r.file === path));
}

/**
 * The semver check of a version about to be published, against the highest published
 * version below it (so a fix to an older line, 1.4.1 after 2.0.0, is compared with 1.4.0).
 */
export async function checkNewVersion(store: Store, candidate: Pick<DefinitionRecord, 'kind' | 'id' | 'version' | 'body'>) {
  const published = await store.listDefinitions({ kind: candidate.kind, id: candidate.id, status: 'published' });
  const below = published.filter((r) => semver.valid(r.version) && semver.lt(r.version, candidate.version)).sort((a, b) => semver.compare(a.version, b.version));
  const previous = below.at(-1);
  return previous ? checkVersion(previous.body, candidate.body, definitionPath(candidate)) : null;
}

/** What importing a directory did. */
export interface ImportReport {
  created: number;
  unchanged: number;
  diagnostics: Diagnostic[];
}

/**
 * Imports definition files into the store as published versions (the demo, `--definitions`).
 * Files with errors are reported and skipped; a version that exists with other content is
 * reported (`definition-published`) and left as it is — published versions never change.
 * @example await importDefinitions(store, await readDefinitionDir('examples/definitions', cwd), 'import', new Date())
 */
export async function importDefinitions(store: Store, files: Array<{ path: string; content: unknown }>, by: string, now: Date): Promise<ImportReport> {
  const { value: registry, diagnostics } = load(files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const broken = new Set(errors.map((d) => d.file));
  const report: ImportReport = { created: 0, unchanged: 0, diagnostics: errors };
  const at = now.toISOString();
  const all: Array<{ kind: DefinitionKind; file: string; definition: unknown }> = [];
  for (const d of registry.dictionaries.values()) all.push({ kind: 'concepts', file: d.file, definition: d.definition });
  for (const versions of registry.items.values()) for (const d of versions.values()) all.push({ kind: 'item', file: d.file, definition: d.definition });
  for (const versions of registry.bundles.values()) for (const d of versions.values()) all.push({ kind: 'bundle', file: d.file, definition: d.definition });
  for (const versions of registry.overlays.values()) for (const d of versions.values()) all.push({ kind: 'overlay', file: d.file, definition: d.definition });
  for (const entry of all) {
    if (broken.has(entry.file)) continue;
    const body = entry.definition as { id: string; version: string };
    try {
      const { created } = await store.importPublished({
        kind: entry.kind,
        id: body.id,
        version: body.version,
        body: body as unknown as Json,
        hash: hashDefinition(body),
        createdAt: at,
        updatedAt: at,
        publishedAt: at,
        createdBy: by,
        publishedBy: by,
      });
      if (created) report.created++;
      else report.unchanged++;
    } catch (error) {
      report.diagnostics.push({
        code: 'definition-published',
        severity: 'error',
        file: entry.file,
        pointer: '/version',
        message: { 'zh-CN': `${body.id}@${body.version} 已以不同内容发布，未导入`, en: `${body.id}@${body.version} is published with other content; not imported (${(error as Error).message})` },
      });
    }
  }
  return report;
}
