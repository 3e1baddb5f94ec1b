import { text } from '../../../text.js';
import type { Json } from '../../../json.js';
import { refusal } from '../../refusals.js';
import { changedPaths, copyObject, isObject, jsonEqual, mergePatch, within } from '../../data.js';
import { BLOCKED_SEGMENTS } from '../../../rules/index.js';
import { departmentOf, resolveRole } from '../../roles.js';
import type { ApplicationContext, SupplementRound } from '../../types.js';
import type { ActionDescriptor, CatalogArgs } from '../types.js';
import { openRound } from './request-supplement.js';

/** Materials replaced by id (`null` removes one): an upload replaces an e-licence, never merges into it. */
function replaceMaterials(materials: ApplicationContext['materials'], patch: { [id: string]: Json }): ApplicationContext['materials'] {
  const next = copyObject(materials);
  for (const [id, value] of Object.entries(patch)) {
    if (BLOCKED_SEGMENTS.has(id)) continue;
    if (value === null) delete next[id];
    else next[id] = value;
  }
  return next;
}

/** The data and materials after the supplement, and what changed. */
function apply(args: CatalogArgs<object>) {
  const { data, materials } = args.event;
  const nextData = data === undefined ? args.context.data : mergePatch(args.context.data, data);
  const nextMaterials = isObject(materials) ? replaceMaterials(args.context.materials, materials) : args.context.materials;
  const ids = new Set([...Object.keys(args.context.materials), ...Object.keys(nextMaterials)]);
  return {
    data: nextData as ApplicationContext['data'],
    materials: nextMaterials,
    fields: changedPaths(args.context.data, nextData),
    changedMaterials: [...ids].filter((id) => !jsonEqual(args.context.materials[id], nextMaterials[id])),
  };
}

/**
 * `applySupplement`: merges the applicant's answer into the application — the event's `data`
 * is a JSON Merge Patch of the bundle data, `materials` replaces materials by id — and
 * records the answer. An answer touching anything not flagged by the open request is refused
 * (`field-not-editable`, `material-not-editable`); fields computed by rules may follow.
 */
export const applySupplementAction: ActionDescriptor<Record<string, never>> = {
  type: 'applySupplement',
  title: text('补正答复', 'Apply a supplement'),
  description: text(
    '把申请人的补正（data 为合并补丁、materials 按材料整体替换）并入办件并记入补正历史；修改未被指出的字段或材料会被拒绝',
    "Merges the applicant's supplement (data as a merge patch, materials replaced by id) into the application and records it; changing anything not flagged is refused",
  ),
  params: { type: 'object', additionalProperties: false },
  example: {},
  check: (args) => {
    const round = openRound(args.context.supplements, args.scope);
    if (!round) return refusal('no-open-supplement');
    const { data, materials } = args.event;
    if (data !== undefined && !isObject(data)) return refusal('invalid-event', { problem: 'data must be an object (a JSON merge patch of the bundle data)' });
    if (materials !== undefined && !isObject(materials)) return refusal('invalid-event', { problem: 'materials must be an object keyed by material id' });
    const { fields, changedMaterials } = apply(args);
    const editable = [...round.fields, ...args.flow.computed];
    const notEditable = fields.filter((p) => !editable.some((f) => within(p, f)));
    if (notEditable.length) return refusal('field-not-editable', { fields: notEditable });
    const badMaterials = changedMaterials.filter((m) => !round.materials.includes(m));
    if (badMaterials.length) return refusal('material-not-editable', { materials: badMaterials as Json });
    return undefined;
  },
  assign: (args) => {
    const round = openRound(args.context.supplements, args.scope);
    if (!round) return args.context;
    const { data, materials, fields, changedMaterials } = apply(args);
    const answered: SupplementRound = Object.assign({}, round, { answer: { by: args.actor.id, at: args.now, fields, materials: changedMaterials } });
    return { ...args.context, data, materials, supplements: args.context.supplements.map((r) => (r === round ? answered : r)) };
  },
  effects: (args, sink) => {
    const last = args.context.supplements.filter((r) => r.scope === args.scope).at(-1);
    const params = { round: last?.round ?? 0, fields: last?.answer?.fields ?? [], materials: last?.answer?.materials ?? [] };
    // Whoever asked is told: their role, in their department (the window's, or the item's).
    const by: { role: string; department?: string } = last?.requestedBy ?? { role: args.scope === 'bundle' ? 'clerk' : 'reviewer' };
    const to = resolveRole(by.role, by.department ?? departmentOf(args.flow, args.scope));
    sink.notify({ to, template: 'onething.supplemented', params, ...(args.scope === 'bundle' ? {} : { item: args.scope }) });
  },
};
