// The example bundles (examples/definitions), loaded and composed with the engine — the same
// composed bundles the server serves — plus their precompiled standalone validators.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileStandalone, compose, load, type ComposedBundle } from '@onething/engine';

const root = fileURLToPath(new URL('../../../examples/definitions/', import.meta.url));

/**
 * Composes an example bundle (no answers: every item is a candidate; the form switches them live).
 * @example const composed = composeExample('newborn-birth')
 */
export function composeExample(id: 'newborn-birth' | 'open-restaurant'): ComposedBundle {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.json'))
    .map((path) => ({ path: relative(root, join(root, path)), content: readFileSync(join(root, path), 'utf8') }));
  const { value: registry } = load(files);
  const bundle = registry.bundle(id);
  if (!bundle) throw new Error(`no example bundle ${id}`);
  const { value, diagnostics } = compose(bundle.definition, registry);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`composing ${id}: ${errors.map((d) => d.code).join(', ')}`);
  return value;
}

/** The standalone validator module of a composed bundle (what the server serves next to it). */
export function validatorSource(composed: ComposedBundle): string {
  return compileStandalone(composed.schema);
}
