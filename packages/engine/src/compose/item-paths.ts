import type { Rule } from '../json.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report, type At } from '../diagnostics/define.js';
import { ruleUnknownField } from '../diagnostics/codes/definition.js';
import { reads } from '../rules/reads.js';
import { rewrite } from '../rules/rewrite.js';
import { text } from '../text.js';
import type { FieldTree } from './fields.js';

const relocations = new WeakMap<FieldTree, Map<string, string | null>>();

/**
 * Where a group of the item went when all its fields moved to concept paths under one group
 * (`father` holding `father.name` and `father.idNumber` → `father`); null when they went to
 * several places.
 */
function relocated(tree: FieldTree, itemId: string, itemPath: string): string | null {
  let known = relocations.get(tree);
  if (!known) relocations.set(tree, (known = new Map()));
  const key = `${itemId}\u0000${itemPath}`;
  let home = known.get(key);
  if (home === undefined) {
    const homes = new Set<string>();
    for (const e of tree.projection[itemId] ?? []) {
      if (e.kind === 'group' || !e.to.startsWith(`${itemPath}.`)) continue;
      const rest = e.to.slice(itemPath.length);
      homes.add(e.from.endsWith(rest) ? e.from.slice(0, -rest.length) : '');
    }
    const [only] = homes;
    home = homes.size === 1 && only && tree.nodes.get(only)?.kind === 'group' ? only : null;
    known.set(key, home);
  }
  return home;
}

/** The bundle path of an item path (its longest known prefix mapped), and whether the item knows it. */
function resolve(tree: FieldTree, itemId: string, path: string): { to: string; known: boolean } {
  const paths = tree.paths.get(itemId);
  for (let end = path.length; paths && end > 0; end = path.lastIndexOf('.', end - 1)) {
    const prefix = end === path.length ? path : path.slice(0, end);
    let to = paths.get(prefix);
    if (to === undefined) continue;
    if (!tree.nodes.has(to)) to = relocated(tree, itemId, prefix) ?? to;
    return { to: to + path.slice(end), known: true };
  }
  return { to: `${itemId}.${path}`, known: false };
}

/**
 * Maps an item's data path to the bundle-data path (longest known prefix; unknown paths stay
 * under the item). A group of the item whose fields all moved to concept paths under one group
 * maps to that group, so a rule that reads the whole group still reads them.
 * @example pathMapper(tree, 'household-registration')('settleWith') // 'household-registration.settleWith'
 */
export function pathMapper(tree: FieldTree, itemId: string): (path: string) => string {
  return (path) => (path === '' ? path : resolve(tree, itemId, path).to);
}

/**
 * Whether `path` can be read in the bundle data: a field, or something inside a value or a list (rows).
 * @example isBundlePath(tree, 'children.0.name') // true when `children` is a list
 */
export function isBundlePath(tree: FieldTree, path: string): boolean {
  for (let at = path; ; at = at.slice(0, at.lastIndexOf('.'))) {
    const node = tree.nodes.get(at);
    if (node) return at === path || node.kind !== 'group';
    if (!at.includes('.')) return false;
  }
}

/**
 * An item's rule moved onto bundle-data paths (`rewrite` with `pathMapper`). A path the item
 * knows but that leads nowhere in the bundle data — a group of the item whose fields went to
 * several concept paths — is reported (`rule-unknown-field`) where the rule is; paths the item
 * does not know are the linter's to report.
 * @example rewriteItemRule(tree, 'cert', { var: 'mother.name' }, at, diagnostics) // { var: 'mother.name' }
 */
export function rewriteItemRule(tree: FieldTree, itemId: string, rule: Rule, at: At, diagnostics: Diagnostic[]): Rule {
  for (const path of reads(rule)) {
    const { to: mapped, known } = resolve(tree, itemId, path);
    if (!known || isBundlePath(tree, mapped)) continue;
    const scope = text(`组合表单数据（在其中应为“${mapped}”）`, `the composed bundle data (where it would be "${mapped}")`);
    diagnostics.push(report(ruleUnknownField, at, { field: path, scope }));
  }
  return rewrite(rule, pathMapper(tree, itemId));
}
