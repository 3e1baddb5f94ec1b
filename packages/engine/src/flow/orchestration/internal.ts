import type { Json } from '../../json.js';
import { text } from '../../text.js';
import { evaluate, truthy } from '../../rules/index.js';
import { refusal } from '../refusals.js';
import { allows } from '../roles.js';
import { isObject } from '../data.js';
import { withItem } from '../context.js';
import type { ActionDescriptor, GuardDescriptor } from '../catalog/types.js';
import type { ApplicationContext, ApplicationFlow, ApplicationOutcome, ItemOutcome } from '../types.js';
import { guardCatalog } from '../catalog/index.js';

/**
 * Guards and actions of the generated orchestration only. Their types start with `@`, which
 * the flow meta-schema forbids in charts, so no definition can name them.
 */

const schema = { type: 'object' } as const;
const internal = text('内部', 'Internal');

/** The item ids active for guidance answers: those whose bundle `when` rule holds (or has none). */
export function activeItems(flow: ApplicationFlow, answers: { [key: string]: Json }, now: string): string[] {
  return flow.items.filter((i) => i.when === undefined || truthy(evaluate(i.when, answers, { now: new Date(now), utcOffsetMinutes: flow.calendar.utcOffsetMinutes }))).map((i) => i.id);
}

/** `@allowed`: the actor's role may send the event; then the chart's own guard, if any. */
const allowedGuard: GuardDescriptor<{ roles: string[]; guard?: { type: string; params: { scope: string; params: object } } }> = {
  type: '@allowed',
  title: internal,
  description: internal,
  params: schema,
  example: {},
  test: (args) => {
    if (!allows(args.params.roles, args.actor, args.context)) return false;
    const inner = args.params.guard;
    if (!inner) return true;
    const descriptor = guardCatalog.get(inner.type) ?? internalGuards.get(inner.type);
    return descriptor ? descriptor.test({ ...args, scope: inner.params.scope, params: inner.params.params }) : false;
  },
};

/** `@active`: the item applies to this application. */
const activeGuard: GuardDescriptor = {
  type: '@active',
  title: internal,
  description: internal,
  params: schema,
  example: {},
  test: (args) => args.context.active.includes(args.scope),
};

/** The application's result from its items': all approved, none (all withdrawn: withdrawn), or some. */
function outcomeOf(context: ApplicationContext): ApplicationOutcome {
  const outcomes: Array<ItemOutcome | undefined> = context.active.map((id) => context.items[id]?.outcome);
  const approved = outcomes.filter((o) => o === 'approved').length;
  if (approved === outcomes.length) return 'completed';
  if (approved > 0) return 'partlyCompleted';
  return outcomes.every((o) => o === 'withdrawn') ? 'withdrawn' : 'rejected';
}

/** `@decision`: every active item is decided and the bundle's result is `outcome`. */
const decisionGuard: GuardDescriptor<{ outcome: ApplicationOutcome }> = {
  type: '@decision',
  title: internal,
  description: internal,
  params: schema,
  example: {},
  test: (args) => outcomeOf(args.context) === args.params.outcome,
};

/** `@decided`: every active item has an outcome (what `processing` waits for; see `forXState`). */
const decidedGuard: GuardDescriptor = {
  type: '@decided',
  title: internal,
  description: internal,
  params: schema,
  example: {},
  test: (args) => args.context.active.every((id) => args.context.items[id]?.outcome !== undefined),
};

/** `@never`: stands in for a guard the catalog does not know (the flow is then not built). */
const neverGuard: GuardDescriptor = { type: '@never', title: internal, description: internal, params: schema, example: {}, test: () => false };

export const internalGuards: ReadonlyMap<string, GuardDescriptor> = new Map(
  [allowedGuard, activeGuard, decisionGuard, decidedGuard, neverGuard].map((g) => [g.type, g]),
);

const objectOrAbsent = (v: Json | undefined) => v === undefined || isObject(v);

/** `@save` (SAVE, SUBMIT): replaces the draft's answers, data and materials with those sent. */
const saveAction: ActionDescriptor = {
  type: '@save',
  title: internal,
  description: internal,
  params: schema,
  example: {},
  check: ({ event }) =>
    objectOrAbsent(event.answers) && objectOrAbsent(event.data) && objectOrAbsent(event.materials)
      ? undefined
      : refusal('invalid-event', { problem: 'answers, data and materials must be objects' }),
  assign: ({ context, event }) => ({
    ...context,
    ...(isObject(event.answers) ? { answers: event.answers } : {}),
    ...(isObject(event.data) ? { data: event.data } : {}),
    ...(isObject(event.materials) ? { materials: event.materials } : {}),
  }),
};

/** `@submit`: fixes the active items for the answers and starts each item chart's context. */
const submitAction: ActionDescriptor = {
  type: '@submit',
  title: internal,
  description: internal,
  params: schema,
  example: {},
  // Runs after `@save` (actions run in order as the transition is taken): the answers are the submitted ones.
  check: (args) => (activeItems(args.flow, args.context.answers, args.now).length === 0 ? refusal('no-active-item') : undefined),
  assign: (args) => {
    const active = activeItems(args.flow, args.context.answers, args.now);
    const items: ApplicationContext['items'] = {};
    for (const item of args.flow.items) if (active.includes(item.id)) items[item.id] = { context: item.context };
    return { ...args.context, active, items };
  },
};

/** `@claim`: records the clerk who took the application at the window. */
const claimAction: ActionDescriptor = {
  type: '@claim',
  title: internal,
  description: internal,
  params: schema,
  example: {},
  assign: ({ context, actor }) => Object.assign({}, context, { claimedBy: actor.id }),
};

/** `@reason`: keeps the reason sent with REJECT or WITHDRAW. */
const reasonAction: ActionDescriptor = {
  type: '@reason',
  title: internal,
  description: internal,
  params: schema,
  example: {},
  check: ({ event }) =>
    event.reason === undefined || (typeof event.reason === 'string' && event.reason.length <= 2000)
      ? undefined
      : refusal('invalid-event', { problem: 'reason must be a string of at most 2000 characters' }),
  assign: ({ context, event }) => (typeof event.reason === 'string' ? Object.assign({}, context, { reason: event.reason }) : context),
};

/** `@outcome`: an item chart reached a final state; records the item's decision. */
const outcomeAction: ActionDescriptor<{ outcome: ItemOutcome }> = {
  type: '@outcome',
  title: internal,
  description: internal,
  params: schema,
  example: {},
  assign: ({ context, scope, params, now }) => withItem(context, scope, { outcome: params.outcome, decidedAt: now }),
};

/** `@decide`: the application's result. */
const decideAction: ActionDescriptor<{ outcome: ApplicationOutcome }> = {
  type: '@decide',
  title: internal,
  description: internal,
  params: schema,
  example: {},
  assign: ({ context, params }) => Object.assign({}, context, { outcome: params.outcome }),
};

export const internalActions: ReadonlyMap<string, ActionDescriptor> = new Map(
  [saveAction, submitAction, claimAction, reasonAction, outcomeAction, decideAction].map((a) => [a.type, a]),
);
