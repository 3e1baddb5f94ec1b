import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transition, type AnyMachineSnapshot } from 'xstate';
import { allActions, allGuards, forXState } from '../../src/flow/machine.js';
import { interpreter, type Interpreter } from '../../src/flow/xstate.js';
import type { MachineConfig } from '../../src/flow/types.js';
import { fixtureFlow } from './fixtures.js';

/**
 * The runtime drives XState (src/flow/xstate.ts) in two ways XState's own pure helpers do not:
 * one reused actor scope whose executor gets each action as XState resolves it, and resolved
 * snapshots cached per state value. These tests pin what that relies on, against XState's
 * public `transition()`; when an XState upgrade breaks one, a test here fails first.
 */

type Call = [string, unknown];

/** An interpreter whose guards all hold (except `@decision` for anything but `completed`) and whose actions are recorded. */
function recording(config: MachineConfig) {
  const calls: Call[] = [];
  // `@decided` (all items decided) is set by the test before the event that decides the last item,
  // so that it does not depend on when actions run (XState's transition() runs none).
  const state = { decided: false };
  const it = interpreter(config, allGuards.keys(), [...allActions.keys(), '@enter', '@exit', '@effects'], {
    guard: (type, params) =>
      (type !== '@decision' || (params as { params?: { outcome?: string } }).params?.outcome === 'completed') && (type !== '@decided' || state.decided),
    action: (type, params) => calls.push([type, params]),
  });
  return { it, calls, state };
}

const ids = (s: AnyMachineSnapshot) => s._nodes.map((n: { id: string }) => n.id).sort();

/** Steps `it` through `events` and checks each step against XState's own `transition()`. */
function agreeWithXState(it: Interpreter, calls: Call[], events: string[], before: (type: string) => void = () => {}) {
  let snapshot = it.initial();
  calls.length = 0;
  const visited: unknown[] = [snapshot.value];
  for (const type of events) {
    before(type);
    const restored = it.restore(snapshot.value, it.history(snapshot)).snapshot;
    expect(ids(restored)).toEqual(ids(snapshot));
    const [expected, actions] = transition(it.machine, restored, { type });
    const next = it.transition(restored, type);
    expect(next.value).toEqual(expected.value);
    expect(next.status).toBe(expected.status);
    expect(it.history(next)).toEqual(it.history(expected));
    expect(calls).toEqual(actions.map((a) => [a.type, a.params]));
    calls.length = 0;
    snapshot = next;
    visited.push(next.value);
  }
  return visited;
}

describe('the XState contract the flow runtime relies on (xstate 5.33)', () => {
  it('only src/flow/xstate.ts imports XState', () => {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const importers = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts') && /from 'xstate'/.test(readFileSync(join(src, path), 'utf8')))
      .map((path) => path.replaceAll('\\', '/'));
    expect(importers).toEqual(['flow/xstate.ts']);
  });

  it.each([
    ['the flow’s machine config', (c: MachineConfig) => c],
    ['the config as the runtime compiles it (forXState)', forXState],
  ])(
    'the reused actor scope takes every transition of %s exactly as XState’s transition() does, and hands over the same actions in the same order',
    (_, configOf) => {
      const { flow } = fixtureFlow();
      const { it: interp, calls, state } = recording(configOf(flow.machine));
      const last = 'insurance/ISSUE';
      const visited = agreeWithXState(
        interp,
        calls,
        [
          'SAVE',
          'SUBMIT',
          'CLAIM',
          'REQUEST_SUPPLEMENT',
          'SUPPLEMENT',
          'ACCEPT',
          'hukou/CHECK',
          'birth-cert/REQUEST_SUPPLEMENT',
          'birth-cert/SUPPLEMENT',
          'insurance/REMIND',
          'insurance/VERIFIED',
          'hukou/APPROVE',
          'birth-cert/APPROVE',
          last,
        ],
        (type) => (state.decided = type === last)
      );
      // The walk went through the parallel regions and out to the end.
      expect(visited).toContainEqual({
        processing: {
          'birth-cert': 'waiting',
          hukou: 'review',
          insurance: { handling: 'checking' },
        },
      });
      expect(visited.at(-1)).toBe('completed');
    }
  );

  it('keeps what history states remember across a restore from ids', () => {
    const config: MachineConfig = {
      id: 'h',
      initial: 'work',
      states: {
        work: {
          initial: 'one',
          states: {
            one: { on: { NEXT: 'two' } },
            two: { on: { NEXT: 'one' } },
            hist: { type: 'history' },
          },
          on: { PAUSE: 'paused' },
        },
        paused: { on: { RESUME: 'work.hist' } },
      },
    };
    const { it: interp, calls } = recording(config);
    const visited = agreeWithXState(interp, calls, ['NEXT', 'PAUSE', 'RESUME', 'NEXT', 'PAUSE', 'RESUME']);
    expect(visited).toEqual([{ work: 'one' }, { work: 'two' }, 'paused', { work: 'two' }, { work: 'one' }, 'paused', { work: 'one' }]);
  });

  it('restores the same snapshot as resolveState, caches it per state value, frozen, and a transition leaves it unchanged', () => {
    const { flow } = fixtureFlow();
    const { it: interp } = recording(flow.machine);
    const value = {
      processing: {
        'birth-cert': 'review',
        hukou: 'review',
        insurance: { handling: 'checking' },
      },
    };
    const restored = interp.restore(value, undefined);
    const resolved = interp.machine.resolveState({ value, context: {} });
    expect(restored.snapshot.value).toEqual(resolved.value);
    expect(ids(restored.snapshot)).toEqual(ids(resolved));
    expect([...restored.snapshot.tags].sort()).toEqual([...resolved.tags].sort());
    expect(interp.restore(JSON.parse(JSON.stringify(value)), undefined)).toBe(restored);
    expect(Object.isFrozen(restored.snapshot) && Object.isFrozen(restored.snapshot._nodes)).toBe(true);

    const before = {
      value: JSON.stringify(restored.snapshot.value),
      nodes: ids(restored.snapshot),
      history: { ...restored.snapshot.historyValue },
    };
    interp.transition(restored.snapshot, 'hukou/APPROVE');
    interp.transition(restored.snapshot, 'insurance/VERIFIED');
    expect({
      value: JSON.stringify(restored.snapshot.value),
      nodes: ids(restored.snapshot),
      history: { ...restored.snapshot.historyValue },
    }).toEqual(before);
  });

  it('runs each action while the transition is taken, so the guards of later microsteps see its effect', () => {
    // a --GO / @save--> b --always [guard sees the action]--> c
    let saved = false;
    const interp = interpreter(
      {
        id: 'm',
        initial: 'a',
        states: {
          a: { on: { GO: { target: 'b', actions: [{ type: '@save' }] } } },
          b: { always: { target: 'c', guard: { type: 'rule' } } },
          c: {},
        },
      },
      ['rule'],
      ['@save'],
      { guard: () => saved, action: () => (saved = true) }
    );
    expect(interp.transition(interp.initial(), 'GO').value).toBe('c');
  });

  it('throws what XState reports as an error instead of returning an error snapshot', () => {
    const interp = interpreter({ id: 'e', initial: 'a', states: { a: { entry: [{ type: 'boom' }] } } }, [], ['boom'], {
      guard: () => false,
      action: () => {
        throw new Error('boom');
      },
    });
    expect(() => interp.initial()).toThrow('boom');
  });
});
