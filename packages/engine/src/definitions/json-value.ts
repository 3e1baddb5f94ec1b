/** Why a value is not plain JSON, and where (a JSON pointer). */
export interface NotJson {
  pointer: string;
  found: string;
  /** True when the only problem is nesting deeper than the limit. */
  tooDeep: boolean;
}

/**
 * Checks, without recursion, that a value is plain JSON no deeper than `maxDepth`:
 * no cycles, no `undefined`, functions, symbols, bigints, non-finite numbers, lone
 * surrogates or class instances. Returns the first problem, or undefined.
 * @example checkJsonValue({ a: [1, NaN] }, 64) // { pointer: '/a/1', found: 'NaN', tooDeep: false }
 */
export function checkJsonValue(value: unknown, maxDepth: number): NotJson | undefined {
  const stack: Array<{ value: unknown; pointer: string; depth: number; ancestors: ReadonlySet<object> }> = [
    { value, pointer: '', depth: 0, ancestors: new Set() },
  ];
  while (stack.length) {
    const { value: v, pointer, depth, ancestors } = stack.pop()!;
    const problem = describe(v);
    if (problem) return { pointer, found: problem, tooDeep: false };
    if (v === null || typeof v !== 'object') continue;
    if (ancestors.has(v)) return { pointer, found: 'a circular reference', tooDeep: false };
    if (depth >= maxDepth) return { pointer, found: `nesting deeper than ${maxDepth}`, tooDeep: true };
    const inner = new Set(ancestors).add(v);
    const entries: Array<[string, unknown]> = Array.isArray(v) ? Array.from(v, (x, i) => [String(i), x]) : Object.entries(v);
    for (const [key, child] of entries) {
      stack.push({ value: child, pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth: depth + 1, ancestors: inner });
    }
  }
  return undefined;
}

function describe(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v) ? 'a lone surrogate' : undefined;
    case 'number':
      return Number.isFinite(v) ? undefined : String(v);
    case 'boolean':
      return undefined;
    case 'object': {
      if (v === null || Array.isArray(v)) return undefined;
      const proto: unknown = Object.getPrototypeOf(v);
      return proto === Object.prototype || proto === null ? undefined : 'an object that is not plain JSON';
    }
    default:
      return typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`;
  }
}
