import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Ui } from '../definitions/types.generated.js';
import type { FieldInfo } from '../definitions/fields.js';
import { report } from '../diagnostics/define.js';
import { fieldNotInSection } from '../diagnostics/codes/definition.js';
import { collectFields } from '../definitions/fields.js';
import { text } from '../text.js';
import { allBundles, allItems, itemFields } from './definitions.js';

/**
 * When a ui gives sections, every field should be in one (a warning: the form would not
 * show it). A listed group covers its sub-fields; a listed sub-field covers its group.
 */
export const fieldNotInSectionRule: LintRule = {
  id: 'field-not-in-section',
  description: text('定义了分区时，每个字段都应在某个分区中', 'When sections are given, every field should be in one'),
  codes: [fieldNotInSection],
  check(registry) {
    const found: Diagnostic[] = [];
    const checkSections = (ui: Ui | undefined, fields: FieldInfo[], file: string) => {
      if (!ui?.sections?.length) return;
      const listed = ui.sections.flatMap((s) => s.fields);
      const covered = (path: string) => listed.some((p) => p === path || path.startsWith(`${p}.`) || p.startsWith(`${path}.`));
      const reported: string[] = [];
      for (const field of fields) {
        if (field.inArray || covered(field.path)) continue;
        if (reported.some((p) => field.path.startsWith(`${p}.`))) continue;
        reported.push(field.path);
        found.push(report(fieldNotInSection, { file, pointer: field.pointer }, { field: field.path }));
      }
    };
    for (const { definition: item, file } of allItems(registry)) checkSections(item.ui, itemFields(registry, item), file);
    for (const { definition: bundle, file } of allBundles(registry)) {
      checkSections(bundle.questionsUi, collectFields(bundle.questions, '/questions'), file);
    }
    return found;
  },
};
