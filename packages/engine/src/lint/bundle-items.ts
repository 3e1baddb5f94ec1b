import semver from 'semver';
import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { pointer, report } from '../diagnostics/define.js';
import { duplicateBundleItem, invalidVersionRange, itemVersionUnmatched, unknownItem } from '../diagnostics/codes/definition.js';
import { rejectedIds } from '../definitions/registry.js';
import { text } from '../text.js';
import { allBundles } from './definitions.js';

/** Every bundle entry names a loaded item, once, with a valid semver range that some loaded version satisfies. */
export const bundleItemsRule: LintRule = {
  id: 'bundle-items',
  description: text('组合中的每个事项都须已载入且有符合版本范围的版本', 'Every item of a bundle is loaded in a version its range accepts'),
  codes: [unknownItem, duplicateBundleItem, itemVersionUnmatched, invalidVersionRange],
  check(registry) {
    const rejected = rejectedIds(registry).items;
    const found: Diagnostic[] = [];
    for (const { definition, file } of allBundles(registry)) {
      const listed = new Map<string, number>();
      definition.items.forEach((entry, i) => {
        const first = listed.get(entry.item);
        if (first !== undefined) {
          found.push(report(duplicateBundleItem, { file, pointer: pointer('items', i, 'item') }, { item: entry.item, first }));
          return;
        }
        listed.set(entry.item, i);
        if (semver.validRange(entry.version) === null) {
          found.push(report(invalidVersionRange, { file, pointer: pointer('items', i, 'version') }, { range: entry.version }));
          return;
        }
        const versions = registry.items.get(entry.item);
        if (!versions) {
          if (!rejected.has(entry.item)) found.push(report(unknownItem, { file, pointer: pointer('items', i, 'item') }, { item: entry.item }));
          return;
        }
        if (!registry.resolveItem(entry.item, entry.version)) {
          found.push(
            report(itemVersionUnmatched, { file, pointer: pointer('items', i, 'version') }, {
              item: entry.item,
              range: entry.version,
              versions: [...versions.keys()].sort(semver.compare).join(', '),
            }),
          );
        }
      });
      (definition.flow?.migrations ?? []).forEach((range, i) => {
        if (semver.validRange(range) === null) {
          found.push(report(invalidVersionRange, { file, pointer: pointer('flow', 'migrations', i) }, { range }));
        }
      });
    }
    return found;
  },
};
