import type { Registry } from '../definitions/registry-types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { LintRule } from './types.js';
import { report } from '../diagnostics/define.js';
import { lintRuleFailed } from '../diagnostics/codes/definition.js';
import { bundleItemsRule } from './bundle-items.js';
import { conceptInArrayRule } from './concept-in-array.js';
import { conceptNamespaceCollisionRule } from './concept-namespace-collision.js';
import { dataReferenceRule } from './data-reference.js';
import { fieldNotInSectionRule } from './field-not-in-section.js';
import { flowCatalogRule } from './flow-catalog.js';
import { flowEventRolesRule } from './flow-event-roles.js';
import { flowFinalStateRule } from './flow-final-state.js';
import { flowInitialRule } from './flow-initial.js';
import { flowReachabilityRule } from './flow-reachability.js';
import { flowTargetsRule } from './flow-targets.js';
import { flowTimeoutRule } from './flow-timeout.js';
import { jsonSchemaValidityRule } from './json-schema-validity.js';
import { overlayBaseRule } from './overlay-base.js';
import { patternSafetyRule } from './pattern-safety.js';
import { promisedExceedsLegalRule } from './promised-exceeds-legal.js';
import { propertyNamesRule } from './property-names.js';
import { ruleSyntaxRule } from './rule-syntax.js';
import { ruleUnknownFieldRule } from './rule-unknown-field.js';
import { schemaRefsRule } from './schema-refs.js';
import { schemaSizeRule } from './schema-size.js';
import { uiUnknownFieldRule } from './ui-unknown-field.js';
import { unknownConceptRule } from './unknown-concept.js';
import { unknownELicenseRule } from './unknown-e-license.js';
import { unknownRegionRule } from './unknown-region.js';

export type { LintRule } from './types.js';

/**
 * The lint rules `load` runs after the meta-schemas, in order. Each is a descriptor
 * (id, description, codes) the designer can list; a region can run its own beside them.
 * Duplicate ids are found by `load` while indexing (a registry cannot hold both).
 */
export const lintRules: ReadonlyArray<LintRule> = [
  // data schemas
  jsonSchemaValidityRule,
  schemaSizeRule,
  dataReferenceRule,
  schemaRefsRule,
  propertyNamesRule,
  patternSafetyRule,
  // concepts and references between definitions
  unknownConceptRule,
  conceptInArrayRule,
  unknownELicenseRule,
  conceptNamespaceCollisionRule,
  bundleItemsRule,
  overlayBaseRule,
  // fields, rules and ui
  ruleSyntaxRule,
  ruleUnknownFieldRule,
  uiUnknownFieldRule,
  fieldNotInSectionRule,
  promisedExceedsLegalRule,
  unknownRegionRule,
  // item charts
  flowInitialRule,
  flowTargetsRule,
  flowReachabilityRule,
  flowFinalStateRule,
  flowEventRolesRule,
  flowTimeoutRule,
  flowCatalogRule,
];

/**
 * Runs lint rules over a registry (all of `lintRules` unless given). A rule that fails
 * yields a `lint-rule-failed` diagnostic instead of throwing.
 * @example lint(load(files, { lint: false }).value).filter((d) => d.severity === 'error')
 */
export function lint(registry: Registry, rules: ReadonlyArray<LintRule> = lintRules): Diagnostic[] {
  return rules.flatMap((rule) => {
    try {
      return rule.check(registry);
    } catch (error) {
      return [report(lintRuleFailed, { pointer: '' }, { rule: rule.id, message: error instanceof Error ? error.message : String(error) })];
    }
  });
}
