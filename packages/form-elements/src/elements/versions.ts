import type { ComposedBundle } from '@onething/engine/runtime';
import { ANSWERS, MATERIAL } from '../model/paths.js';
import { sectionKey } from '../render/section.js';

/**
 * What must re-render: a counter per form path, per section and per repeatable group's rows,
 * which the render functions' Lit `guard`s read. Bumping a path bumps what contains it — its
 * groups and its section — so a keystroke re-renders that field and nothing beside it.
 * @example const versions = new Versions(composed); versions.bump('mother.name'); versions.get('mother') // 1
 */
export class Versions {
  private readonly counts = new Map<string, number>();
  /** Section id of each path a section lists. */
  private readonly sectionOf = new Map<string, string>();
  /** Whether the bundle has repeatable groups (row paths like `children.0.name` exist only then). */
  private readonly hasLists: boolean;

  constructor(composed: ComposedBundle) {
    this.hasLists = Object.values(composed.fields).some((f) => f.kind === 'list');
    for (const section of composed.ui.sections) for (const path of section.fields) this.sectionOf.set(path, section.id);
  }

  /** The version of a path or section key; a row's paths change with their group's rows too. */
  get(key: string): number {
    const own = this.counts.get(key) ?? 0;
    const list = this.hasLists ? /^(.*?)\.\d+(\.|$)/.exec(key) : null;
    return list ? own + (this.counts.get(`${list[1]}#rows`) ?? 0) * 1e6 : own;
  }

  /** The repeatable group a row path belongs to (`children.0.name` → `children`), if it is one. */
  listOf(path: string): string | undefined {
    return this.hasLists ? /^(.*?)\.\d+(\.|$)/.exec(path)?.[1] : undefined;
  }

  /** Marks a path (and what contains it: groups, its section) as needing a re-render. */
  bump(path: string): void {
    this.inc(path);
    if (path.startsWith(ANSWERS) || path.startsWith(MATERIAL)) return;
    let i = path.lastIndexOf('.');
    let listed = this.sectionOf.has(path) ? path : undefined;
    while (i > 0) {
      const prefix = path.slice(0, i);
      this.inc(prefix);
      if (!listed && this.sectionOf.has(prefix)) listed = prefix;
      i = prefix.lastIndexOf('.');
    }
    if (listed) this.inc(sectionKey(this.sectionOf.get(listed)!));
  }

  /** Marks every row of a repeatable group (rows were added, removed or moved). */
  bumpRows(listPath: string): void {
    this.inc(`${listPath}#rows`);
    this.bump(listPath);
  }

  private inc(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}
