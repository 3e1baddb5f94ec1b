import { describe, expect, it } from 'vitest';
import type { Flow } from '../definitions/types.generated.js';
import { flowModel } from './flow-model.js';
import { reachableStates } from './flow-reachability.js';

const roles = { meta: { roles: ['clerk'] as [string] } };
const reachable = (flow: Flow) => [...reachableStates(flowModel(flow, '/flow'))].map((s) => s.path.join('.') || '(root)').sort();

describe('reachability follows XState entry rules', () => {
  it('enters a compound state through its initial child, and a deep target without its siblings', () => {
    const flow: Flow = {
      initial: 'a',
      states: {
        a: { on: { GO: { target: 'b.y', ...roles } } },
        b: { initial: 'x', states: { x: {}, y: { type: 'final' } } },
        done: { type: 'final' },
      },
    };
    expect(reachable(flow)).toEqual(['(root)', 'a', 'b', 'b.y']);
  });

  it('enters every region of a parallel state, and resolves .child and #id targets', () => {
    const flow: Flow = {
      id: 'permit',
      initial: 'work',
      states: {
        work: {
          type: 'parallel',
          states: {
            left: { initial: 'l1', states: { l1: { on: { NEXT: { target: '.l2', ...roles } } }, l2: { states: { inner: {} }, initial: 'inner' } } },
            right: { initial: 'r1', states: { r1: { on: { END: { target: '#permit.done', ...roles } } } } },
          },
        },
        done: { type: 'final' },
      },
    };
    // `.l2` from l1 means l1's child l2, which does not exist; the sibling l2 stays unreachable.
    expect(reachable(flow)).toEqual(['(root)', 'done', 'work', 'work.left', 'work.left.l1', 'work.right', 'work.right.r1']);
  });

  it('a state reached first as an ancestor still enters its initial child when targeted itself', () => {
    const flow: Flow = {
      initial: 'a',
      states: {
        a: { on: { DEEP: { target: 'b.y', ...roles }, TOP: { target: 'b', ...roles } } },
        b: { initial: 'x', states: { x: {}, y: {} } },
        end: { type: 'final' },
      },
    };
    expect(reachable(flow)).toEqual(['(root)', 'a', 'b', 'b.x', 'b.y']);
  });
});

describe('target resolution', () => {
  const model = flowModel(
    { initial: 'a', on: { RESET: { target: 'a', ...roles } }, states: { a: { on: { X: { target: 'nope', ...roles } } }, b: { type: 'final' } } },
    '/flow',
  );
  it('suggests ".a" for a plain key on the root, where XState needs a leading dot', () => {
    expect(model.resolve(model.root, 'a')).toBeUndefined();
    expect(model.hint(model.root, 'a')).toBe('.a');
    expect(model.resolve(model.root, '.a')?.key).toBe('a');
  });
  it('resolves a plain key from a state to its sibling', () => {
    expect(model.resolve(model.root.children.get('a')!, 'b')?.key).toBe('b');
  });
});
