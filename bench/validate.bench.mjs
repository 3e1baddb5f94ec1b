#!/usr/bin/env node
// Validation throughput: a generated 100-field bundle submission (10 groups × 10 fields:
// patterns, numbers, enums, dates and the four Chinese formats), validated with the cached
// validator vs. compiling the schema on every call (the baseline), in one process.
//   node bench/validate.bench.mjs          (needs `npm run build -w @onething/engine`)
// Prints a Markdown table (median of several rounds, with the range) and writes
// bench/results/validate.json.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createValidator, ValidatorCache, residentIdCheckChar, creditCodeCheckChar } from '@onething/engine';

const t = (zh, en) => ({ 'zh-CN': zh, en });

/** Field kinds, cycled over the 100 fields: [schema, valid value, invalid value]. */
const KINDS = [
  [{ type: 'string', pattern: '^[\\u4e00-\\u9fa5·]{2,20}$', maxLength: 20 }, '欧阳娜娜', 'Nana'],
  [{ type: 'string', pattern: '^\\d{6}$' }, '100020', '1000'],
  [{ type: 'string', pattern: '^\\d{3,4}-\\d{7,8}$' }, '010-65001234', '65001234'],
  [{ type: 'integer', minimum: 0, maximum: 150 }, 34, -1],
  [{ type: 'number', minimum: 0, multipleOf: 0.01 }, 3200.5, 3.333],
  [{ type: 'string', enum: ['mother', 'father', 'guardian', 'other'], 'x-enumTitles': {} }, 'mother', 'uncle'],
  [{ type: 'string', format: 'date', formatMaximum: '2030-12-31' }, '2024-02-29', '2023-02-29'],
  [{ type: 'string', format: 'resident-id' }, `11010519491231002${residentIdCheckChar('11010519491231002')}`, '110105194912310021'],
  [{ type: 'string', format: 'credit-code' }, `91350100M000100Y4${creditCodeCheckChar('91350100M000100Y4')}`, '91350100M000100Y44'],
  [{ type: 'string', format: 'mobile' }, '13800138000', '12800138000'],
  [{ type: 'string', format: 'division' }, '440305', '440399'],
  [{ type: 'boolean' }, true, 'yes'],
  [{ type: 'string', minLength: 1, maxLength: 200 }, '北京市朝阳区建国路 1 号', ''],
];

function generate() {
  const properties = {};
  const valid = {};
  const invalid = {};
  let n = 0;
  for (let g = 0; g < 10; g++) {
    const group = { type: 'object', 'x-title': t(`第${g + 1}组`, `Group ${g + 1}`), properties: {}, additionalProperties: false };
    valid[`group${g}`] = {};
    invalid[`group${g}`] = {};
    for (let f = 0; f < 10; f++, n++) {
      const [schema, good, bad] = KINDS[n % KINDS.length];
      const name = `field${f}`;
      group.properties[name] = { ...schema, 'x-title': t(`字段${n}`, `Field ${n}`) };
      valid[`group${g}`][name] = good;
      // One invalid value in every group: 10 errors per invalid submission.
      invalid[`group${g}`][name] = f === g ? bad : good;
    }
    properties[`group${g}`] = group;
  }
  return { schema: { type: 'object', properties, additionalProperties: false }, valid, invalid };
}

const { schema, valid, invalid } = generate();

/**
 * Operations per CPU-second of `fn` over about `ms` milliseconds of this process's CPU time
 * (user + system, every thread — GC helpers included): "on one core", and far steadier than wall
 * time on a shared machine, where other work (and neighbours on the host) stretch wall time.
 */
function rate(fn, ms) {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let ops = 0;
  const start = cpu();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) fn();
    ops += 100;
    now = cpu();
  }
  return (ops * 1000) / (now - start);
}

/** Warms up, then measures `rounds` rounds; the median resists the noise of a busy machine. */
function measure(fn, { rounds = 7, ms = 300 } = {}) {
  rate(fn, ms);
  const all = Array.from({ length: rounds }, () => rate(fn, ms)).sort((a, b) => a - b);
  return { opsPerSec: all[Math.floor(rounds / 2)], min: all[0], max: all[rounds - 1] };
}

const cache = new ValidatorCache();
const cached = createValidator(schema, { key: 'bench@1.0.0', cache });
if (cached(valid).length !== 0) throw new Error(`valid submission rejected: ${JSON.stringify(cached(valid))}`);
if (cached(invalid).length !== 10) throw new Error(`expected 10 errors, got ${cached(invalid).length}`);

const perCall = new ValidatorCache({ max: 0 });
const compileEveryCall = () => createValidator(schema, { cache: perCall })(valid);

const rows = [
  { name: 'compile per call (baseline)', ...measure(compileEveryCall, { rounds: 3, ms: 1000 }) },
  { name: 'cached validator, valid submission', ...measure(() => cached(valid)) },
  { name: 'cached validator, invalid submission (10 errors, messages)', ...measure(() => cached(invalid)) },
  { name: 'cached lookup by key + validate', ...measure(() => createValidator(schema, { key: 'bench@1.0.0', cache })(valid)) },
];
const baseline = rows[0].opsPerSec;

const fmt = (x) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
console.log('| validation of a 100-field submission | validations per CPU-second (median) | min – max | vs. baseline |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.opsPerSec)} | ${fmt(r.min)} – ${fmt(r.max)} | ${(r.opsPerSec / baseline).toFixed(0)}× |`);
const target = 200_000;
const best = rows[1].opsPerSec;
console.log(`\nTarget ≥ ${target.toLocaleString('en-US')} validations/s cached (valid submission): ${best >= target ? 'met' : 'NOT met'}.`);
console.log(`Node ${process.version}, ${cache.stats().compiles} compile(s) in the cached path.`);

const out = fileURLToPath(new URL('./results/validate.json', import.meta.url));
writeFileSync(
  out,
  `${JSON.stringify(
    { benchmark: 'validate', fields: 100, node: process.version, date: new Date().toISOString(), target, rows, ratio: best / baseline },
    null,
    2,
  )}\n`,
);
