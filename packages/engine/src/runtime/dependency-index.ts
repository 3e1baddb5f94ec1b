import type { Dependencies } from '../rules/reads.js';

/**
 * Which rules read which paths, so that a change re-evaluates only the rules it can affect.
 * A rule reading `children` is affected by a change of `children.0.name`, and a rule reading
 * `mother.name` by a change of the whole `mother`; rules that may read anything always are.
 */
export class DependencyIndex {
  /** path → rules reading exactly that path. */
  private readonly readers = new Map<string, number[]>();
  /** path → rules reading some path below it. */
  private readonly readersBelow = new Map<string, number[]>();
  private readonly readersOfAll: number[] = [];

  /**
   * Records that rule `id` has these dependencies.
   * @example index.add(3, dependencies({ var: 'mother.name' }))
   */
  add(id: number, deps: Dependencies): void {
    if (deps.any) this.readersOfAll.push(id);
    for (const path of deps.paths) {
      push(this.readers, path, id);
      for (let dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) push(this.readersBelow, path.slice(0, dot), id);
    }
  }

  /**
   * Adds to `out` the rules a change at `path` can affect.
   * @example index.affected('mother', out) // rules reading mother, mother.name, …
   */
  affected(path: string, out: Set<number>): void {
    for (const id of this.readersOfAll) out.add(id);
    for (const id of this.readersBelow.get(path) ?? []) out.add(id);
    let end = path.length;
    while (end > 0) {
      for (const id of this.readers.get(path.slice(0, end)) ?? []) out.add(id);
      end = path.lastIndexOf('.', end - 1);
    }
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
