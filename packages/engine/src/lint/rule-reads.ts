import type { Rule } from '../json.js';
import { escapePointer } from '../diagnostics/define.js';
import { reads } from '../rules/reads.js';

/** A field a JSON Logic rule reads, and the JSON pointer of the operation that reads it. */
export interface RuleRead {
  path: string;
  pointer: string;
}

/**
 * The fields a JSON Logic rule reads — as the rules module's `reads(rule)` says, so lint and
 * the interpreter agree on scoping — each with the pointer of the first `var`/`missing`
 * argument that names it (the rule's own pointer if it cannot be located).
 * @example locateReads({ '==': [{ var: 'a.b' }, 1] }, '/ui/rules/x/visible') // [{ path: 'a.b', pointer: '/ui/rules/x/visible/==/0/var' }]
 */
export function locateReads(rule: unknown, pointer: string): RuleRead[] {
  const places = new Map<string, string>();
  const remember = (path: unknown, at: string) => {
    const key = typeof path === 'number' ? String(path) : path;
    if (typeof key === 'string' && !places.has(key)) places.set(key, at);
  };
  const stack: Array<{ node: unknown; at: string }> = [{ node: rule, at: pointer }];
  while (stack.length) {
    const { node, at } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (const [key, value] of entries.reverse()) {
      const child = `${at}/${escapePointer(key)}`;
      if (key === 'var') remember(Array.isArray(value) ? value[0] : value, Array.isArray(value) ? `${child}/0` : child);
      if (key === 'missing' && Array.isArray(value)) value.forEach((p, i) => remember(p, `${child}/${i}`));
      if (key === 'missing' && !Array.isArray(value)) remember(value, child);
      if (key === 'missing_some' && Array.isArray(value) && Array.isArray(value[1])) value[1].forEach((p, i) => remember(p, `${child}/1/${i}`));
      stack.push({ node: value, at: child });
    }
  }
  return reads(rule as Rule).map((path) => ({ path, pointer: places.get(path) ?? pointer }));
}
