import type { Rule } from '../json.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report, type At } from '../diagnostics/define.js';
import { ruleUnknownField } from '../diagnostics/codes/definition.js';
import { reads } from '../rules/reads.js';
import { rewrite } from '../rules/rewrite.js';
import { text } from '../text.js';
import type { FieldTree } from './fields.js';

/** The longest prefix of `path` the item knows, and the bundle path it maps to. */
function knownPrefix(paths: ReadonlyMap<string, string>, path: string): { length: number; to: string } | undefined {
  const segments = path.split('.');
  for (let i = segments.length; i > 0; i--) {
    const to = paths.get(segments.slice(0, i).join('.'));
    if (to !== undefined) return { length: i, to };
  }
  return undefined;
}

const relocated = new WeakMap<FieldTree, Map<string, Map<string, string>>>();

/**
 * Item path → bundle path for every field and group of an item. A group of the item whose
 * fields all went to concept paths under one group (`father` holding `father.name` and
 * `father.idNumber`) maps to that group, so a rule that reads the whole group still reads them.
 */
function itemPaths(tree: FieldTree, itemId: string): ReadonlyMap<string, string> {
  let perItem = relocated.get(tree);
  if (!perItem) relocated.set(tree, (perItem = new Map()));
  let paths = perItem.get(itemId);
  if (paths) return paths;
  paths = new Map(tree.paths.get(itemId));
  const entries = (tree.projection[itemId] ?? []).filter((e) => e.kind !== 'group');
  for (const [itemPath, bundlePath] of paths) {
    if (tree.nodes.has(bundlePath)) continue;
    const homes = new Set(
      entries.filter((e) => e.to.startsWith(`${itemPath}.`)).map((e) => {
        const rest = e.to.slice(itemPath.length);
        return e.from.endsWith(rest) ? e.from.slice(0, -rest.length) : '';
      }),
    );
    const [home] = homes;
    if (homes.size === 1 && home && tree.nodes.get(home)?.kind === 'group') paths.set(itemPath, home);
  }
  perItem.set(itemId, paths);
  return paths;
}

/**
 * Maps an item's data path to the bundle-data path (longest known prefix; unknown paths stay under the item).
 * @example pathMapper(tree, 'household-registration')('settleWith') // 'household-registration.settleWith'
 */
export function pathMapper(tree: FieldTree, itemId: string): (path: string) => string {
  const paths = itemPaths(tree, itemId);
  return (path) => {
    if (path === '') return path;
    const known = knownPrefix(paths, path);
    if (!known) return `${itemId}.${path}`;
    const rest = path.split('.').slice(known.length);
    return rest.length ? `${known.to}.${rest.join('.')}` : known.to;
  };
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
  const paths = itemPaths(tree, itemId);
  const map = pathMapper(tree, itemId);
  for (const path of reads(rule)) {
    const mapped = map(path);
    if (!knownPrefix(paths, path) || isBundlePath(tree, mapped)) continue;
    const scope = text(`组合表单数据（在其中应为“${mapped}”）`, `the composed bundle data (where it would be "${mapped}")`);
    diagnostics.push(report(ruleUnknownField, at, { field: path, scope }));
  }
  return rewrite(rule, map);
}
