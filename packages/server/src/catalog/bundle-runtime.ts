import {
  compileStandalone,
  compose,
  createApplicationFlow,
  createValidator,
  type BundleDefinition,
  type JsonSchema,
  type Loaded,
  type Registry,
} from '@onething/engine';
import { canonicalHash } from '../util/hash.js';
import { CatalogError, type BundleRef, type BundleRuntime } from './catalog.js';

/** URL path of the standalone validators' runtime module, served by the catalog routes. */
export const STANDALONE_RUNTIME_PATH = '/api/assets/onething-standalone.js';

/**
 * A registry view that resolves each pinned item to its exact version (so a running
 * application keeps the items it started with when newer ones are published).
 * @example pinRegistry(registry, { 'birth-medical-certificate': '1.0.0' })
 */
export function pinRegistry(registry: Registry, pins: Record<string, string>): Registry {
  return {
    ...registry,
    resolveItem(id, range) {
      const version = pins[id];
      return version === undefined ? registry.resolveItem(id, range) : registry.items.get(id)?.get(version);
    },
    bundle: (id, version) => registry.bundle(id, version),
  };
}

/** The questions schema without top-level `required` (requiredness is checked by the runtime). */
function shapeOfQuestions(questions: JsonSchema): JsonSchema {
  const { required: _required, ...rest } = questions;
  return rest;
}

/**
 * Composes a bundle, builds its flow and validators. Throws `CatalogError` when the
 * published definitions do not compose (the server refuses such a bundle rather than
 * running half of it).
 * @example const runtime = buildRuntime(registry.bundle('newborn-birth')!, registry, {});
 */
export function buildRuntime(loaded: Loaded<BundleDefinition>, registry: Registry, pins: Record<string, string>): BundleRuntime {
  const view = pinRegistry(registry, pins);
  const composedResult = compose(loaded, view, null);
  const errors = composedResult.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new CatalogError(`bundle ${loaded.definition.id}@${loaded.definition.version} does not compose`, errors);
  const composed = composedResult.value;
  const flowResult = createApplicationFlow(composed, view);
  const flow = flowResult.value;
  if (!flow) throw new CatalogError(`bundle ${loaded.definition.id}@${loaded.definition.version} has no runnable flow`, flowResult.diagnostics);
  const ref: BundleRef = {
    id: loaded.definition.id,
    version: loaded.definition.version,
    items: Object.fromEntries(composed.items.map((i) => [i.id, i.version])),
  };
  let module: string | undefined;
  return {
    ref,
    loaded,
    composed,
    etag: `"${canonicalHash(composed)}"`,
    flow,
    hash: flow.definition.hash,
    validateShape: createValidator(composed.schema),
    validateAnswers: createValidator(shapeOfQuestions(composed.questions)),
    validatorModule() {
      module ??= compileStandalone(composed.schema, { runtime: STANDALONE_RUNTIME_PATH });
      return module;
    },
  };
}

/** The cache key of a runtime. */
export function refKey(ref: BundleRef): string {
  const items = Object.entries(ref.items)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, v]) => `${id}@${v}`)
    .join(',');
  return `${ref.id}@${ref.version}|${items}`;
}
