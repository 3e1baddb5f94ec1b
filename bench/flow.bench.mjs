#!/usr/bin/env node
// Flow step throughput on one core: a 5-item bundle in `processing` (five parallel item charts,
// each with clocks and deadlines running). One step = restore the stored snapshot (JSON.parse),
// take one event, persist the next snapshot (JSON.stringify) — what the server does per request.
// Baseline, same process, public API only: the same step with the XState machine and its actor
// built from scratch for every request — each request's flow carries a definition hash `step` has
// not seen, so nothing is cached (createMachine, createActor, resolveState, then the transition).
//   node bench/flow.bench.mjs          (needs `npm run build -w @onething/engine`)
//   BENCH_COMPARE=name=/path/to/dist/index.js,…   also measure other builds of @onething/engine in the
//                                    same run (e.g. a copy of packages/engine/{dist,package.json} made
//                                    before a change; it must resolve node_modules from where it lies)
// Prints a Markdown table (median of several rounds, with the range) and writes bench/results/flow.json.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as engine from '@onething/engine';

const compare = (process.env.BENCH_COMPARE ?? '')
  .split(',')
  .filter(Boolean)
  .map((spec) => {
    const [name, path] = spec.split('=');
    if (!name || !path) throw new Error(`BENCH_COMPARE entries are name=/path/to/dist/index.js, not "${spec}"`);
    return { name, path };
  });

const t = (zh, en = zh) => ({ 'zh-CN': zh, en });
const ITEMS = ['birth-cert', 'vaccination', 'hukou', 'insurance', 'social-card'];

/** An item chart like the examples': review with a time limit, a supplement loop, rule guards, assign and notify. */
function chart(id) {
  return {
    id,
    initial: 'review',
    context: { checks: 0 },
    states: {
      review: {
        meta: { limitDays: 5 },
        on: {
          CHECK: {
            guard: { type: 'rule', params: { rule: { '!!': { var: 'data.name' } } } },
            actions: [
              { type: 'assign', params: { path: 'checks', value: { '+': [{ var: 'context.checks' }, 1] } } },
              { type: 'notify', params: { to: 'applicant', template: `${id}.checked`, params: { name: { var: 'data.name' } } } },
            ],
            meta: { roles: ['reviewer'] },
          },
          APPROVE: { target: 'approved', guard: { type: 'rule', params: { rule: { '>=': [{ var: 'context.checks' }, 0] } } }, meta: { roles: ['reviewer'] } },
          REJECT: { target: 'rejected', meta: { roles: ['reviewer'] } },
          REQUEST_SUPPLEMENT: { target: 'waiting', actions: [{ type: 'requestSupplement' }], meta: { roles: ['reviewer'] } },
        },
      },
      waiting: {
        meta: { pausesClock: true, limitDays: 15, onTimeout: 'EXPIRE' },
        on: {
          SUPPLEMENT: { target: 'review', actions: [{ type: 'applySupplement' }], meta: { roles: ['applicant'] } },
          EXPIRE: { target: 'rejected', meta: { roles: ['system'] } },
        },
      },
      approved: { type: 'final', meta: { outcome: 'approved' } },
      rejected: { type: 'final', meta: { outcome: 'rejected' } },
    },
  };
}

const items = ITEMS.map((id, i) => ({
  kind: 'item',
  id,
  version: '1.0.0',
  title: t(id),
  department: { id: `dept-${i}`, title: t(`dept-${i}`) },
  region: '420703',
  limits: { legalDays: 20, promisedDays: 10, visits: 1, days: 'working' },
  steps: [{ id: 'review', kind: 'review', title: t('审查', 'Review') }],
  materials: [],
  schema: { type: 'object' },
  flow: chart(id),
}));
const bundle = {
  kind: 'bundle',
  id: 'bench',
  version: '1.0.0',
  title: t('基准', 'Bench'),
  region: '420703',
  lead: { id: 'window', title: t('综窗', 'Window') },
  limits: { acceptDays: 1, days: 'working' },
  questions: { type: 'object' },
  items: ITEMS.map((item) => ({ item, version: '^1.0.0' })),
};
const loaded = (definition) => ({ definition, file: `${definition.kind}s/${definition.id}.json`, hash: `hash-${definition.id}` });
const itemMap = new Map(items.map((d) => [d.id, new Map([[d.version, loaded(d)]])]));
const registry = {
  concepts: new Map(),
  eLicenses: new Map(),
  dictionaries: new Map(),
  items: itemMap,
  bundles: new Map([[bundle.id, new Map([[bundle.version, loaded(bundle)]])]]),
  overlays: new Map(),
  resolveItem: (id) => [...(itemMap.get(id)?.values() ?? [])][0],
  bundle: (id, version) => (id === bundle.id && (!version || version === bundle.version) ? loaded(bundle) : undefined),
};
const composed = {
  format: 'onething.composed/1',
  bundle: { id: bundle.id, version: bundle.version, hash: 'hash-bench', title: bundle.title, region: bundle.region, lead: bundle.lead, limits: { visits: 1, acceptDays: 1, days: 'working' } },
  questions: bundle.questions,
  questionsUi: { layout: 'sections', sections: [], fields: {} },
  items: items.map((d) => ({ id: d.id, version: d.version, hash: `hash-${d.id}`, title: d.title, department: d.department, region: d.region, limits: d.limits, steps: d.steps })),
  schema: { type: 'object' },
  fields: Object.fromEntries(
    ['applicant.name', 'applicant.idNumber', 'child.name', 'child.birthDate'].map((path) => [
      path,
      { path, kind: 'value', items: ITEMS, requiredBy: ITEMS, pii: 'personal', sources: [] },
    ]),
  ),
  ui: { layout: 'sections', sections: [], fields: {} },
  rules: {},
  materials: [],
  projection: Object.fromEntries(ITEMS.map((id) => [id, [{ from: 'applicant.name', to: 'name' }, { from: 'child.name', to: 'child' }, { from: 'child.birthDate', to: 'born' }]])),
  active: null,
};

const applicant = { id: 'citizen', role: 'applicant' };
const clerk = { id: 'clerk', role: 'clerk', department: 'window' };
const reviewer = { id: 'reviewer', role: 'reviewer', department: 'dept-2' };
const data = { applicant: { name: '李华', idNumber: '420703199001011234' }, child: { name: '小明', birthDate: '2025-02-20' } };
const NOW = '2025-03-04T02:00:00.000Z';
const check = { type: 'CHECK', item: 'hukou' };
const approve = { type: 'APPROVE', item: 'hukou' };

/** One build of the engine, set up: the flow, an application accepted and in processing, and its steps to measure. */
function setUp({ createApplicationFlow, isRefusal, start, step }) {
  const { value: flow, diagnostics } = createApplicationFlow(composed, registry);
  if (!flow) throw new Error(JSON.stringify(diagnostics));
  const ok = (r) => {
    if (isRefusal(r)) throw new Error(r.refused.message.en);
    return r;
  };
  // An application accepted and in processing: five regions, each with its clocks and deadlines.
  let r = ok(start(flow, { actor: applicant, now: '2025-03-03T01:00:00.000Z', data }));
  r = ok(step(flow, r.snapshot, { type: 'SUBMIT' }, applicant, '2025-03-03T01:00:00.000Z'));
  r = ok(step(flow, r.snapshot, { type: 'CLAIM' }, clerk, '2025-03-03T01:30:00.000Z'));
  r = ok(step(flow, r.snapshot, { type: 'ACCEPT' }, clerk, '2025-03-03T02:00:00.000Z'));
  const stored = JSON.stringify(r.snapshot);
  if (Object.keys(r.snapshot.deadlines).length !== 10) throw new Error(`expected 10 deadlines, got ${Object.keys(r.snapshot.deadlines).length}`);
  const ours = (event, actor) => () => {
    const result = step(flow, JSON.parse(stored), event, actor, NOW);
    return JSON.stringify(isRefusal(result) ? result.refused : result.snapshot);
  };
  // Sanity: the measured steps do what they say.
  if (JSON.parse(ours(check, reviewer)()).context.items.hukou.context.checks !== 1) throw new Error('CHECK did not assign');
  if (JSON.parse(ours(approve, reviewer)()).value.processing.hukou !== 'approved') throw new Error('APPROVE did not approve');
  if (JSON.parse(ours(approve, applicant)()).code !== 'role-forbidden') throw new Error('the applicant was not refused');
  return { flow, snapshot: r.snapshot, stored, ours, step, isRefusal };
}

const main = setUp(engine);
const { flow, stored } = main;

// Baseline: a definition hash never seen before defeats every cache, so each request builds the
// machine and its actor from scratch, exactly as a server without the cache would.
let fresh = 0;
const naive = () => {
  const hash = `cold-${++fresh}`;
  const cold = { ...flow, definition: { ...flow.definition, hash } };
  const snapshot = JSON.parse(stored);
  snapshot.definition = cold.definition;
  const result = main.step(cold, snapshot, check, reviewer, NOW);
  return JSON.stringify(main.isRefusal(result) ? result.refused : result.snapshot);
};
if (JSON.parse(naive()).context.items.hukou.context.checks !== 1) throw new Error('baseline CHECK did not assign');

/**
 * Operations per CPU-second of `fn` over about `ms` milliseconds of this process's CPU time
 * (user + system): "per second on one core", and steadier than wall time on a shared machine.
 */
function rate(fn, ms) {
  let ops = 0;
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const begin = cpu();
  let now = begin;
  while (now - begin < ms) {
    for (let i = 0; i < 20; i++) fn();
    ops += 20;
    now = cpu();
  }
  return (ops * 1000) / (now - begin);
}

/**
 * Warms every case up, then measures `rounds` rounds of all of them in turn (so each round of
 * each case sees the same moment of a busy machine); the median of the rounds resists the noise.
 */
function measureAll(cases, { rounds = 7, ms = 300 } = {}) {
  const all = cases.map(() => []);
  for (const c of cases) rate(c.fn, c.ms ?? ms);
  for (let round = 0; round < rounds; round++) cases.forEach((c, i) => all[i].push(rate(c.fn, c.ms ?? ms)));
  return cases.map((c, i) => {
    const sorted = all[i].sort((a, b) => a - b);
    return { name: c.name, opsPerSec: sorted[Math.floor(rounds / 2)], min: sorted[0], max: sorted[rounds - 1] };
  });
}

const parsed = JSON.parse(stored);
const cases = [
  { name: 'machine + actor built per request (baseline)', fn: naive, ms: 500 },
  { name: 'step: CHECK (rule guard, assign, notify)', fn: main.ours(check, reviewer) },
  { name: 'step: APPROVE (item decided, clocks stopped, deadlines cancelled)', fn: main.ours(approve, reviewer) },
  { name: 'step: refused (applicant may not approve)', fn: main.ours(approve, applicant) },
  { name: 'for reference — APPROVE without JSON (snapshot object in and out)', fn: () => main.step(flow, parsed, approve, reviewer, NOW) },
  { name: 'for reference — JSON.parse + JSON.stringify of the snapshot alone', fn: () => JSON.stringify(JSON.parse(stored)) },
];
const sizes = [{ build: 'this build', bytes: stored.length }];
for (const { name, path } of compare) {
  const other = setUp(await import(pathToFileURL(path).href));
  sizes.push({ build: name, bytes: other.stored.length });
  cases.push({ name: `${name}: step CHECK`, fn: other.ours(check, reviewer) });
  cases.push({ name: `${name}: step APPROVE`, fn: other.ours(approve, reviewer) });
}
const rows = measureAll(cases);
const baseline = rows[0].opsPerSec;

const fmt = (x) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
console.log('| step on a 5-item bundle (restore + event + persist) | steps per CPU-second (median) | min – max | vs. baseline |');
console.log('|---|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.name} | ${fmt(row.opsPerSec)} | ${fmt(row.min)} – ${fmt(row.max)} | ${(row.opsPerSec / baseline).toFixed(1)}× |`);
const target = 20_000;
const worst = Math.min(rows[1].opsPerSec, rows[2].opsPerSec);
console.log(`\nTarget ≥ ${target.toLocaleString('en-US')} steps/s on one core (slower of CHECK and APPROVE): ${worst >= target ? 'met' : 'NOT met'}.`);
console.log(`Node ${process.version}; snapshot of the application in processing: ${sizes.map((x) => `${x.bytes} bytes of JSON (${x.build})`).join(', ')}.`);

const out = fileURLToPath(new URL('./results/flow.json', import.meta.url));
writeFileSync(
  out,
  `${JSON.stringify({ benchmark: 'flow', items: ITEMS.length, node: process.version, date: new Date().toISOString(), target, snapshotBytes: stored.length, sizes, rows, ratio: worst / baseline }, null, 2)}\n`,
);
