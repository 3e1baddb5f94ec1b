import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { flowUnknownTarget } from '../diagnostics/codes/flow.js';
import { text } from '../text.js';
import { allItems } from './definitions.js';
import { flowModel } from './flow-model.js';

/**
 * Every transition target resolves as XState v5 resolves it: a plain key names a sibling
 * of the source state, `.key` a child, `#machine.a.b` a state by id. On the chart's root,
 * a plain key is an error in XState (it means `.key`).
 */
export const flowTargetsRule: LintRule = {
  id: 'flow-targets',
  description: text('转换目标必须是存在的状态', 'Transition targets must be existing states'),
  codes: [flowUnknownTarget],
  check(registry) {
    const found: Diagnostic[] = [];
    for (const { definition, file } of allItems(registry)) {
      const model = flowModel(definition.flow, '/flow');
      for (const { source, targets } of model.transitions) {
        for (const { target, pointer } of targets) {
          if (!model.resolve(source, target)) {
            found.push(report(flowUnknownTarget, { file, pointer }, { target, hint: model.hint(source, target) }));
          }
        }
      }
    }
    return found;
  },
};
