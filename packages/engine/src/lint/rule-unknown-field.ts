import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Ui } from '../definitions/types.generated.js';
import { pointer, report } from '../diagnostics/define.js';
import { ruleUnknownField } from '../diagnostics/codes/definition.js';
import { collectFields, fieldLookup } from '../definitions/fields.js';
import { text, type Text } from '../text.js';
import { allBundles, allItems, bundleDataLookup, itemFields } from './definitions.js';
import { collectReads } from './rule-reads.js';

type Lookup = { has(path: string): boolean };

const ITEM_DATA = text('事项数据', "the item's data");
const QUESTIONS = text('情形引导问题', 'the guidance questions');
const BUNDLE_DATA = text('组合表单数据或情形引导问题', "the bundle's data or guidance questions");

/**
 * A rule (ui.rules visible/required/value, a material's `when`, a bundle item's `when`)
 * may only read fields that exist where it is evaluated.
 */
export const ruleUnknownFieldRule: LintRule = {
  id: 'rule-unknown-field',
  description: text('规则只能读取存在的字段', 'Rules may only read fields that exist'),
  codes: [ruleUnknownField],
  check(registry) {
    const found: Diagnostic[] = [];
    const check = (rule: unknown, at: string, file: string, lookup: Lookup, scope: Text) => {
      for (const read of collectReads(rule, at)) {
        if (!lookup.has(read.path)) found.push(report(ruleUnknownField, { file, pointer: read.pointer }, { field: read.path, scope }));
      }
    };
    const checkUi = (ui: Ui | undefined, base: string, file: string, lookup: Lookup, scope: Text) => {
      for (const [path, rules] of Object.entries(ui?.rules ?? {})) {
        for (const kind of ['visible', 'required', 'value'] as const) {
          if (rules && kind in rules) check(rules[kind], pointer(base, 'rules', path, kind), file, lookup, scope);
        }
      }
    };

    for (const { definition: item, file } of allItems(registry)) {
      const lookup = fieldLookup(itemFields(registry, item));
      checkUi(item.ui, 'ui', file, lookup, ITEM_DATA);
      item.materials.forEach((material, i) => {
        if ('when' in material) check(material.when, pointer('materials', i, 'when'), file, lookup, ITEM_DATA);
      });
    }
    for (const { definition: bundle, file } of allBundles(registry)) {
      const questions = fieldLookup(collectFields(bundle.questions, '/questions', (id) => registry.concepts.get(id)?.concept.schema));
      bundle.items.forEach((entry, i) => {
        if ('when' in entry) check(entry.when, pointer('items', i, 'when'), file, questions, QUESTIONS);
      });
      checkUi(bundle.questionsUi, 'questionsUi', file, questions, QUESTIONS);
      const data = bundleDataLookup(registry, bundle);
      if (data) checkUi(bundle.ui, 'ui', file, { has: (path) => data.has(path) || questions.has(path) }, BUNDLE_DATA);
    }
    return found;
  },
};
