import semver from 'semver';
import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { invalidVersionRange, overlayUnknownBase } from '../diagnostics/codes/definition.js';
import { text } from '../text.js';
import { allOverlays } from './definitions.js';

/** An overlay's base should be loaded so it can be applied (a warning: bases may be imported later). */
export const overlayBaseRule: LintRule = {
  id: 'overlay-base',
  description: text('叠加层的基础定义应已载入', "An overlay's base definition should be loaded"),
  codes: [overlayUnknownBase, invalidVersionRange],
  check(registry) {
    const found: Diagnostic[] = [];
    for (const { definition, file } of allOverlays(registry)) {
      const { kind, id, version: range } = definition.base;
      if (semver.validRange(range) === null) {
        found.push(report(invalidVersionRange, { file, pointer: '/base/version' }, { range }));
        continue;
      }
      const versions = (kind === 'item' ? registry.items : registry.bundles).get(id);
      const match = versions && semver.maxSatisfying([...versions.keys()], range);
      if (!match) found.push(report(overlayUnknownBase, { file, pointer: '/base' }, { kind, id, range }));
    }
    return found;
  },
};
