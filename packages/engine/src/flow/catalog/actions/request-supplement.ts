import { text } from '../../../text.js';
import type { Json } from '../../../json.js';
import { refusal } from '../../refusals.js';
import { within } from '../../data.js';
import type { ApplicationFlow, SupplementRound } from '../../types.js';
import type { ActionDescriptor, CatalogArgs } from '../types.js';

const strings = (v: Json | undefined): string[] | undefined =>
  v === undefined ? [] : Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined;

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

function payload(args: CatalogArgs<Params>) {
  const { fields, materials, reason } = args.event;
  return { fields: strings(fields), materials: strings(materials), reason };
}

/**
 * `requestSupplement` (补正): the reviewer names exactly which fields (bundle-data paths) and
 * materials are wrong and why — from the event `{ fields, materials, reason }`. The request
 * is kept in the supplement history and the applicant is notified; the applicant may then
 * change only those (see `applySupplement`).
 */
export const requestSupplementAction: ActionDescriptor<Params> = {
  type: 'requestSupplement',
  title: text('要求补正', 'Request a supplement'),
  description: text(
    '按事件中的 fields（字段路径）、materials（材料）和 reason（理由）记录一次补正要求并通知申请人；申请人只能修改这些字段和材料',
    'Records a supplement request from the event — fields (data paths), materials and reason — and notifies the applicant, who may then change only those',
  ),
  params: {
    type: 'object',
    properties: { maxRounds: { type: 'integer', minimum: 1, maximum: 10, description: 'Rounds allowed for this chart (default: the bundle setting).' } },
    additionalProperties: false,
  },
  example: { maxRounds: 2 },
  check: (args) => {
    const { fields, materials, reason } = payload(args);
    if (!fields || !materials) return refusal('invalid-event', { problem: 'fields and materials must be arrays of strings' });
    if (fields.length + materials.length === 0) return refusal('invalid-event', { problem: 'name at least one field or material' });
    if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 2000) {
      return refusal('invalid-event', { problem: 'reason must be a non-empty string of at most 2000 characters' });
    }
    const allowed = flaggable(args.flow, args.scope);
    const badFields = fields.filter((f) => !allowed.fields(f));
    if (badFields.length) return refusal('invalid-event', { problem: `unknown fields: ${badFields.join(', ')}` });
    const badMaterials = materials.filter((m) => !allowed.materials(m));
    if (badMaterials.length) return refusal('invalid-event', { problem: `unknown materials: ${badMaterials.join(', ')}` });
    if (openRound(args.context.supplements, args.scope)) return refusal('supplement-pending');
    const max = args.params.maxRounds ?? args.flow.supplement.maxRounds;
    if (args.context.supplements.filter((r) => r.scope === args.scope).length >= max) return refusal('supplement-rounds-exhausted', { max });
    return undefined;
  },
  assign: (args) => {
    const { fields, materials, reason } = payload(args);
    const round: SupplementRound = {
      // Counted per scope, like `maxRounds`: an item's first request is its round 1.
      round: args.context.supplements.filter((r) => r.scope === args.scope).length + 1,
      scope: args.scope,
      requestedBy: args.actor.department === undefined ? { id: args.actor.id, role: args.actor.role } : { id: args.actor.id, role: args.actor.role, department: args.actor.department },
      requestedAt: args.now,
      fields: [...new Set(fields)].sort(),
      materials: [...new Set(materials)].sort(),
      reason: String(reason),
    };
    return { ...args.context, supplements: [...args.context.supplements, round] };
  },
  effects: (args, sink) => {
    const round = openRound(args.context.supplements, args.scope);
    if (!round) return;
    const params = { round: round.round, fields: round.fields, materials: round.materials, reason: round.reason };
    sink.notify(args.scope === 'bundle' ? { to: 'applicant', template: 'onething.supplement-requested', params } : { to: 'applicant', template: 'onething.supplement-requested', params, item: args.scope });
  },
};
