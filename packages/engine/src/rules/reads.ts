import type { Rule } from '../json.js';
import { isOperation, operationOf } from './evaluate.js';
import { operatorRegistry } from './operators/index.js';
import { DEFAULT_LIMITS } from './types.js';

/** What a rule reads from its data, for the linter and for incremental re-evaluation. */
export interface Dependencies {
  /** Dotted paths read with a literal path (`{"var": "mother.name"}`, `{"missing": ["a"]}`), sorted. */
  paths: string[];
  /**
   * True when the rule may read anything: a `var` whose path is computed (`{"var": {"cat": …}}`)
   * or empty (the whole data), a `missing` over computed keys, or a rule nested past the
   * depth limit. Re-evaluate such a rule on every change.
   */
  any: boolean;
}

interface Walk {
  paths: Set<string>;
  any: boolean;
}

function addPath(walk: Walk, path: unknown): void {
  if ((typeof path === 'string' && path !== '') || typeof path === 'number') walk.paths.add(String(path));
  else walk.any = true;
}

/** Collects the reads of a rule evaluated over the data (not a scoped element). */
function visit(rule: Rule | undefined, walk: Walk, depth: number): void {
  if (typeof rule !== 'object' || rule === null) return;
  if (depth > DEFAULT_LIMITS.maxDepth) {
    walk.any = true;
    return;
  }
  if (Array.isArray(rule)) {
    for (const element of rule) visit(element, walk, depth + 1);
    return;
  }
  if (!isOperation(rule)) return;
  const [name, args] = operationOf(rule);
  switch (name) {
    case 'var':
      if (isOperation(args[0]) || Array.isArray(args[0])) {
        walk.any = true;
        visit(args[0], walk, depth + 1);
      } else addPath(walk, args[0] ?? '');
      visit(args[1], walk, depth + 1);
      return;
    case 'missing':
      for (const arg of args) visitKeys(arg, walk, depth + 1);
      return;
    case 'missing_some':
      visit(args[0], walk, depth + 1);
      visitKeys(args[1], walk, depth + 1);
      return;
  }
  const scoped = operatorRegistry.get(name)?.scoped;
  args.forEach((arg, i) => {
    if (i !== scoped) visit(arg, walk, depth + 1);
  });
}

/**
 * Collects the reads of a rule whose value is a key, or a list of keys, for `missing`: literal
 * keys are paths; `if` branches and `merge` arguments are keys again; any other computed key
 * makes the rule read anything.
 */
function visitKeys(rule: Rule | undefined, walk: Walk, depth: number): void {
  if (depth > DEFAULT_LIMITS.maxDepth) {
    walk.any = true;
    return;
  }
  if (typeof rule === 'string' || typeof rule === 'number') return addPath(walk, rule);
  if (Array.isArray(rule)) {
    for (const element of rule) visitKeys(element, walk, depth + 1);
    return;
  }
  if (!isOperation(rule)) return;
  const [name, args] = operationOf(rule);
  if (name === 'if' || name === '?:') {
    args.forEach((arg, i) => {
      const isBranch = i % 2 === 1 || i === args.length - 1;
      if (isBranch) visitKeys(arg, walk, depth + 1);
      else visit(arg, walk, depth + 1);
    });
  } else if (name === 'merge') {
    for (const arg of args) visitKeys(arg, walk, depth + 1);
  } else {
    walk.any = true;
    visit(rule, walk, depth + 1);
  }
}

/**
 * What a rule reads: its literal paths, and whether it may read anything else.
 * @example dependencies({ and: [{ var: 'a.b' }, { missing: ['c'] }] }) // { paths: ['a.b', 'c'], any: false }
 */
export function dependencies(rule: Rule): Dependencies {
  const walk: Walk = { paths: new Set(), any: false };
  visit(rule, walk, 0);
  return { paths: [...walk.paths].sort(), any: walk.any };
}

/**
 * The dotted paths a rule reads (sorted, unique). Paths read inside a scoped rule (the second
 * argument of `map`, `filter`, `reduce`, `all`, `none`, `some`) address array elements, not
 * the data, and are not included; see `dependencies` for rules that may read anything.
 * @example reads({ some: [{ var: 'children' }, { '<': [{ var: 'age' }, 3] }] }) // ['children']
 */
export function reads(rule: Rule): string[] {
  return dependencies(rule).paths;
}
