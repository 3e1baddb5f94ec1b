#!/usr/bin/env node
// Partner-region exchange on the example definitions (12 files, the newborn-birth overlays of
// examples/exchange): signing a package, verifying it, and applying an overlay. Baselines, same
// process: for pack and verify, hashing every definition (sha-256 of canonical JSON — what any
// content check must do anyway), so the ratio shows what the signature adds; for applyOverlay,
// `lint` of the same registry (the adapted definition is linted in it), so the ratio shows what
// patching, remapping and the conflict check add to that.
//   node bench/exchange.bench.mjs          (needs `npm run build -w @onething/engine`)
// Prints a Markdown table and writes bench/results/exchange.json.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyOverlay, generateSigningKey, hashDefinition, lint, load, packDefinitions, verifyPackage } from '@onething/engine';

const root = fileURLToPath(new URL('../examples/', import.meta.url));
const readAll = (dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.json'))
    .sort()
    .map((p) => JSON.parse(readFileSync(join(root, dir, p), 'utf8')));
const definitions = readAll('definitions');
const overlays = readAll('exchange/overlays');
const registry = load(definitions.map((d, i) => ({ path: `${i}.json`, content: d }))).value;
const key = generateSigningKey({ seed: new Uint8Array(32).fill(9), publisher: 'huarong-approval-bureau' });
const trusted = { keys: [{ ...key.publicKey, publisher: 'huarong-approval-bureau' }] };
const manifest = { publisher: 'huarong-approval-bureau', region: '420703', created: '2025-01-10T08:00:00Z' };
const pkg = packDefinitions(definitions, manifest, key.privateKey).value;
const household = overlays.find((o) => o.base.id === 'household-registration');
const householdBase = registry.resolveItem('household-registration', '^1.0.0');

function median(fn, runs) {
  for (let i = 0; i < Math.min(5, runs); i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], min: times[0], max: times[runs - 1] };
}

const hashAll = () => definitions.map((d) => hashDefinition(d));
const rows = [
  { task: 'packDefinitions (12 definitions, sign)', measured: median(() => packDefinitions(definitions, manifest, key.privateKey), 40), baselineName: 'hash every definition', baseline: median(hashAll, 40) },
  { task: 'verifyPackage (signature + 12 hashes)', measured: median(() => verifyPackage(pkg, trusted), 40), baselineName: 'hash every definition', baseline: median(hashAll, 40) },
  { task: 'applyOverlay household-registration (with lint)', measured: median(() => applyOverlay(householdBase, household, registry), 30), baselineName: 'lint(registry)', baseline: median(() => lint(registry), 30) },
  { task: 'applyOverlay household-registration (lint: false)', measured: median(() => applyOverlay(householdBase, household, registry, { lint: false }), 60), baselineName: 'lint(registry)', baseline: median(() => lint(registry), 30) },
];

const f = (n, digits = 2) => n.toFixed(digits);
console.log('| task | median ms (min – max) | baseline | baseline median ms | task ÷ baseline |');
console.log('|---|---:|---|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.task} | ${f(r.measured.median)} (${f(r.measured.min)} – ${f(r.measured.max)}) | ${r.baselineName} | ${f(r.baseline.median)} | ${f(r.measured.median / r.baseline.median, 2)}× |`);
}
console.log(`\nNode ${process.version}; ${definitions.length} definitions, package ${(JSON.stringify(pkg).length / 1024).toFixed(0)} KB.`);

writeFileSync(
  fileURLToPath(new URL('./results/exchange.json', import.meta.url)),
  `${JSON.stringify({ benchmark: 'exchange', node: process.version, date: new Date().toISOString(), rows: rows.map((r) => ({ task: r.task, ms: r.measured, baseline: r.baselineName, baselineMs: r.baseline, ratio: r.measured.median / r.baseline.median })) }, null, 2)}\n`,
);
