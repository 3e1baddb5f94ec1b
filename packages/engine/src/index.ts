/**
 * @onething/engine — the pure interpreter of onething definitions.
 * No DOM, no I/O: runs unchanged in Node, a browser and a worker.
 * Browser forms import the lighter `@onething/engine/runtime` instead.
 */
export type * from './definitions/types.generated.js';
export type { Json, JsonSchema, Rule } from './json.js';
export { LOCALES, localize, text, type Locale } from './text.js';
export * from './diagnostics/index.js';
export type * from './compose/types.js';
export type * from './flow/types.js';
export { load, MAX_JSON_DEPTH, type DefinitionFile, type LoadOptions } from './definitions/load.js';
export { hashDefinition } from './definitions/hash.js';
export { definitionId } from './definitions/id.js';
export type { Registry, Loaded, LoadedConcept, LoadedELicense } from './definitions/registry-types.js';
export { lint, lintRules, type LintRule } from './lint/index.js';
export * from './rules/index.js';
export { lintRule, MAX_RULE_NODES } from './rules/check.js';
export * from './validate/index.js';
export * from './versioning/index.js';
export * from './flow/index.js';
export { compose, type ComposeOptions } from './compose/compose.js';
export { metrics, reduction } from './metrics/metrics.js';
export type { Metrics, Reduction } from './metrics/types.js';
export { activeItems } from './runtime/activation.js';
export { createFormState, type FormState, type FormStateOptions, type FormChanges, type FormSnapshot, type FormUpdate } from './runtime/form-state.js';
export { project, unproject } from './runtime/projection.js';
export { checkSubmission, errorLocation, type CheckOptions, type CheckResult } from './runtime/submission.js';
export { fieldTitle, type FieldTitleOptions } from './runtime/titles.js';
export * from './overlay/index.js';
export * from './package/index.js';
