import semver from 'semver';
import type { Diagnostic } from '../diagnostics/types.js';
import { report, escapePointer } from '../diagnostics/define.js';
import { versionBumpTooSmall, versionNotComparable, versionNotGreater } from './codes.js';
import { collector, diffSchema, isObj, same, type Collector } from './schema-diff.js';
import type { BumpLevel, VersionChange, VersionCheck } from './types.js';

type Obj = { [key: string]: unknown };
const RANK: Record<BumpLevel, number> = { patch: 0, minor: 1, major: 2 };
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const byId = (v: unknown, key = 'id') => new Map(list(v).map((x) => [String(x[key]), x]));

function diffMaterials(before: unknown, after: unknown, out: Collector): void {
  const mb = byId(before);
  const ma = byId(after);
  list(after).forEach((m, i) => {
    const id = String(m['id']);
    const old = mb.get(id);
    const where = `/materials/${i}`;
    if (!old) {
      if (m['required'] === true) out.add('material-required', 'major', where, `新增必交材料“${id}”`, `Required material "${id}" was added`);
      else out.add('material-added', 'minor', where, `新增材料“${id}”`, `Material "${id}" was added`);
      return;
    }
    if (same(old, m)) return;
    const accepted = new Set(Array.isArray(m['accept']) ? m['accept'] : []);
    const lostTypes = (Array.isArray(old['accept']) ? old['accept'] : []).filter((t) => !accepted.has(t));
    if (m['required'] === true && old['required'] !== true) out.add('material-required', 'major', `${where}/required`, `材料“${id}”变为必交`, `Material "${id}" became required`);
    else if (lostTypes.length) out.add('material-narrowed', 'major', `${where}/accept`, `材料“${id}”不再接受 ${lostTypes.join('、')}`, `Material "${id}" no longer accepts ${lostTypes.join(', ')}`);
    else if (typeof m['maxBytes'] === 'number' && typeof old['maxBytes'] === 'number' && m['maxBytes'] < old['maxBytes']) {
      out.add('material-narrowed', 'major', `${where}/maxBytes`, `材料“${id}”的大小上限降低`, `Material "${id}" lowered its size limit`);
    } else out.add('content-changed', 'patch', where, `材料“${id}”有改动`, `Material "${id}" changed`);
  });
  list(before).forEach((m, i) => {
    const id = String(m['id']);
    if (!ma.has(id)) out.add('material-removed', 'minor', `/materials/${i}`, `删除了材料“${id}”`, `Material "${id}" was removed`);
  });
}

/** Every state path of a chart (`review`, `review.second`), for in-flight applications. */
function statePaths(states: unknown, prefix = '', depth = 0): string[] {
  if (!isObj(states) || depth > 32) return [];
  return Object.entries(states).flatMap(([key, node]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...statePaths(isObj(node) ? node['states'] : undefined, path, depth + 1)];
  });
}

function diffFlow(before: unknown, after: unknown, out: Collector): void {
  if (same(before, after)) return;
  const sb = statePaths(isObj(before) ? before['states'] : undefined);
  const sa = new Set(statePaths(isObj(after) ? after['states'] : undefined));
  const removed = sb.filter((s) => !sa.has(s));
  for (const s of removed) out.add('state-removed', 'major', '/flow', `删除了流程状态“${s}”（在办件可能处于此状态）`, `Flow state "${s}" was removed (applications in it cannot continue)`);
  if (!removed.length) {
    const added = [...sa].filter((s) => !sb.includes(s));
    if (added.length) out.add('state-added', 'minor', '/flow', `新增流程状态 ${added.join('、')}`, `Flow states added: ${added.join(', ')}`);
    else out.add('content-changed', 'minor', '/flow', '流程的转换或动作已改变', 'The flow’s transitions or actions changed');
  }
}

function diffBundleItems(before: unknown, after: unknown, out: Collector): void {
  const ib = byId(before, 'item');
  const ia = byId(after, 'item');
  list(before).forEach((entry, i) => {
    const id = String(entry['item']);
    if (!ia.has(id)) out.add('item-removed', 'major', `/items/${i}`, `组合中删除了事项“${id}”`, `Item "${id}" was removed from the bundle`);
  });
  list(after).forEach((entry, i) => {
    const id = String(entry['item']);
    const old = ib.get(id);
    if (!old) out.add('item-added', 'minor', `/items/${i}`, `组合中新增事项“${id}”`, `Item "${id}" was added to the bundle`);
    else if (!same(old, entry)) out.add('item-changed', 'minor', `/items/${i}`, `事项“${id}”的版本范围或适用条件已改变`, `Item "${id}" changed its version range or condition`);
  });
}

function diffConcepts(before: unknown, after: unknown, out: Collector): void {
  const cb = isObj(before) ? before : {};
  const ca = isObj(after) ? after : {};
  for (const id of Object.keys(cb)) {
    const where = `/concepts/${escapePointer(id)}`;
    const a = ca[id];
    if (!isObj(a)) out.add('concept-removed', 'major', where, `删除了概念“${id}”`, `Concept "${id}" was removed`);
    else {
      const b = isObj(cb[id]) ? (cb[id] as Obj) : {};
      diffSchema(b['schema'], a['schema'], `${where}/schema`, id, out);
      const { schema: _s, ...restB } = b;
      const { schema: _t, ...restA } = a;
      if (!same(restB, restA)) out.add('content-changed', 'patch', where, `概念“${id}”的标题或说明已改变`, `Concept "${id}" changed its titles`);
    }
  }
  for (const id of Object.keys(ca)) if (!isObj(cb[id])) out.add('concept-added', 'minor', `/concepts/${escapePointer(id)}`, `新增概念“${id}”`, `Concept "${id}" was added`);
}

const COMPARED: Record<string, string[]> = {
  item: ['schema', 'materials', 'flow'],
  bundle: ['questions', 'items'],
  concepts: ['concepts'],
  overlay: ['base'],
};

/**
 * Lists the differences between two versions of one definition and the bump each needs:
 * a removed field, a narrowed type or enum, a tightened constraint, a newly required field
 * or material, a removed flow state or bundle item need a **major** version; additions and
 * other behaviour changes a **minor**; titles and texts a **patch**.
 * @example compareDefinitions(v1, v2).filter((c) => c.level === 'major')
 */
export function compareDefinitions(previous: unknown, next: unknown): VersionChange[] {
  const out = collector();
  if (!isObj(previous) || !isObj(next)) return out.changes;
  const kind = String(next['kind']);
  if (kind === 'item') {
    diffSchema(previous['schema'], next['schema'], '/schema', '', out);
    diffMaterials(previous['materials'], next['materials'], out);
    diffFlow(previous['flow'], next['flow'], out);
  } else if (kind === 'bundle') {
    diffSchema(previous['questions'], next['questions'], '/questions', '', out);
    diffBundleItems(previous['items'], next['items'], out);
  } else if (kind === 'concepts') {
    diffConcepts(previous['concepts'], next['concepts'], out);
  } else if (kind === 'overlay' && !same(previous['base'], next['base'])) {
    out.add('base-changed', 'major', '/base', '覆盖的基础定义已改变', 'The overlay’s base changed');
  }
  const skip = new Set(['version', ...(COMPARED[kind] ?? [])]);
  const rest = (d: Obj) => Object.fromEntries(Object.entries(d).filter(([k]) => !skip.has(k)));
  if (!same(rest(previous), rest(next))) {
    const level: BumpLevel = kind === 'overlay' ? 'minor' : 'patch';
    const changed = [...new Set([...Object.keys(previous), ...Object.keys(next)])].filter((k) => !skip.has(k) && !same(previous[k], next[k]));
    const behavioural = changed.some((k) => ['ui', 'flow', 'limits', 'department', 'region', 'lead', 'patch', 'remap', 'eLicenses'].includes(k));
    out.add('content-changed', behavioural ? 'minor' : level, `/${changed[0] ?? ''}`, `已改动：${changed.join('、')}`, `Changed: ${changed.join(', ')}`);
  }
  return out.changes;
}

/** The bump from one version to a greater one (0.x: a minor bump may break, as semver allows). */
function bumpOf(previous: string, next: string): BumpLevel | null {
  if (!semver.gt(next, previous)) return null;
  const p = semver.parse(previous);
  const n = semver.parse(next);
  if (!p || !n) return null;
  if (n.major !== p.major) return 'major';
  if (n.minor !== p.minor) return p.major === 0 ? 'major' : 'minor';
  return 'patch';
}

/**
 * Checks that `next` is a correct new version of `previous` (same kind and id): greater,
 * and bumped at least as much as its changes need.
 * @example
 * const check = checkVersion(published, draft);
 * if (!check.ok) return { status: 422, diagnostics: check.diagnostics };
 */
export function checkVersion(previous: unknown, next: unknown, file?: string): VersionCheck {
  const at = file === undefined ? { pointer: '/version' } : { file, pointer: '/version' };
  const fail = (diagnostic: Diagnostic, changes: VersionChange[] = [], required: BumpLevel = 'patch'): VersionCheck => ({
    ok: false,
    required,
    actual: null,
    changes,
    diagnostics: [diagnostic],
  });
  if (!isObj(previous) || !isObj(next)) return fail(report(versionNotComparable, at, { problem: 'not objects' }));
  if (previous['kind'] !== next['kind'] || previous['id'] !== next['id']) {
    return fail(report(versionNotComparable, at, { problem: `${String(previous['kind'])} ${String(previous['id'])} ≠ ${String(next['kind'])} ${String(next['id'])}` }));
  }
  const pv = semver.valid(typeof previous['version'] === 'string' ? previous['version'] : null);
  const nv = semver.valid(typeof next['version'] === 'string' ? next['version'] : null);
  if (!pv || !nv) return fail(report(versionNotComparable, at, { problem: 'a version is not semver' }));
  const changes = compareDefinitions(previous, next);
  const required = changes.reduce<BumpLevel>((max, c) => (RANK[c.level] > RANK[max] ? c.level : max), 'patch');
  const actual = bumpOf(pv, nv);
  if (actual === null) return fail(report(versionNotGreater, at, { previous: pv, next: nv }), changes, required);
  if (RANK[actual] < RANK[required]) {
    const reasons = changes.filter((c) => c.level === required).slice(0, 5).map((c) => c.message.en);
    const reasonsZh = changes.filter((c) => c.level === required).slice(0, 5).map((c) => c.message['zh-CN']);
    const d = report(versionBumpTooSmall, at, { previous: pv, next: nv, required, actual, reasons });
    d.message = { 'zh-CN': versionBumpTooSmall.message({ previous: pv, next: nv, required, actual, reasons: reasonsZh })['zh-CN'], en: d.message.en };
    return { ok: false, required, actual, changes, diagnostics: [d] };
  }
  return { ok: true, required, actual, changes, diagnostics: [] };
}
