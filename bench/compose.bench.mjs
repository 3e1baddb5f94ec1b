#!/usr/bin/env node
// Compose time vs. bundle size: generated bundles of 5, 15 and 45 items × 40 fields each, 40 % of
// the fields bound to shared concepts (so merging really happens), with sections, widget hints,
// rules and materials. Reports the median compose time per size and the time per item, to show
// that composing grows linearly. Baseline, same process: structuredClone of the same inputs (the
// bundle and its item definitions) — the cost of merely copying what compose reads.
//   node bench/compose.bench.mjs          (needs `npm run build -w @onething/engine`)
// Prints a Markdown table and writes bench/results/compose.json.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compose, load, metrics } from '@onething/engine';

const FIELDS_PER_ITEM = 40;
const BOUND_PER_ITEM = 16; // 40 %
const SIZES = [5, 15, 45];
const NAMESPACES = ['applicant', 'mother', 'father', 'child', 'enterprise', 'premises', 'contact', 'household'];
const t = (zh, en = zh) => ({ 'zh-CN': zh, en });

/** A small deterministic PRNG, so every run composes the same bundles. */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const conceptIds = NAMESPACES.flatMap((ns) => Array.from({ length: 10 }, (_, i) => `${ns}.f${i}`));
const dictionary = {
  kind: 'concepts',
  id: 'bench-concepts',
  version: '1.0.0',
  eLicenses: { 'resident-id-card': { title: t('居民身份证'), issuer: t('公安机关'), holder: 'person' } },
  namespaces: Object.fromEntries(NAMESPACES.map((ns) => [ns, { title: t(ns) }])),
  concepts: Object.fromEntries(
    conceptIds.map((id, i) => [
      id,
      {
        title: t(id),
        pii: 'personal',
        schema: i % 4 === 0 ? { type: 'string', enum: ['a', 'b', 'c', 'd'] } : i % 4 === 1 ? { type: 'integer', minimum: 0, maximum: 1000 } : { type: 'string', maxLength: 100 },
      },
    ]),
  ),
};

/** One item: 16 concept-bound fields (some inside groups) and 24 of its own, with UI, rules and materials. */
function item(n, rnd) {
  const id = `item-${n}`;
  const bound = [...conceptIds].sort(() => rnd() - 0.5).slice(0, BOUND_PER_ITEM);
  const properties = {};
  const required = [];
  const sectionFields = [];
  bound.forEach((concept, i) => {
    const [ns, name] = concept.split('.');
    if (i % 2 === 0) {
      properties[ns] ??= { type: 'object', 'x-title': t(ns), properties: {}, required: [] };
      properties[ns].properties[name] = { 'x-concept': concept, ...(i % 3 === 0 ? { maxLength: 80 } : {}) };
      if (i % 4 === 0) properties[ns].required.push(name);
      sectionFields.push(`${ns}.${name}`);
    } else {
      properties[`c${i}`] = { 'x-concept': concept };
      if (i % 3 === 0) required.push(`c${i}`);
      sectionFields.push(`c${i}`);
    }
  });
  for (const ns of NAMESPACES) if (properties[ns]) required.push(ns);
  for (let i = 0; i < FIELDS_PER_ITEM - BOUND_PER_ITEM; i++) {
    const kind = i % 6;
    properties[`own${i}`] =
      kind === 0 ? { type: 'string', 'x-title': t(`字段${i}`, `field ${i}`), pattern: '^[^<>]*$' }
      : kind === 1 ? { type: 'integer', 'x-title': t(`数量${i}`, `count ${i}`), minimum: 0 }
      : kind === 2 ? { type: 'boolean', 'x-title': t(`是否${i}`, `flag ${i}`) }
      : kind === 3 ? { type: 'string', format: 'date', 'x-title': t(`日期${i}`, `date ${i}`) }
      : kind === 4 ? { type: 'string', enum: ['x', 'y'], 'x-title': t(`选项${i}`, `choice ${i}`) }
      : { type: 'array', 'x-title': t(`明细${i}`, `rows ${i}`), items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } };
    if (i % 2 === 0) required.push(`own${i}`);
    sectionFields.push(`own${i}`);
  }
  return {
    kind: 'item',
    id,
    version: '1.0.0',
    title: t(`事项${n}`, `Item ${n}`),
    department: { id: `dept-${n}`, title: t(`部门${n}`, `Department ${n}`) },
    region: '420703',
    limits: { legalDays: 20, promisedDays: 1 + (n % 7), visits: 1 + (n % 2) },
    steps: [
      { id: 'accept', kind: 'accept', title: t('受理') },
      { id: 'review', kind: 'review', title: t('审核') },
      { id: 'decide', kind: 'decide', title: t('决定') },
    ],
    materials: [
      { id: 'applicant-id-card', title: t('身份证'), required: true, eLicense: 'resident-id-card', accept: ['application/pdf', 'image/jpeg'], maxBytes: 5_000_000 },
      { id: `form-${n}`, title: t(`申请表${n}`), required: true, accept: ['application/pdf'], maxBytes: 5_000_000, when: { '!!': { var: 'own2' } } },
      { id: `shared-${n % 5}`, title: t(`共享材料${n % 5}`), required: n % 2 === 0, accept: ['application/pdf', 'image/png'], maxBytes: 10_000_000 },
    ],
    schema: { type: 'object', properties, required, additionalProperties: false },
    ui: {
      sections: [
        { id: 'first', title: t('第一部分', 'Part one'), fields: sectionFields.slice(0, 20) },
        { id: 'second', title: t('第二部分', 'Part two'), fields: sectionFields.slice(20) },
      ],
      fields: { own0: { widget: 'textarea', rows: 3 }, own3: { widget: 'date' } },
      rules: {
        own1: { visible: { '==': [{ var: 'own2' }, true] }, required: { '>': [{ var: 'own1' }, 0] } },
        own4: { visible: { in: [{ var: 'own10' }, ['x', 'y']] } },
        [sectionFields[0]]: { visible: { '!!': { var: 'own2' } } },
      },
    },
    flow: {
      initial: 'review',
      states: {
        review: { on: { APPROVE: { target: 'done', meta: { roles: ['reviewer'] } } } },
        done: { type: 'final', meta: { outcome: 'approved' } },
      },
    },
  };
}

function scenario(size) {
  const rnd = random(size * 7919);
  const items = Array.from({ length: size }, (_, n) => item(n, rnd));
  const bundle = {
    kind: 'bundle',
    id: `bench-${size}`,
    version: '1.0.0',
    title: t(`基准${size}`, `Bench ${size}`),
    region: '420703',
    lead: { id: 'window', title: t('综合窗口') },
    questions: { type: 'object', properties: { q: { type: 'boolean' } } },
    items: items.map((it, n) => ({ item: it.id, version: '^1.0.0', ...(n % 3 === 2 ? { when: { var: 'q' } } : {}) })),
  };
  const files = [dictionary, ...items, bundle].map((d) => ({ path: `${d.kind}/${d.id}.json`, content: d }));
  const { value: registry, diagnostics } = load(files, { lint: false });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`generated definitions do not load: ${JSON.stringify(errors.slice(0, 3))}`);
  return { registry, loaded: registry.bundle(bundle.id), inputs: { bundle, items } };
}

/** Median milliseconds of `fn` over `runs` runs, after warming up. */
function median(fn, runs) {
  for (let i = 0; i < Math.max(5, runs / 5); i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], min: times[0], max: times[runs - 1] };
}

const rows = [];
for (const size of SIZES) {
  const { registry, loaded, inputs } = scenario(size);
  const { value, diagnostics } = compose(loaded, registry, { q: true });
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error(`compose reported errors: ${JSON.stringify(diagnostics.slice(0, 3))}`);
  const fields = Object.values(value.fields).filter((f) => f.kind !== 'group').length;
  const runs = size <= 15 ? 60 : 30;
  const composeTime = median(() => compose(loaded, registry, { q: true }), runs);
  const cloneTime = median(() => structuredClone(inputs), runs);
  rows.push({
    items: size,
    itemFields: size * FIELDS_PER_ITEM,
    mergedFields: fields,
    materials: value.materials.length,
    composeMs: composeTime.median,
    composeMin: composeTime.min,
    composeMax: composeTime.max,
    msPerItem: composeTime.median / size,
    cloneMs: cloneTime.median,
    ratio: composeTime.median / cloneTime.median,
    fieldsCut: metrics(value).fields.percent,
  });
}

const f = (x, d = 2) => x.toFixed(d);
console.log('| items × fields | merged fields | compose, median ms (min – max) | ms per item | structuredClone of inputs, ms (baseline) | compose ÷ clone |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.items} × ${FIELDS_PER_ITEM} = ${r.itemFields} | ${r.mergedFields} | ${f(r.composeMs)} (${f(r.composeMin)} – ${f(r.composeMax)}) | ${f(r.msPerItem, 3)} | ${f(r.cloneMs)} | ${f(r.ratio, 1)}× |`);
}
const at15 = rows.find((r) => r.items === 15);
const perItem = rows.map((r) => r.msPerItem);
const spread = Math.max(...perItem) / Math.min(...perItem);
console.log(`\nTarget < 20 ms at 15 items: ${at15.composeMs < 20 ? 'met' : 'NOT met'} (${f(at15.composeMs)} ms).`);
console.log(`Growth: ms per item varies ${f(spread, 2)}× from 5 to 45 items (1.00× would be exactly linear). Node ${process.version}.`);

writeFileSync(
  fileURLToPath(new URL('./results/compose.json', import.meta.url)),
  `${JSON.stringify({ benchmark: 'compose', fieldsPerItem: FIELDS_PER_ITEM, boundShare: BOUND_PER_ITEM / FIELDS_PER_ITEM, node: process.version, date: new Date().toISOString(), target: { items: 15, ms: 20 }, rows, perItemSpread: spread }, null, 2)}\n`,
);
