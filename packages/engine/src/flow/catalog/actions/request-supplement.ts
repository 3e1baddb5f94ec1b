import { text } from '../../../text.js';
import type { Json } from '../../../json.js';
import { refusal } from '../../refusals.js';
import { within } from '../../data.js';
import type { ApplicationFlow, SupplementRound } from '../../types.js';
import type { ActionDescriptor, CatalogArgs } from '../types.js';
import { supplementPayload, type FlaggedEntry } from './supplement-payload.js';

/** The field paths and material ids a scope may flag: all of the bundle's, or the item's own. */
function flaggable(flow: ApplicationFlow, scope: string): { fields: (p: string) => boolean; materials: (m: string) => boolean } {
  const item = flow.items.find((i) => i.id === scope);
  if (!item) return { fields: (p) => flow.fields.includes(p), materials: (m) => flow.materials.includes(m) };
  return {
    fields: (p) => flow.fields.includes(p) && item.projection.some((e) => within(e.from, p) || within(p, e.from)),
    materials: (m) => item.materials.includes(m),
  };
}

/** The open (unanswered) supplement round of a scope, if any. */
export function openRound(rounds: SupplementRound[], scope: string): SupplementRound | undefined {
  for (let i = rounds.length - 1; i >= 0; i--) {
    const r = rounds[i]!;
    if (r.scope === scope) return r.answer ? undefined : r;
  }
  return undefined;
}

type Params = { maxRounds?: number };

/** Entries sorted by key, and their own reasons by key (undefined when none has one). */
function keyed(list: FlaggedEntry[]): { keys: string[]; reasons: { [key: string]: string } | undefined } {
  const sorted = [...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let reasons: { [key: string]: string } | undefined;
  for (const e of sorted) if (e.reason !== undefined) (reasons ??= {})[e.key] = e.reason;
  return { keys: sorted.map((e) => e.key), reasons };
}

/**
 * `requestSupplement` (补正): the reviewer names exactly which fields (bundle-data paths) and
 * materials are wrong and why — from the event `{ fields, materials, reason? }`, each entry a
 * path or id, or `{ path | id, reason }` with its own reason; the overall `reason` covers the
 * entries without one and may be left out when each has its own. The request is kept in the
 * supplement history (`fieldReasons`, `materialReasons` beside the flagged lists) and the
 * applicant is notified; the applicant may then change only those (see `applySupplement`).
 */
export const requestSupplementAction: ActionDescriptor<Params> = {
  type: 'requestSupplement',
  title: text('要求补正', 'Request a supplement'),
  description: text(
    '按事件中的 fields（字段路径，或带各自理由的 { path, reason }）、materials（材料，或 { id, reason }）和总体理由 reason 记录一次补正要求并通知申请人；每一项都要有理由（自己的或总体的）；申请人只能修改这些字段和材料',
    'Records a supplement request from the event — fields (data paths, or { path, reason } with their own reason), materials (ids, or { id, reason }) and an overall reason — and notifies the applicant, who may then change only those; every entry needs a reason, its own or the overall one',
  ),
  params: {
    type: 'object',
    properties: { maxRounds: { type: 'integer', minimum: 1, maximum: 10, description: 'Rounds allowed for this chart (default: the bundle setting).' } },
    additionalProperties: false,
  },
  example: { maxRounds: 2 },
  check: (args) => {
    const read = supplementPayload(args.event);
    if ('problem' in read) return refusal('invalid-event', { problem: read.problem });
    const { fields, materials } = read.value;
    const allowed = flaggable(args.flow, args.scope);
    const badFields = fields.filter((f) => !allowed.fields(f.key)).map((f) => f.key);
    if (badFields.length) return refusal('invalid-event', { problem: `unknown fields: ${badFields.join(', ')}` });
    const badMaterials = materials.filter((m) => !allowed.materials(m.key)).map((m) => m.key);
    if (badMaterials.length) return refusal('invalid-event', { problem: `unknown materials: ${badMaterials.join(', ')}` });
    if (openRound(args.context.supplements, args.scope)) return refusal('supplement-pending');
    const max = args.params.maxRounds ?? args.flow.supplement.maxRounds;
    if (args.context.supplements.filter((r) => r.scope === args.scope).length >= max) return refusal('supplement-rounds-exhausted', { max });
    return undefined;
  },
  assign: (args) => {
    const read = supplementPayload(args.event);
    if ('problem' in read) return args.context; // `check` refused it already
    const fields = keyed(read.value.fields);
    const materials = keyed(read.value.materials);
    const round: SupplementRound = {
      // Counted per scope, like `maxRounds`: an item's first request is its round 1.
      round: args.context.supplements.filter((r) => r.scope === args.scope).length + 1,
      scope: args.scope,
      requestedBy: args.actor.department === undefined ? { id: args.actor.id, role: args.actor.role } : { id: args.actor.id, role: args.actor.role, department: args.actor.department },
      requestedAt: args.now,
      fields: fields.keys,
      materials: materials.keys,
    };
    if (read.value.reason !== undefined) round.reason = read.value.reason;
    if (fields.reasons) round.fieldReasons = fields.reasons;
    if (materials.reasons) round.materialReasons = materials.reasons;
    return { ...args.context, supplements: [...args.context.supplements, round] };
  },
  effects: (args, sink) => {
    const round = openRound(args.context.supplements, args.scope);
    if (!round) return;
    const params: { [key: string]: Json } = { round: round.round, fields: round.fields, materials: round.materials };
    if (round.reason !== undefined) params['reason'] = round.reason;
    if (round.fieldReasons) params['fieldReasons'] = round.fieldReasons;
    if (round.materialReasons) params['materialReasons'] = round.materialReasons;
    sink.notify(args.scope === 'bundle' ? { to: 'applicant', template: 'onething.supplement-requested', params } : { to: 'applicant', template: 'onething.supplement-requested', params, item: args.scope });
  },
};
