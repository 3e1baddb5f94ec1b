/**
 * The flow runtime: item charts and the generated bundle orchestration as XState v5
 * machines, driven by a pure step function over plain-JSON snapshots. See docs/flows.md.
 */
export { createApplicationFlow, ORCHESTRATION_VERSION } from './create.js';
export { start, step, deadlineEvent, type StepOptions } from './step.js';
export { availableEvents, eventTitles, stateTitles, type AvailableEvent, type AvailableBranch } from './events.js';
export { isRefusal, refusal, refusalMessages, refusalStatus } from './refusals.js';
export { flowGuards, flowActions, guardCatalog, actionCatalog } from './catalog/index.js';
export type { ActionDescriptor, GuardDescriptor, CatalogArgs, EffectSink, RuleScope } from './catalog/index.js';
export { chinaCalendar, dueAfter, daysBetween, isWorkingDay, checkCalendar } from './calendar/calendar.js';
export type { HolidayYear } from './calendar/types.js';
export { orchestrationChart, orchestrationSettings, ORCHESTRATION_DEFAULTS, type OrchestrationSettings } from './orchestration/chart.js';
export { notificationTemplates } from './notifications.js';
export { chartDiagram } from './diagram.js';
