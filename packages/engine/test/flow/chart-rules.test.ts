import { describe, expect, it } from 'vitest';
import { createApplicationFlow } from '../../src/flow/create.js';
import { step } from '../../src/flow/step.js';
import type { ItemDefinition } from '../../src/definitions/types.generated.js';
import { actors, bundleDefinition, composedOf, items, ok, refused, registryOf, run, TO_ACCEPTANCE } from './fixtures.js';

describe('rules in item charts', () => {
  const dated: ItemDefinition = structuredClone(items.hukou);
  dated.flow.states.review!.on!.STAMP = {
    guard: { type: 'rule', params: { rule: { '==': [{ today: [] }, '2025-03-04'] } } },
    actions: [{ type: 'assign', params: { path: 'stampedOn', value: { today: [] } } }],
    meta: { roles: ['reviewer'] },
  };
  const bundle = bundleDefinition();
  const flow = createApplicationFlow(composedOf(bundle), registryOf([items['birth-cert'], dated, items.insurance], [bundle])).value!;
  const accepted = run(flow, TO_ACCEPTANCE).snapshot;

  it('read today as the local date of the calendar (Beijing), not the UTC date', () => {
    // 2025-03-03T17:00Z is 01:00 on 4 March in Beijing; 15:00Z is still 3 March there.
    const stamped = ok(step(flow, accepted, { type: 'STAMP', item: 'hukou' }, actors.police, '2025-03-03T17:00:00.000Z'));
    expect(stamped.snapshot.context.items.hukou?.context).toEqual({ checks: 0, stampedOn: '2025-03-04' });
    expect(refused(step(flow, accepted, { type: 'STAMP', item: 'hukou' }, actors.police, '2025-03-03T15:00:00.000Z')).code).toBe('event-not-accepted');
  });

  it('read the item’s own data under its own paths, and the event', () => {
    // hukou's chart sees bundle field hukou.address as data.address.
    const checked = ok(step(flow, accepted, { type: 'CHECK', item: 'hukou' }, actors.police, '2025-03-04T02:00:00.000Z'));
    expect(checked.effects).toContainEqual({ type: 'notify', to: 'applicant', template: 'hukou.checked', params: { address: '华容区' }, item: 'hukou' });
  });
});
