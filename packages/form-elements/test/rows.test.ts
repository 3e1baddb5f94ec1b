import { describe, expect, it } from 'vitest';
import { rowEdit, RowKeys } from '../src/elements/rows.js';

describe('editing the rows of a repeatable group', () => {
  it('adds a row at the end and sends focus to its first field', () => {
    expect(rowEdit('add', 0, ['a', 'b'], '')).toEqual({ rows: ['a', 'b', ''], focus: { row: 2, target: 'first' } });
  });

  it('removes a row and sends focus to the previous row’s remove button', () => {
    expect(rowEdit('remove', 1, ['a', 'b', 'c'], '')).toEqual({ rows: ['a', 'c'], focus: { row: 0, target: 'remove' } });
    expect(rowEdit('remove', 0, ['a', 'b'], '')).toEqual({ rows: ['b'], focus: { row: 0, target: 'remove' } });
  });

  it('moves a row and keeps focus on the moved row’s same button, so pressing again keeps moving it', () => {
    expect(rowEdit('up', 2, ['a', 'b', 'c'], '')).toEqual({ rows: ['a', 'c', 'b'], focus: { row: 1, target: 'up' } });
    expect(rowEdit('down', 0, ['a', 'b', 'c'], '')).toEqual({ rows: ['b', 'a', 'c'], focus: { row: 1, target: 'down' } });
  });

  it('leaves the rows as they are for a move past either end', () => {
    expect(rowEdit('up', 0, ['a', 'b'], '').rows).toEqual(['a', 'b']);
    expect(rowEdit('down', 1, ['a', 'b'], '').rows).toEqual(['a', 'b']);
  });

  it('keeps each row’s key with the row through moves and removals, and gives an added row a new key', () => {
    const keys = new RowKeys();
    expect(keys.of('members', 3)).toEqual([0, 1, 2]);
    keys.edit('members', 'up', 2, 3);
    expect(keys.of('members', 3)).toEqual([0, 2, 1]);
    keys.edit('members', 'remove', 0, 3);
    expect(keys.of('members', 2)).toEqual([2, 1]);
    keys.edit('members', 'add', 0, 2);
    const added = keys.of('members', 3);
    expect(added.slice(0, 2)).toEqual([2, 1]);
    expect([0, 1, 2]).not.toContain(added[2]);
  });
});
