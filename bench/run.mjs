#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.mjs one after another (never in parallel: they
// measure throughput on one core) and prints each one's table. Each benchmark compares
// against a baseline run in the same process and writes bench/results/<name>.json.
//   node bench/run.mjs                 all benchmarks
//   node bench/run.mjs compose flow    only those whose names are given
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.mjs$/, '')))
  .sort();

if (benches.length === 0) {
  console.error(`no benchmark matches ${only.join(', ') || '(none found)'}`);
  process.exit(2);
}

let failed = 0;
for (const file of benches) {
  console.log(`\n## ${file.replace(/\.bench\.mjs$/, '')}\n`);
  const { status } = spawnSync(process.execPath, ['--expose-gc', `${dir}${file}`], { stdio: 'inherit' });
  if (status !== 0) {
    failed++;
    console.error(`${file} exited with ${status}`);
  }
}
process.exit(failed ? 1 : 0);
