import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { flowEventWithoutRoles } from '../diagnostics/codes/flow.js';
import { text } from '../text.js';
import { allItems } from './definitions.js';
import { flowModel } from './flow-model.js';

/**
 * Every transition taken on an event names the roles that may send it (`meta.roles`);
 * without them no one could. Eventless (`always`) transitions need none.
 */
export const flowEventRolesRule: LintRule = {
  id: 'flow-event-roles',
  description: text('事件转换须声明可发送的角色', 'Event transitions must name the roles that may send them'),
  codes: [flowEventWithoutRoles],
  check(registry) {
    const found: Diagnostic[] = [];
    for (const { definition, file } of allItems(registry)) {
      for (const { event, transition, pointer } of flowModel(definition.flow, '/flow').transitions) {
        if (event !== undefined && !transition.meta?.roles?.length) {
          found.push(report(flowEventWithoutRoles, { file, pointer }, { event }));
        }
      }
    }
    return found;
  },
};
