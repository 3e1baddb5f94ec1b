import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { BundleDefinition, ItemDefinition } from '../definitions/types.generated.js';
import type { Registry } from '../definitions/registry-types.js';
import { report } from '../diagnostics/define.js';
import { ruleUnknownField } from '../diagnostics/codes/definition.js';
import { collectFields, fieldLookup } from '../definitions/fields.js';
import { text } from '../text.js';
import { bundleDataLookup, itemFields, rulesOf, type RuleScope } from './definitions.js';
import { locateReads } from './rule-reads.js';

type Lookup = { has(path: string): boolean };

const SCOPES = {
  item: text('事项数据', "the item's data"),
  questions: text('情形引导问题', 'the guidance questions'),
  bundle: text('组合表单数据或情形引导问题', "the bundle's data or guidance questions"),
} as const;

/**
 * A rule (ui.rules visible/required/value, a material's `when`, a bundle item's `when`)
 * may only read fields that exist where it is evaluated: the item's data, the guidance
 * questions, or — for a bundle's own ui — the composed bundle data (or the questions).
 */
export const ruleUnknownFieldRule: LintRule = {
  id: 'rule-unknown-field',
  description: text('规则只能读取存在的字段', 'Rules may only read fields that exist'),
  codes: [ruleUnknownField],
  check(registry) {
    const lookups = new Map<ItemDefinition | BundleDefinition, Partial<Record<RuleScope, Lookup | null>>>();
    const lookupFor = (scope: RuleScope, owner: ItemDefinition | BundleDefinition): Lookup | null => {
      const cached = lookups.get(owner) ?? {};
      lookups.set(owner, cached);
      return (cached[scope] ??= buildLookup(registry, scope, owner));
    };
    const found: Diagnostic[] = [];
    for (const { rule, file, pointer, scope, item, bundle } of rulesOf(registry)) {
      const lookup = lookupFor(scope, (item ?? bundle)!);
      if (!lookup) continue; // a bundle whose items do not all resolve: bundle-items reports that
      for (const read of locateReads(rule, pointer)) {
        if (!lookup.has(read.path)) found.push(report(ruleUnknownField, { file, pointer: read.pointer }, { field: read.path, scope: SCOPES[scope] }));
      }
    }
    return found;
  },
};

function buildLookup(registry: Registry, scope: RuleScope, owner: ItemDefinition | BundleDefinition): Lookup | null {
  if (scope === 'item') return fieldLookup(itemFields(registry, owner as ItemDefinition));
  const bundle = owner as BundleDefinition;
  const questions = fieldLookup(collectFields(bundle.questions, '/questions'));
  if (scope === 'questions') return questions;
  const data = bundleDataLookup(registry, bundle);
  return data ? { has: (path) => data.has(path) || questions.has(path) } : null;
}
