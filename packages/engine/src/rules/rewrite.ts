import type { Json, Rule } from '../json.js';
import { isOperation, operationOf } from './evaluate.js';
import { operatorRegistry } from './operators/index.js';
import { DEFAULT_LIMITS } from './types.js';

/** Maps a read path to its new name; `undefined` keeps it. */
export type PathMapper = (path: string) => string | undefined;

function renamed(path: Rule, mapPath: PathMapper): Rule {
  if ((typeof path !== 'string' || path === '') && typeof path !== 'number') return path;
  return mapPath(String(path)) ?? path;
}

function operation(name: string, original: { [op: string]: Rule }, args: Rule[]): Rule {
  // Keep the short form `{"var": "a"}` when the rule used it.
  return { [name]: Array.isArray(original[name]) ? args : (args[0] as Json) };
}

function rewriteRule(rule: Rule, mapPath: PathMapper, depth: number): Rule {
  if (typeof rule !== 'object' || rule === null || depth > DEFAULT_LIMITS.maxDepth) return rule;
  if (Array.isArray(rule)) return rule.map((element) => rewriteRule(element, mapPath, depth + 1));
  if (!isOperation(rule)) return rule;
  const [name, args] = operationOf(rule);
  const next = (arg: Rule) => rewriteRule(arg, mapPath, depth + 1);
  const keys = (arg: Rule) => rewriteKeys(arg, mapPath, depth + 1);
  switch (name) {
    case 'var':
      return operation(name, rule, args.map((arg, i) => (i === 0 ? (isOperation(arg) ? next(arg) : renamed(arg, mapPath)) : next(arg))));
    case 'missing':
      return operation(name, rule, args.map(keys));
    case 'missing_some':
      return operation(name, rule, args.map((arg, i) => (i === 1 ? keys(arg) : next(arg))));
  }
  const scoped = operatorRegistry.get(name)?.scoped;
  return operation(name, rule, args.map((arg, i) => (i === scoped ? arg : next(arg))));
}

function rewriteKeys(rule: Rule, mapPath: PathMapper, depth: number): Rule {
  if (depth > DEFAULT_LIMITS.maxDepth) return rule;
  if (typeof rule === 'string' || typeof rule === 'number') return renamed(rule, mapPath);
  if (Array.isArray(rule)) return rule.map((element) => rewriteKeys(element, mapPath, depth + 1));
  if (!isOperation(rule)) return rule;
  const [name, args] = operationOf(rule);
  if (name === 'if' || name === '?:') {
    return operation(
      name,
      rule,
      args.map((arg, i) =>
        i % 2 === 1 || i === args.length - 1 ? rewriteKeys(arg, mapPath, depth + 1) : rewriteRule(arg, mapPath, depth + 1),
      ),
    );
  }
  if (name === 'merge') return operation(name, rule, args.map((arg) => rewriteKeys(arg, mapPath, depth + 1)));
  return rewriteRule(rule, mapPath, depth);
}

/**
 * A copy of `rule` with every literal path it reads renamed by `mapPath` (paths inside scoped
 * rules address array elements and are left alone). Compose uses it to move an item's rules
 * onto bundle-data paths. The input is not modified.
 * @example rewrite({ '==': [{ var: 'name' }, 'x'] }, (p) => `child.${p}`) // { '==': [{ var: 'child.name' }, 'x'] }
 */
export function rewrite(rule: Rule, mapPath: PathMapper): Rule {
  return rewriteRule(rule, mapPath, 0);
}
