import type { Diagnostic } from '../diagnostics/types.js';
import type { Registry } from '../definitions/registry-types.js';
import type { BundleDefinition, ItemDefinition } from '../definitions/types.generated.js';
import { report } from '../diagnostics/define.js';
import { invalidDefinition } from '../diagnostics/codes/definition.js';
import { validateDefinition } from '../definitions/meta-validate.js';
import { createRegistryBuilder, rejectedIds } from '../definitions/registry.js';
import { hashDefinition } from '../definitions/hash.js';
import { lint } from '../lint/index.js';

/**
 * Checks an adapted definition as `load` would: its meta-schema, then every lint rule in a copy
 * of `registry` where it takes the place of any definition of the same kind, id and version
 * (or loaded from the same file). Returns the diagnostics about `file` only.
 * @example checkAdapted(adapted, registry, 'adapted/xinyang-household-registration.json')
 */
export function checkAdapted(definition: ItemDefinition | BundleDefinition, registry: Registry, file: string, withLint = true): Diagnostic[] {
  const problems = validateDefinition(definition.kind, definition);
  if (problems.length) return problems.slice(0, 20).map((p) => report(invalidDefinition, { file, pointer: p.pointer }, { problem: p.problem }));
  if (!withLint) return [];
  const builder = createRegistryBuilder();
  const rejected = rejectedIds(registry);
  for (const key of ['items', 'bundles', 'concepts', 'eLicenses'] as const) for (const id of rejected[key]) builder.rejected[key].add(id);
  const same = (loaded: { definition: { id: string; version: string }; file: string }) =>
    loaded.file === file || (loaded.definition.id === definition.id && loaded.definition.version === definition.version);
  for (const loaded of registry.dictionaries.values()) builder.add('concepts', loaded);
  for (const concept of registry.concepts.values()) builder.addConcept(concept);
  for (const type of registry.eLicenses.values()) builder.addELicense(type);
  for (const versions of registry.items.values()) {
    for (const loaded of versions.values()) if (!(definition.kind === 'item' && same(loaded))) builder.add('item', loaded);
  }
  for (const versions of registry.bundles.values()) {
    for (const loaded of versions.values()) if (!(definition.kind === 'bundle' && same(loaded))) builder.add('bundle', loaded);
  }
  builder.add(definition.kind, { definition, file, hash: hashDefinition(definition) });
  return lint(builder.registry).filter((d) => d.file === file || (d.file === undefined && d.code === 'lint-rule-failed'));
}
