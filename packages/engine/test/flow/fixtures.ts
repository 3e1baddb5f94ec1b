import type { ComposedBundle, ComposedItem } from '../../src/compose/types.js';
import type { BundleDefinition, Flow, ItemDefinition } from '../../src/definitions/types.generated.js';
import type { Loaded, Registry } from '../../src/definitions/registry-types.js';
import { createApplicationFlow } from '../../src/flow/create.js';
import { isRefusal } from '../../src/flow/refusals.js';
import { start, step } from '../../src/flow/step.js';
import type { Actor, ApplicationFlow, ApplicationSnapshot, FlowEvent, StepRefusal, StepResult } from '../../src/flow/types.js';

/**
 * A small "newborn" bundle built by hand (per src/compose/types.ts): three items in three
 * departments, the window `window`; `hukou` and `insurance` apply only when the family
 * settles locally.
 */

const t = (zh: string, en = zh) => ({ 'zh-CN': zh, en });

const birthChart: Flow = {
  initial: 'review',
  states: {
    review: {
      meta: { limitDays: 2 },
      on: {
        APPROVE: { target: 'approved', meta: { roles: ['reviewer'] } },
        REJECT: {
          target: 'rejected',
          guard: { type: 'rule', params: { rule: { '!!': { var: 'event.reason' } } } },
          meta: { roles: ['reviewer'] },
        },
        REQUEST_SUPPLEMENT: { target: 'waiting', actions: [{ type: 'requestSupplement', params: { maxRounds: 1 } }], meta: { roles: ['reviewer'] } },
      },
    },
    waiting: {
      meta: { pausesClock: true, limitDays: 15, days: 'calendar', onTimeout: 'EXPIRE' },
      on: {
        SUPPLEMENT: { target: 'review', actions: [{ type: 'applySupplement' }], meta: { roles: ['applicant'] } },
        EXPIRE: { target: 'rejected', meta: { roles: ['system'] } },
      },
    },
    approved: { type: 'final', meta: { outcome: 'approved' } },
    rejected: { type: 'final', meta: { outcome: 'rejected' } },
  },
};

const hukouChart: Flow = {
  id: 'hukou',
  initial: 'review',
  context: { checks: 0 },
  states: {
    review: {
      on: {
        CHECK: {
          actions: [
            { type: 'assign', params: { path: 'checks', value: { '+': [{ var: 'context.checks' }, 1] } } },
            { type: 'notify', params: { to: 'applicant', template: 'hukou.checked', params: { address: { var: 'data.address' } } } },
          ],
          meta: { roles: ['reviewer'] },
        },
        APPROVE: {
          target: '#hukou.approved',
          guard: { type: 'rule', params: { rule: { and: [{ '!!': { var: 'data.address' } }, { '>': [{ var: 'context.checks' }, 0] }] } } },
          meta: { roles: ['reviewer'] },
        },
        REJECT: { target: 'rejected', meta: { roles: ['reviewer'] } },
      },
    },
    approved: { type: 'final', meta: { outcome: 'approved' } },
    rejected: { type: 'final', meta: { outcome: 'rejected' } },
  },
};

const insuranceChart: Flow = {
  id: 'ins',
  initial: 'handling',
  states: {
    handling: {
      initial: 'checking',
      states: {
        checking: {
          entry: [{ type: 'setDeadline', params: { key: 'callback', days: 3, event: 'REMIND' } }],
          exit: [{ type: 'clearDeadline', params: { key: 'callback' } }],
          on: { VERIFIED: { target: 'ready', meta: { roles: ['reviewer'] } } },
        },
        // A target by the chart's id, which the runtime rewrites to the item's region.
        ready: { on: { ISSUE: { target: '#ins.insured', meta: { roles: ['reviewer'] } } } },
      },
      on: {
        REMIND: { actions: [{ type: 'notify', params: { to: 'reviewer', template: 'insurance.remind' } }], meta: { roles: ['system'] } },
        WITHDRAW: { target: 'withdrawn', meta: { roles: ['applicant'] } },
      },
    },
    insured: { type: 'final', meta: { outcome: 'approved' } },
    withdrawn: { type: 'final', meta: { outcome: 'withdrawn' } },
  },
};

function item(id: string, department: string, flow: Flow, promisedDays: number): ItemDefinition {
  return {
    kind: 'item',
    id,
    version: '1.0.0',
    title: t(id),
    department: { id: department, title: t(department) },
    region: '420703',
    limits: { legalDays: promisedDays * 2, promisedDays, visits: 1, days: 'working' },
    steps: [{ id: 'review', kind: 'review', title: t('审查', 'Review') }],
    materials: [],
    schema: { type: 'object' },
    flow,
  };
}

export const items = {
  'birth-cert': item('birth-cert', 'health', birthChart, 3),
  hukou: item('hukou', 'police', hukouChart, 5),
  insurance: item('insurance', 'insurance', insuranceChart, 10),
};

export function bundleDefinition(version = '1.0.0', flow: BundleDefinition['flow'] = { supplement: { maxRounds: 2, limitDays: 10 } }): BundleDefinition {
  return {
    kind: 'bundle',
    id: 'newborn',
    version,
    title: t('新生儿出生一件事', 'Newborn'),
    region: '420703',
    lead: { id: 'window', title: t('综窗', 'Window') },
    limits: { acceptDays: 1, days: 'working' },
    questions: { type: 'object', properties: { settle: { type: 'boolean' } } },
    items: [
      { item: 'birth-cert', version: '^1.0.0' },
      { item: 'hukou', version: '^1.0.0', when: { '===': [{ var: 'settle' }, true] } },
      { item: 'insurance', version: '^1.0.0', when: { '===': [{ var: 'settle' }, true] } },
    ],
    ...(flow ? { flow } : {}),
  };
}

const loaded = <T>(definition: T, file: string): Loaded<T> => ({ definition, file, hash: `hash-of-${file}` });

export function registryOf(itemDefs: ItemDefinition[], bundles: BundleDefinition[]): Registry {
  const byId = <T extends { id: string; version: string }>(defs: T[], dir: string) => {
    const map = new Map<string, Map<string, Loaded<T>>>();
    for (const d of defs) {
      if (!map.has(d.id)) map.set(d.id, new Map());
      map.get(d.id)!.set(d.version, loaded(d, `${dir}/${d.id}@${d.version}.json`));
    }
    return map;
  };
  const itemMap = byId(itemDefs, 'items');
  const bundleMap = byId(bundles, 'bundles');
  return {
    concepts: new Map(),
    eLicenses: new Map(),
    dictionaries: new Map(),
    items: itemMap,
    bundles: bundleMap,
    overlays: new Map(),
    resolveItem: (id) => [...(itemMap.get(id)?.values() ?? [])][0],
    bundle: (id, version) => (version ? bundleMap.get(id)?.get(version) : [...(bundleMap.get(id)?.values() ?? [])].at(-1)),
  };
}

function composedItem(def: ItemDefinition, when?: ComposedItem['when']): ComposedItem {
  return {
    id: def.id,
    version: def.version,
    hash: `hash-of-${def.id}`,
    title: def.title,
    department: def.department,
    region: def.region,
    limits: def.limits,
    steps: def.steps,
    ...(when !== undefined ? { when } : {}),
  };
}

export function composedOf(bundle: BundleDefinition): ComposedBundle {
  const field = (path: string, itemIds: string[]) => ({
    path,
    kind: 'value' as const,
    items: itemIds,
    requiredBy: itemIds,
    pii: 'personal' as const,
    sources: itemIds.map((i) => ({ item: i, pointer: `/schema/properties/${path}` })),
  });
  return {
    format: 'onething.composed/1',
    bundle: {
      id: bundle.id,
      version: bundle.version,
      hash: `hash-of-bundle-${bundle.version}`,
      title: bundle.title,
      region: bundle.region,
      lead: bundle.lead,
      limits: { visits: 1, acceptDays: 1, days: 'working' },
    },
    questions: bundle.questions,
    questionsUi: { layout: 'sections', sections: [], fields: {} },
    items: bundle.items.map((b) => composedItem(items[b.item as keyof typeof items], b.when)),
    schema: { type: 'object' },
    fields: {
      'child.name': field('child.name', ['birth-cert', 'hukou']),
      'child.birthDate': field('child.birthDate', ['birth-cert', 'hukou']),
      'mother.name': field('mother.name', ['birth-cert', 'hukou', 'insurance']),
      'hukou.address': field('hukou.address', ['hukou']),
      'hukou.age': field('hukou.age', ['hukou']),
    },
    ui: { layout: 'sections', sections: [], fields: {} },
    rules: { 'hukou.age': { value: { var: 'child.birthDate' } } },
    materials: [
      { id: 'birth-proof', title: t('出生证明'), required: true, exempt: false, accept: ['application/pdf'], maxBytes: 1_000_000, maxFiles: 1, items: ['birth-cert'], merged: [] },
      { id: 'id-card', title: t('身份证'), required: true, exempt: false, accept: ['image/png'], maxBytes: 1_000_000, maxFiles: 1, items: ['birth-cert', 'hukou'], merged: [] },
    ],
    projection: {
      'birth-cert': [
        { from: 'child.name', to: 'childName' },
        { from: 'child.birthDate', to: 'birthDate' },
        { from: 'mother.name', to: 'motherName' },
      ],
      hukou: [
        { from: 'child.name', to: 'name' },
        { from: 'hukou.address', to: 'address' },
        { from: 'hukou.age', to: 'age' },
        { from: 'mother.name', to: 'mother.name' },
      ],
      insurance: [{ from: 'mother.name', to: 'insured' }],
    },
    active: null,
  };
}

/** The fixture flow (and what it was built from). */
export function fixtureFlow(version = '1.0.0', overrides?: BundleDefinition['flow']): { flow: ApplicationFlow; composed: ComposedBundle; registry: Registry } {
  const bundle = bundleDefinition(version, overrides);
  const registry = registryOf(Object.values(items), [bundle]);
  const composed = composedOf(bundle);
  const result = createApplicationFlow(composed, registry);
  if (!result.value) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return { flow: result.value, composed, registry };
}

export const actors = {
  applicant: { id: 'citizen-1', role: 'applicant' },
  stranger: { id: 'citizen-2', role: 'applicant' },
  clerk: { id: 'clerk-1', role: 'clerk', department: 'window' },
  otherClerk: { id: 'clerk-9', role: 'clerk', department: 'police' },
  health: { id: 'doc-1', role: 'reviewer', department: 'health' },
  police: { id: 'cop-1', role: 'reviewer', department: 'police' },
  insurer: { id: 'ins-1', role: 'reviewer', department: 'insurance' },
  admin: { id: 'admin-1', role: 'admin' },
  system: { id: 'scheduler', role: 'system' },
} satisfies Record<string, Actor>;

export const DATA = {
  child: { name: '小明', birthDate: '2025-02-20' },
  mother: { name: '李华' },
  hukou: { address: '华容区' },
};

/** Asserts a step succeeded and returns it. */
export function ok(result: StepResult | StepRefusal): StepResult {
  if (isRefusal(result)) throw new Error(`refused: ${result.refused.code} ${result.refused.message.en}`);
  return result;
}

/** Asserts a step was refused and returns the refusal. */
export function refused(result: StepResult | StepRefusal): StepRefusal['refused'] {
  if (!isRefusal(result)) throw new Error(`expected a refusal, reached ${JSON.stringify(result.snapshot.value)}`);
  return result.refused;
}

/** Runs a script of [event, actor, now] from a fresh application; returns the last result. */
export function run(flow: ApplicationFlow, script: Array<[FlowEvent, Actor, string]>, answers = { settle: true }): StepResult {
  let r = ok(start(flow, { actor: actors.applicant, now: '2025-03-03T01:00:00.000Z', answers, data: DATA }));
  for (const [event, actor, now] of script) r = ok(step(flow, r.snapshot, event, actor, now));
  return r;
}

/** The steps to acceptance: submit Monday 09:00, claim 09:30, accept 10:00 (Beijing time). */
export const TO_ACCEPTANCE: Array<[FlowEvent, Actor, string]> = [
  [{ type: 'SUBMIT' }, actors.applicant, '2025-03-03T01:00:00.000Z'],
  [{ type: 'CLAIM' }, actors.clerk, '2025-03-03T01:30:00.000Z'],
  [{ type: 'ACCEPT' }, actors.clerk, '2025-03-03T02:00:00.000Z'],
];

export type { ApplicationSnapshot };
