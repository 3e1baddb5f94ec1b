import type { ValidationError } from '../model/errors.js';
import { MATERIAL } from '../model/paths.js';
import { titleOf } from '../model/schema.js';
import type { Text } from '../model/types.js';
import { fieldId, type RenderHost } from '../render/host.js';
import { materialId } from '../render/materials.js';
import { questionPaths } from '../render/questions.js';
import type { SummaryEntry } from '../render/summary.js';

/** A problem found by a check, with the form path it belongs to. */
export interface Found {
  path: string;
  error: ValidationError;
}

/**
 * The errors the form shows: one per field (the first found), and the summary lines in form
 * order. Every change bumps the path it concerns, so only those fields re-render.
 */
export class ErrorStore {
  private readonly errors = new Map<string, ValidationError>();
  /** The summary lines; empty until a submit (or a wizard step) found problems. */
  summary: SummaryEntry[] = [];

  constructor(private readonly host: RenderHost & { bump(path: string): void }) {}

  get(path: string): ValidationError | undefined {
    return this.errors.get(path);
  }
  has(path: string): boolean {
    return this.errors.has(path);
  }
  paths(): string[] {
    return [...this.errors.keys()];
  }
  clear(): void {
    for (const path of this.errors.keys()) this.host.bump(path);
    this.errors.clear();
    this.summary = [];
  }

  /** After a full check: shows what was found (within `scope`, e.g. a wizard step) and lists it in the summary. */
  showAll(found: readonly Found[], scope?: (path: string) => boolean): void {
    const before = new Map(this.errors);
    for (const path of before.keys()) if (!scope || scope(path)) this.errors.delete(path);
    for (const { path, error } of found) if (!this.errors.has(path)) this.errors.set(path, error);
    for (const path of new Set([...before.keys(), ...this.errors.keys()])) {
      if (before.get(path) !== this.errors.get(path)) this.host.bump(path);
    }
    this.summary = this.entries();
  }

  /** After checking some fields (on blur, or while fixing one): updates only theirs. */
  showSome(paths: readonly string[], found: readonly Found[]): void {
    for (const path of paths) {
      const error = found.find((e) => e.path === path)?.error;
      const shown = this.errors.get(path);
      if (error === shown || (error && shown && error.message === shown.message)) continue;
      if (error) this.errors.set(path, error);
      else this.errors.delete(path);
      this.host.bump(path);
    }
    if (this.summary.length) this.summary = this.entries();
  }

  /** The id of the control (or group) a summary link moves focus to. */
  targetId(path: string): string {
    if (path.startsWith(MATERIAL)) return `${materialId(path.slice(MATERIAL.length))}-hint`;
    for (let p = path; p; p = p.slice(0, Math.max(0, p.lastIndexOf('.')))) if (this.host.info(p)) return fieldId(p);
    return fieldId(path);
  }

  /** The summary lines, in the order the fields appear in the form. */
  private entries(): SummaryEntry[] {
    const order = this.order();
    const rank = (path: string) => {
      for (let p = path; p; p = p.slice(0, Math.max(0, p.lastIndexOf('.')))) {
        const r = order.get(p);
        if (r !== undefined) return r + (p === path ? 0 : 0.5);
      }
      return order.size;
    };
    return [...this.errors.entries()]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([path, error]) => ({ target: this.targetId(path), label: this.labelOf(path), message: error.message }));
  }

  private labelOf(path: string): Text | undefined {
    const composed = this.host.composedBundle;
    if (path.startsWith(MATERIAL)) return composed.materials.find((m) => m.id === path.slice(MATERIAL.length))?.title;
    const info = this.host.info(path);
    return info && titleOf(info.schema, path);
  }

  private order(): Map<string, number> {
    const composed = this.host.composedBundle;
    const order = new Map<string, number>();
    for (const path of questionPaths(this.host)) order.set(path, order.size);
    for (const section of composed.ui.sections) for (const path of section.fields) order.set(path, order.size);
    for (const m of composed.materials) order.set(MATERIAL + m.id, order.size);
    return order;
  }
}
