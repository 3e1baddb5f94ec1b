import { describe, expect, it } from 'vitest';
import { checkFlowModel } from './model.js';
import { composedOf, bundleDefinition, DATA, fixtureFlow } from './fixtures.js';

describe('model-based: random events by random actors, persisted and restored after every step', () => {
  it('the hand-built newborn bundle behaves the same whether or not it is restored from JSON between steps', () => {
    const { flow } = fixtureFlow();
    const totals = checkFlowModel(flow, composedOf(bundleDefinition()).questions, DATA, 400);
    expect(totals.runs).toBe(400);
    // The runs reach the ends of the flow and are refused for the reasons the runtime has.
    const ends = [...totals.states].filter((s) => ['"completed"', '"partlyCompleted"', '"rejected"', '"withdrawn"'].includes(s));
    expect(ends.length).toBeGreaterThanOrEqual(3);
    expect([...totals.refusals.keys()]).toEqual(expect.arrayContaining(['event-not-accepted', 'role-forbidden', 'field-not-editable', 'deadline-not-due', 'invalid-event']));
    // Supplement requests come with entries' own reasons, some with no overall reason at all.
    expect(totals.rounds.ownReasons).toBeGreaterThan(0);
    expect(totals.rounds.noOverall).toBeGreaterThan(0);
    console.info(
      `fixture: ${totals.runs} runs, ${totals.steps} steps taken, refusals ${JSON.stringify(Object.fromEntries(totals.refusals))}, end states ${ends.join(' ')}, rounds ${JSON.stringify(totals.rounds)}`,
    );
  }, 120_000);
});
