import type { ActionDescriptor, GuardDescriptor } from './types.js';
import { ruleGuard } from './guards/rule.js';
import { assignAction } from './actions/assign.js';
import { notifyAction } from './actions/notify.js';
import { setDeadlineAction } from './actions/set-deadline.js';
import { clearDeadlineAction } from './actions/clear-deadline.js';
import { requestSupplementAction } from './actions/request-supplement.js';
import { applySupplementAction } from './actions/apply-supplement.js';

export type { ActionDescriptor, CatalogArgs, EffectSink, GuardDescriptor, RuleScope } from './types.js';

/** Every guard an item chart may name, for the linter and the designer. */
export const flowGuards: ReadonlyArray<GuardDescriptor> = [ruleGuard];

/** Every action an item chart may name, for the linter and the designer. */
export const flowActions: ReadonlyArray<ActionDescriptor> = [
  assignAction,
  notifyAction,
  setDeadlineAction,
  clearDeadlineAction,
  requestSupplementAction,
  applySupplementAction,
];

/** Guards by type. */
export const guardCatalog: ReadonlyMap<string, GuardDescriptor> = new Map(flowGuards.map((g) => [g.type, g]));
/** Actions by type. */
export const actionCatalog: ReadonlyMap<string, ActionDescriptor> = new Map(flowActions.map((a) => [a.type, a]));
