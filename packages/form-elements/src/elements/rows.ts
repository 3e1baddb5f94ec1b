import type { Json } from '@onething/engine/runtime';

/** What a row button does: `add` another row, `remove` row i, move row i `up` or `down`. */
export type RowAction = 'add' | 'remove' | 'up' | 'down';

/** Where focus goes after a row action: the new row's first field, or a button of a row. */
export interface RowFocus {
  row: number;
  /** `first` field of the row; `remove` its remove button (else "Add another"); `up`/`down` the same move button again. */
  target: 'first' | 'remove' | 'up' | 'down';
}

/**
 * The rows after an action, and where the person's focus belongs then: the new row's first field;
 * after a removal the previous row's remove button (or "Add another"); after a move the moved
 * row's same button, so pressing it again keeps moving it.
 * @example rowEdit('up', 2, [a, b, c]) // { rows: [a, c, b], focus: { row: 1, target: 'up' } }
 */
export function rowEdit<T>(action: RowAction, index: number, rows: readonly T[], blank: T): { rows: T[]; focus: RowFocus } {
  if (action === 'add') return { rows: [...rows, blank], focus: { row: rows.length, target: 'first' } };
  if (action === 'remove') return { rows: rows.filter((_, j) => j !== index), focus: { row: Math.max(0, index - 1), target: 'remove' } };
  const other = action === 'up' ? index - 1 : index + 1;
  if (other < 0 || other >= rows.length) return { rows: [...rows], focus: { row: index, target: action } };
  const moved = [...rows];
  [moved[index], moved[other]] = [moved[other]!, moved[index]!];
  return { rows: moved, focus: { row: other, target: action } };
}

/**
 * Stable keys of the rows of repeatable groups: a row keeps its key when rows are added, removed
 * or moved, so Lit moves its DOM (and what has focus) with it.
 * @example const keys = new RowKeys(); keys.of('members', 2) // [0, 1]
 */
export class RowKeys {
  private readonly keys = new Map<string, number[]>();
  private next = 0;

  /** The keys of a group's first `count` rows (new keys for rows not seen yet). */
  of(path: string, count: number): readonly number[] {
    let keys = this.keys.get(path);
    if (!keys) this.keys.set(path, (keys = []));
    while (keys.length < count) keys.push(this.next++);
    return keys.slice(0, count);
  }

  /** Applies a row action to the keys of a group showing `count` rows. */
  edit(path: string, action: RowAction, index: number, count: number): void {
    const current = this.of(path, count);
    this.keys.set(path, rowEdit(action, index, current, this.next++).rows);
  }
}

/** The element focus goes to after a row action, in a repeatable group's element. */
export function rowFocusTarget(list: HTMLElement | null, focus: RowFocus): HTMLElement | null | undefined {
  const row = list?.querySelectorAll<HTMLElement>(':scope > fieldset > .row')[focus.row];
  if (focus.target === 'first') return row?.querySelector<HTMLElement>('input, select, textarea');
  if (focus.target === 'remove') return row?.querySelector<HTMLElement>('[data-action="remove"]') ?? list?.querySelector<HTMLElement>('[data-action="add"]');
  return row?.querySelector<HTMLElement>(`[data-action="${focus.target}"]`) ?? row?.querySelector<HTMLElement>('[data-action]');
}

/** A group's value as rows (anything else: none). */
export function rowsOf(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}
