/** One administrative division: a province, a prefecture or a county (GB/T 2260). */
export interface DivisionNode {
  /** Six-digit GB/T 2260 code. */
  id: string;
  /** The official (Chinese) name. */
  name: string;
  children?: readonly DivisionNode[];
}

/** Loads the province → prefecture → county tree. */
export type DivisionLoader = () => Promise<readonly DivisionNode[]>;

let loader: DivisionLoader = defaultLoader;
let state: { tree?: readonly DivisionNode[]; failed?: boolean; pending?: Promise<void> } = {};

async function defaultLoader(): Promise<readonly DivisionNode[]> {
  // A separate chunk: the tree (~100 KB) never lands in the form runtime bundle.
  const module = await import('@onething/engine/divisions');
  return module.divisionTree();
}

/**
 * Replaces where the division picker gets its tree (e.g. a URL the host serves, or a regional subset).
 * @example setDivisionLoader(() => fetch('/divisions.json').then((r) => r.json()))
 */
export function setDivisionLoader(next: DivisionLoader): void {
  loader = next;
  state = {};
}

/**
 * The tree when loaded; otherwise starts loading it (once) and calls `onReady` when it arrives.
 * @example const tree = divisionTree(() => field.refresh()) // undefined on the first call
 */
export function divisionTree(onReady: () => void): { tree?: readonly DivisionNode[]; failed?: boolean } {
  if (state.tree || state.failed) return state;
  const current = state;
  current.pending ??= loader().then(
    (tree) => void (current.tree = tree),
    () => void (current.failed = true),
  );
  void current.pending.then(onReady);
  return state;
}

/** A code without its trailing `00` pairs: `420700` → `4207`, the prefix every descendant shares. */
export function codePrefix(code: string): string {
  return code.replace(/(00)+$/, '');
}

/** The chain of nodes from province down to the node whose code is `code` (as far as it is found). */
export function chainOf(tree: readonly DivisionNode[], code: string | undefined): DivisionNode[] {
  const chain: DivisionNode[] = [];
  let level: readonly DivisionNode[] | undefined = tree;
  while (code && level) {
    const node: DivisionNode | undefined = level.find((n) => code.startsWith(codePrefix(n.id)));
    if (!node) break;
    chain.push(node);
    if (node.id === code) break;
    level = node.children;
  }
  return chain;
}
