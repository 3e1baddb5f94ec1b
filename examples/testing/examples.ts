// The example definitions (../definitions) as the tests of several packages use them: the files as
// the server imports them, a bundle composed as the server serves it, and its standalone validator.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileStandalone, compose, load, type ComposedBundle } from '@onething/engine';

/** The folder of the example definitions. */
export const EXAMPLES = fileURLToPath(new URL('../definitions/', import.meta.url));

/**
 * Every example definition file, `{ path, content }` with the path relative to the folder (what
 * `load` and the server's `importDefinitions` take).
 * @example await importDefinitions(store, exampleFiles(), 'seed', new Date())
 */
export function exampleFiles(): Array<{ path: string; content: string }> {
  return readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.json'))
    .sort()
    .map((path) => ({ path, content: readFileSync(join(EXAMPLES, path), 'utf8') }));
}

/**
 * Composes an example bundle (no answers: every item is a candidate; the form switches them live).
 * @example const composed = composeExample('newborn-birth')
 */
export function composeExample(id: 'newborn-birth' | 'open-restaurant'): ComposedBundle {
  const { value: registry } = load(exampleFiles());
  const bundle = registry.bundle(id);
  if (!bundle) throw new Error(`no example bundle ${id}`);
  const { value, diagnostics } = compose(bundle.definition, registry);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`composing ${id}: ${errors.map((d) => d.code).join(', ')}`);
  return value;
}

/**
 * The standalone validator module of a composed bundle (what the server serves next to it).
 * @example writeFileSync('newborn.validator.mjs', validatorSource(composeExample('newborn-birth')))
 */
export function validatorSource(composed: ComposedBundle): string {
  return compileStandalone(composed.schema);
}
