import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/definitions/load.js';
import { compose } from '../../src/compose/compose.js';
import { unproject } from '../../src/runtime/projection.js';
import { createApplicationFlow } from '../../src/flow/create.js';
import type { Json } from '../../src/json.js';
import { checkFlowModel } from './model.js';

/** The example bundles (examples/definitions), as the demo serves them. */
const root = fileURLToPath(new URL('../../../../examples/definitions/', import.meta.url));
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.json'))
  .map((path) => ({ path: relative(root, join(root, path)), content: readFileSync(join(root, path), 'utf8') }));
const { value: registry } = load(files);

function exampleFlow(id: string) {
  const composed = compose(registry.bundle(id)!, registry).value;
  const { value: flow, diagnostics } = createApplicationFlow(composed, registry);
  expect(diagnostics).toEqual([]);
  return { flow: flow!, composed };
}

// Item data their charts' guards read (the rest does not steer the flow), in both directions.
const variants: Record<string, Array<Record<string, Record<string, Json>>>> = {
  'newborn-birth': [
    { 'household-registration': { parentsMarried: false, settleWith: 'father' } },
    { 'household-registration': { parentsMarried: true, settleWith: 'mother' } },
  ],
  'open-restaurant': [
    { 'food-business-licence': { premises: { area: 200 } }, 'fire-safety-inspection': { procedure: 'commitment' } },
    { 'food-business-licence': { premises: { area: 80 } }, 'fire-safety-inspection': { procedure: 'inspection' } },
  ],
};

describe('model-based over the example bundles: random events by random actors, persisted and restored after every step', () => {
  for (const [id, datas] of Object.entries(variants)) {
    it(`${id}: the restored run always agrees with the uninterrupted one, and the scheduler with the snapshot`, () => {
      const { flow, composed } = exampleFlow(id);
      let runs = 0;
      const ends = new Set<string>();
      for (const itemData of datas) {
        const totals = checkFlowModel(flow, composed.questions, unproject(composed, itemData), 500);
        runs += totals.runs;
        for (const s of totals.states) if (!s.startsWith('{')) ends.add(s);
      }
      expect(runs).toBe(1000); // at least 1,000 runs per example bundle
      // Random walks reach the ends of the flow: decided, refused at the window, withdrawn.
      expect([...ends].sort()).toEqual(expect.arrayContaining(['"completed"', '"withdrawn"']));
      console.info(`${id}: ${runs} runs; end states reached: ${[...ends].sort().join(' ')}`);
    }, 180_000);
  }
});
