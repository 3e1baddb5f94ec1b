import type { Json } from '@onething/engine/runtime';

type Data = Record<string, Json>;

/**
 * The value at a dotted data path (`mother.name`); undefined when a step is missing or not an object.
 * @example getAt({ mother: { name: '王晓燕' } }, 'mother.name') // '王晓燕'
 */
export function getAt(data: Data, path: string): Json | undefined {
  let node: Json | undefined = data;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Data)[key];
  }
  return node;
}

/**
 * A copy of `data` with `value` at a dotted path (objects on the way copied, created when missing);
 * `undefined` removes the key. `data` is not changed.
 * @example setAt({}, 'mother.name', '王晓燕') // { mother: { name: '王晓燕' } }
 */
export function setAt(data: Data, path: string, value: Json | undefined): Data {
  const keys = path.split('.');
  const root: Data = { ...data };
  let node = root;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    const copy: Data = next && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Data) } : {};
    node[key] = copy;
    node = copy;
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return root;
}
