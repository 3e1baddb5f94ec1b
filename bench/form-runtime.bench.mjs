#!/usr/bin/env node
// The form runtime on the newborn-birth example (5 items, 38 fields, 10 materials): what a
// keystroke, a guidance answer and a submission check cost, against the baseline of evaluating
// the whole form state from scratch (createFormState) in the same process.
//   node bench/form-runtime.bench.mjs      (needs `npm run build -w @onething/engine`)
// Prints a Markdown table (median of several rounds, with the range) and writes
// bench/results/form-runtime.json.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSubmission, compose, createFormState, createValidator, load } from '@onething/engine';

const ROUNDS = 7;
const DIR = fileURLToPath(new URL('../examples/definitions/', import.meta.url));
const files = (function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return name.endsWith('.json') ? [{ path: relative(DIR, path), content: readFileSync(path, 'utf8') }] : [];
  });
})(DIR);
const { value: registry } = load(files);
const { value: composed } = compose(registry.bundle('newborn-birth'), registry);
const validateShape = createValidator(composed.schema);
const now = '2024-05-01';
const answers = { bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: true };
const data = {
  mother: { name: '李梅', idNumber: '11010519491231002X' },
  child: { name: '王小明', birthDate: '2024-04-01', sex: 'male' },
  'household-registration': { parentsMarried: true, settleWith: 'father' },
};

/** Microseconds per call of `fn`: the median of ROUNDS rounds of `n` calls, with the range. */
function measure(n, fn) {
  for (let i = 0; i < n / 5; i++) fn(i);
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    rounds.push(((performance.now() - start) / n) * 1000);
  }
  rounds.sort((a, b) => a - b);
  return { median: rounds[ROUNDS >> 1], min: rounds[0], max: rounds[ROUNDS - 1] };
}

const form = createFormState(composed, { answers, data, now });
const cases = [
  ['evaluate the whole form state (createFormState, baseline)', 2_000, () => createFormState(composed, { answers, data, now })],
  ['update a field no rule reads (a keystroke in mother.name)', 50_000, (i) => form.update({ data: { 'mother.name': `李梅${i % 7}` } })],
  ['update a field rules read (parentsMarried: father, materials)', 10_000, (i) => form.update({ data: { 'household-registration.parentsMarried': i % 2 === 0 } })],
  ['update a guidance answer (an item switches)', 5_000, (i) => form.update({ answers: { settleInHubei: i % 2 === 0 } })],
  ['checkSubmission (form state, shape validator, requiredness)', 2_000, () => checkSubmission(composed, { answers, data, materials: {} }, validateShape, { now })],
];
const results = cases.map(([name, n, fn]) => ({ name, ...measure(n, fn) }));
const baseline = results[0].median;

console.log('| newborn-birth form runtime | µs per call, median (min – max) | vs. whole evaluation |');
console.log('|---|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.median.toFixed(1)} (${r.min.toFixed(1)} – ${r.max.toFixed(1)}) | ${(r.median / baseline).toFixed(3)}× |`);
console.log(`\nNode ${process.version}; ${Object.keys(composed.fields).length} fields and groups, ${composed.materials.length} materials.`);

writeFileSync(
  fileURLToPath(new URL('./results/form-runtime.json', import.meta.url)),
  `${JSON.stringify({ bench: 'form-runtime', node: process.version, rounds: ROUNDS, results }, null, 2)}\n`,
);
