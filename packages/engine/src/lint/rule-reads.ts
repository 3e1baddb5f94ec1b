import { escapePointer } from '../diagnostics/define.js';

/** A field a JSON Logic rule reads, and the JSON pointer of the operation that reads it. */
export interface RuleRead {
  path: string;
  pointer: string;
}

// Operations whose later arguments run with each array element (or the accumulator) as
// data: only their first argument reads the form's data.
const SCOPED = new Set(['map', 'filter', 'all', 'some', 'none', 'reduce']);

/**
 * The fields a JSON Logic rule reads through `var`, `missing` and `missing_some`, with
 * pointers for diagnostics. Computed paths (`{"var": {"cat": …}}`) are not followed;
 * `{"var": ""}` (the whole data) reads no field.
 * Private to lint until `src/rules/` exports `reads(rule)`; lint needs the pointers too.
 * @example collectReads({ '==': [{ var: 'a.b' }, 1] }, '/ui/rules/x/visible') // [{ path: 'a.b', pointer: '/ui/rules/x/visible/==/0/var' }]
 */
export function collectReads(rule: unknown, pointer: string): RuleRead[] {
  const reads: RuleRead[] = [];
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}/${i}`));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return; // not an operation: a literal object
    const op = keys[0]!;
    const args: unknown = (node as Record<string, unknown>)[op];
    const argsAt = `${at}/${escapePointer(op)}`;
    const argList = Array.isArray(args) ? args : [args];
    const argAt = (i: number) => (Array.isArray(args) ? `${argsAt}/${i}` : argsAt);
    if (op === 'var') {
      const path = argList[0];
      if (typeof path === 'string' && path !== '') reads.push({ path, pointer: argAt(0) });
      else if (typeof path === 'number') reads.push({ path: String(path), pointer: argAt(0) });
      else visit(path, argAt(0));
      argList.slice(1).forEach((arg, i) => visit(arg, argAt(i + 1)));
    } else if (op === 'missing') {
      argList.forEach((arg, i) => (typeof arg === 'string' ? reads.push({ path: arg, pointer: argAt(i) }) : visit(arg, argAt(i))));
    } else if (op === 'missing_some') {
      visit(argList[0], argAt(0));
      const paths = argList[1];
      if (Array.isArray(paths)) paths.forEach((p, i) => (typeof p === 'string' ? reads.push({ path: p, pointer: `${argAt(1)}/${i}` }) : visit(p, `${argAt(1)}/${i}`)));
      else visit(paths, argAt(1));
    } else if (SCOPED.has(op)) {
      visit(argList[0], argAt(0));
      if (op === 'reduce') visit(argList[2], argAt(2)); // the initial accumulator reads the data
    } else {
      argList.forEach((arg, i) => visit(arg, argAt(i)));
    }
  };
  visit(rule, pointer);
  return reads;
}
