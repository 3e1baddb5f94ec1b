import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Ui } from '../definitions/types.generated.js';
import { pointer, report } from '../diagnostics/define.js';
import { uiUnknownField } from '../diagnostics/codes/definition.js';
import { collectFields, fieldLookup } from '../definitions/fields.js';
import { text } from '../text.js';
import { allBundles, allItems, bundleDataLookup, itemFields } from './definitions.js';

type Lookup = { has(path: string): boolean };

/**
 * Every path in a ui — section fields, `ui.fields` and `ui.rules` keys — names a field:
 * of the item's data, of the guidance questions (`questionsUi`), or of the composed
 * bundle data (a bundle's `ui`).
 */
export const uiUnknownFieldRule: LintRule = {
  id: 'ui-unknown-field',
  description: text('界面中的路径必须指向存在的字段', 'Paths in a ui must name existing fields'),
  codes: [uiUnknownField],
  check(registry) {
    const found: Diagnostic[] = [];
    const checkUi = (ui: Ui | undefined, base: string, file: string, lookup: Lookup) => {
      const miss = (field: string, at: string) => {
        if (!lookup.has(field)) found.push(report(uiUnknownField, { file, pointer: at }, { field }));
      };
      (ui?.sections ?? []).forEach((section, s) =>
        section.fields.forEach((field, f) => miss(field, pointer(base, 'sections', s, 'fields', f))),
      );
      for (const field of Object.keys(ui?.fields ?? {})) miss(field, pointer(base, 'fields', field));
      for (const field of Object.keys(ui?.rules ?? {})) miss(field, pointer(base, 'rules', field));
    };
    for (const { definition: item, file } of allItems(registry)) {
      checkUi(item.ui, 'ui', file, fieldLookup(itemFields(registry, item)));
    }
    for (const { definition: bundle, file } of allBundles(registry)) {
      checkUi(bundle.questionsUi, 'questionsUi', file, fieldLookup(collectFields(bundle.questions, '/questions')));
      const data = bundleDataLookup(registry, bundle);
      if (data) checkUi(bundle.ui, 'ui', file, data);
    }
    return found;
  },
};
