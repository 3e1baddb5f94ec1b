import { describe, expect, it } from 'vitest';
import { createApplicationFlow } from '../../src/flow/create.js';
import { chinaCalendar } from '../../src/flow/calendar/calendar.js';
import type { ItemDefinition } from '../../src/definitions/types.generated.js';
import { step } from '../../src/flow/step.js';
import { actors, bundleDefinition, composedOf, items, ok, registryOf, run } from './fixtures.js';

const messages = (r: ReturnType<typeof createApplicationFlow>) => r.diagnostics.map((d) => `${d.code} ${d.file ?? ''}${d.pointer}: ${d.message.en}`);

describe('createApplicationFlow', () => {
  it('builds a plain-JSON flow that names its definition', () => {
    const bundle = bundleDefinition();
    const { value, diagnostics } = createApplicationFlow(composedOf(bundle), registryOf(Object.values(items), [bundle]));
    expect(diagnostics).toEqual([]);
    expect(value!.definition).toMatchObject({ id: 'newborn', version: '1.0.0' });
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
    expect(value!.items.map((i) => [i.id, i.department, i.materials])).toEqual([
      ['birth-cert', 'health', ['birth-proof', 'id-card']],
      ['hukou', 'police', ['id-card']],
      ['insurance', 'insurance', []],
    ]);
    expect(value!.computed).toEqual(['hukou.age']);
  });

  it('applies the bundle’s flow overrides', () => {
    const bundle = bundleDefinition('1.0.0', { preReview: { limitDays: 4, roles: ['reviewer'] }, supplement: { limitDays: 20, maxRounds: 1 }, migrations: ['^0.9.0'] });
    const flow = createApplicationFlow(composedOf(bundle), registryOf(Object.values(items), [bundle])).value!;
    const states = flow.machine.states as Record<string, { meta?: { limitDays?: number } }>;
    expect(states.reception?.meta?.limitDays).toBe(4);
    expect(states.supplement?.meta?.limitDays).toBe(20);
    expect(flow.supplement).toEqual({ maxRounds: 1 });
    expect(flow.migrations).toEqual(['^0.9.0']);
  });

  it('tells the roles that pre-review about a submission, and whoever asked about a supplement answer', () => {
    const bundle = bundleDefinition('1.0.0', { preReview: { roles: ['reviewer'] } });
    const flow = createApplicationFlow(composedOf(bundle), registryOf(Object.values(items), [bundle])).value!;
    const lead = { id: 'r-1', role: 'reviewer', department: 'window' } as const;
    const submitted = run(flow, [[{ type: 'SUBMIT' }, actors.applicant, '2025-03-03T01:00:00.000Z']]);
    expect(submitted.effects.filter((e) => e.type === 'notify')).toEqual([{ type: 'notify', to: 'reviewer:window', template: 'onething.submitted', params: {} }]);
    let s = ok(step(flow, submitted.snapshot, { type: 'CLAIM' }, lead, '2025-03-03T02:00:00.000Z')).snapshot;
    s = ok(step(flow, s, { type: 'REQUEST_SUPPLEMENT', fields: ['child.name'], reason: 'x' }, lead, '2025-03-03T03:00:00.000Z')).snapshot;
    const answered = ok(step(flow, s, { type: 'SUPPLEMENT', data: { child: { name: '小红' } } }, actors.applicant, '2025-03-03T04:00:00.000Z'));
    expect(answered.effects.find((e) => e.type === 'notify')).toMatchObject({ to: 'reviewer:window', template: 'onething.supplemented' });
  });

  it('refuses charts naming guards or actions outside the catalog, and final states without an outcome', () => {
    const broken: ItemDefinition = structuredClone(items.hukou);
    broken.flow.states.review!.on!.APPROVE = { target: 'approved', guard: { type: 'isAdult' }, actions: [{ type: 'sendSms' }], meta: { roles: ['reviewer'] } };
    delete broken.flow.states.rejected!.meta;
    const bundle = bundleDefinition();
    const r = createApplicationFlow(composedOf(bundle), registryOf([items['birth-cert'], broken, items.insurance], [bundle]));
    expect(r.value).toBeNull();
    expect(messages(r)).toMatchInlineSnapshot(`
      [
        "flow-unknown-guard items/hukou@1.0.0.json/flow/states/review/on/APPROVE/guard/type: Guard "isAdult" is not in the engine's catalog (available: rule)",
        "flow-unknown-action items/hukou@1.0.0.json/flow/states/review/on/APPROVE/actions/0/type: Action "sendSms" is not in the engine's catalog (available: assign, notify, setDeadline, clearDeadline, requestSupplement, applySupplement)",
        "flow-missing-outcome items/hukou@1.0.0.json/flow/states/rejected: Final state "rejected" of the item chart has no meta.outcome (approved, rejected or withdrawn), so the item's result is unknown",
      ]
    `);
  });

  it('reports definitions missing from the registry and a broken region calendar', () => {
    const bundle = bundleDefinition();
    const calendar = { ...chinaCalendar, weekend: [7] };
    const r = createApplicationFlow(composedOf(bundle), registryOf([items['birth-cert']], []), { calendar });
    expect(r.value).toBeNull();
    expect(messages(r)).toMatchInlineSnapshot(`
      [
        "flow-invalid-calendar : Invalid holiday calendar: weekend must be an array of 0 (Sunday) … 6 (Saturday)",
        "flow-definition-not-found : Bundle "newborn" 1.0.0 is not in the registry, so its flow settings are unavailable",
        "flow-definition-not-found : Item "hukou" 1.0.0 of the composition is not in the registry, so its chart is unavailable",
        "flow-definition-not-found : Item "insurance" 1.0.0 of the composition is not in the registry, so its chart is unavailable",
      ]
    `);
  });

  it('reports a chart XState cannot build', () => {
    const broken: ItemDefinition = structuredClone(items.hukou);
    broken.flow.states.review!.on!.REJECT = { target: 'nowhere', meta: { roles: ['reviewer'] } };
    const bundle = bundleDefinition();
    const r = createApplicationFlow(composedOf(bundle), registryOf([items['birth-cert'], broken, items.insurance], [bundle]));
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['flow-invalid-chart']);
    expect(r.diagnostics[0]!.message.en).toMatch(/^The chart of item "hukou" cannot be built into a state machine: .*Child state .nowhere. does not exist/s);
  });
});
