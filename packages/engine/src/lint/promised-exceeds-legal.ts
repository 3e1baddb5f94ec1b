import type { LintRule } from './types.js';
import { report } from '../diagnostics/define.js';
import { promisedExceedsLegal } from '../diagnostics/codes/definition.js';
import { text } from '../text.js';
import { allItems } from './definitions.js';

/** The promised time limit (承诺时限) is at most the statutory one (法定时限). */
export const promisedExceedsLegalRule: LintRule = {
  id: 'promised-exceeds-legal',
  description: text('承诺时限不得超过法定时限', 'The promised time limit must not exceed the statutory one'),
  codes: [promisedExceedsLegal],
  check(registry) {
    return allItems(registry)
      .filter(({ definition: { limits } }) => limits.promisedDays > limits.legalDays)
      .map(({ definition: { limits }, file }) =>
        report(promisedExceedsLegal, { file, pointer: '/limits/promisedDays' }, { promised: limits.promisedDays, legal: limits.legalDays }),
      );
  },
};
