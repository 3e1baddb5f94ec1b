#!/usr/bin/env node
// Server submit throughput (autocannon on loopback), as a ratio of a bare Express route returning
// 200 measured in the same run. One submit = POST /api/applications with `submit: true` and a
// unique Idempotency-Key: request validation (OpenAPI schema), JWT verification, rate limits (per
// IP and per token, set high enough never to refuse), the engine's checkSubmission (shape +
// requiredness), the flow's START + SUBMIT steps (projection onto item data, first transitions,
// deadlines, notifications), the hash-chained audit entries, the outbox rows and the idempotency
// record, all in one durable SQLite transaction (WAL, synchronous=FULL; more rows with NORMAL, and
// with the writes on the request thread instead of the writer thread),
// and one request log line per request at the default level `info` (written to /dev/null).
// The servers run in a child process, autocannon in this one.
//   node bench/server.bench.mjs      (needs `npm run build -w @onething/engine -w @onething/server`)
// Options (environment):
//   BENCH_SECONDS=10                 seconds per row
//   BENCH_ROUNDS=1                   repeat every row this many times, interleaved; the table shows medians
//   BENCH_COMPARE=name=/path/to/dist/index.js,…   also measure other builds of @onething/server in the
//                                    same run (e.g. a copy of packages/server/{dist,package.json} made
//                                    before a change; it must resolve node_modules from where it lies)
//   BENCH_CPU_PROFILE=dir            write a V8 CPU profile of the server process
// Prints a Markdown table (with the server's CPU time per request, read from /proc on Linux: less
// disturbed by other load than req/s) and writes bench/results/server.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';

const SECRET = 'bench-secret-bench-secret-bench-secret';
const FIXTURE = fileURLToPath(new URL('../packages/server/test/fixtures/starter/', import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const CONNECTIONS = 16;
const TICKS = 100; // USER_HZ: the unit of utime and stime in /proc/<pid>/stat on Linux
const CURRENT = fileURLToPath(new URL('../packages/server/dist/index.js', import.meta.url));
const compare = (process.env.BENCH_COMPARE ?? '')
  .split(',')
  .filter(Boolean)
  .map((spec) => {
    const [name, path] = spec.split('=');
    if (!name || !path) throw new Error(`BENCH_COMPARE entries are name=/path/to/dist/index.js, not "${spec}"`);
    return { name, path };
  });

if (process.argv.includes('--serve')) await serveChild();
else await main();

/** The child: a bare Express app and one onething app per build and durability setting, on random ports. */
async function serveChild() {
  const express = (await import('express')).default;
  const dir = process.argv[process.argv.indexOf('--serve') + 1];
  const builds = JSON.parse(process.argv[process.argv.indexOf('--serve') + 2]);
  const listen = (app) => new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s.address().port)); });

  const bare = express();
  bare.post('/bare', (_req, res) => res.sendStatus(200));
  const ports = { bare: await listen(bare) };
  for (const build of builds) {
    const server = await import(pathToFileURL(build.path).href);
    const { readDefinitionDir } = await import(new URL('./cli/definitions-dir.js', pathToFileURL(build.path)).href);
    const files = await readDefinitionDir(FIXTURE, '/');
    for (const mode of build.modes) {
      const [synchronous, writer] = mode.split('-');
      const store = new server.SqliteStore({ path: join(dir, `${build.name}-${mode}.sqlite`), synchronous, ...(writer ? { writer } : {}) });
      await store.migrate();
      await server.importDefinitions(store, files, 'bench', new Date());
      const { app } = server.createApp({
        store,
        auth: { secret: SECRET },
        rateLimits: { perIp: 1e9, perToken: 1e9 },
        logger: server.createLogger({ level: 'info', file: '/dev/null' }),
      });
      ports[`${build.name}-${mode}`] = await listen(app);
    }
  }
  process.stdout.write(`${JSON.stringify({ ...ports, pid: process.pid })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

async function main() {
  const autocannon = (await import('autocannon')).default;
  const { mintToken } = await import('@onething/server');
  const dir = mkdtempSync(join(tmpdir(), 'onething-bench-'));
  // `full-inline`: the same build with SQLite writes on the request thread instead of the writer thread.
  const builds = [{ name: 'current', path: CURRENT, modes: ['full', 'normal', 'full-inline'] }, ...compare.map((c) => ({ ...c, modes: ['full'] }))];
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, fileURLToPath(import.meta.url), '--serve', dir, JSON.stringify(builds)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ports = JSON.parse(await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve)));
  // CPU time of the server process (all its threads) and of its request thread, in ms (Linux /proc; null elsewhere).
  const cpuMs = (stat) => {
    try {
      const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
    } catch {
      return null;
    }
  };
  const cpu = () => ({ request: cpuMs(`/proc/${ports.pid}/task/${ports.pid}/stat`), process: cpuMs(`/proc/${ports.pid}/stat`) });
  const token = await mintToken({ sub: 'bench-citizen', roles: ['applicant'], region: '310101' }, { secret: SECRET });
  const body = JSON.stringify({
    bundle: 'starter',
    submit: true,
    answers: { wantsRegistration: true },
    data: { applicant: { name: '王芳', idNumber: '11010519491231002X' }, permit: { reason: '开一家面馆' }, registration: { address: '湖北省鄂州市华容区' } },
    materials: { 'id-card': { eLicense: { type: 'resident-id-card', number: '11010519491231002X' } } },
  });
  let n = 0;
  const run = async (title, port, path, headers, unique, duration = DURATION) => {
    const before = cpu();
    const result = await load(title, port, path, headers, unique, duration);
    const after = cpu();
    const perRequest = (k) => (before[k] === null || after[k] === null || !result.requests.total ? null : ((after[k] - before[k]) * 1000) / result.requests.total);
    return { ...result, requestThreadUs: perRequest('request'), processUs: perRequest('process') };
  };
  const load = (title, port, path, headers, unique, duration) =>
    new Promise((resolve, reject) => {
      autocannon(
        {
          title,
          url: `http://127.0.0.1:${port}${path}`,
          method: 'POST',
          connections: CONNECTIONS,
          duration,
          headers: { 'content-type': 'application/json', ...headers },
          body,
          ...(unique ? { requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${process.pid}-${n++}` } }) }] } : {}),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
  const auth = { authorization: `Bearer ${token}` };
  const label = (name, mode) => {
    const [synchronous, writer] = mode.split('-');
    const how = `synchronous=${synchronous.toUpperCase()}${writer ? `, ${writer} writer` : ''}`;
    return name === 'current' ? `submit, SQLite ${how}${mode === 'full' ? ' (default)' : ''}` : `submit, ${name} build, ${how}`;
  };
  const targets = [
    { name: 'bare Express route (baseline)', port: ports.bare, path: '/bare', headers: {}, unique: false },
    ...builds.flatMap((b) => b.modes.map((m) => ({ name: label(b.name, m), port: ports[`${b.name}-${m}`], path: '/api/applications', headers: auth, unique: true }))),
  ];
  try {
    // JIT, caches, the composed bundle
    for (const t of targets.slice(1)) await run(`warm-up ${t.name}`, t.port, t.path, t.headers, t.unique, Math.min(3, DURATION));
    const results = targets.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, t] of targets.entries()) results[i].push(await run(t.name, t.port, t.path, t.headers, t.unique));
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const rows = targets.map((t, i) => {
      const rs = results[i];
      return {
        name: t.name,
        requestsPerSecond: Math.round(median(rs.map((r) => r.requests.average))),
        p50ms: median(rs.map((r) => r.latency.p50)),
        p99ms: median(rs.map((r) => r.latency.p99)),
        ratios: rs.map((r, k) => r.requests.average / results[0][k].requests.average),
        non2xx: rs.reduce((s, r) => s + r.non2xx + r.errors, 0),
        // CPU µs per request: the smallest of the rounds (least disturbed by other load on the machine)
        requestThreadUs: rs.some((r) => r.requestThreadUs === null) ? null : Math.round(Math.min(...rs.map((r) => r.requestThreadUs))),
        processUs: rs.some((r) => r.processUs === null) ? null : Math.round(Math.min(...rs.map((r) => r.processUs))),
      };
    });
    for (const r of rows) r.ratio = median(r.ratios);
    console.log(`Submit throughput vs a bare Express route, ${CONNECTIONS} connections, ${DURATION} s per row, ${ROUNDS} round(s), loopback (${new Date().toISOString()}).\n`);
    console.log('| route | req/s | p50 ms | p99 ms | vs bare | request thread µs/req | server process µs/req | non-2xx |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      const range = r.ratios.length > 1 ? ` (${(Math.min(...r.ratios) * 100).toFixed(1)}–${(Math.max(...r.ratios) * 100).toFixed(1)})` : '';
      console.log(`| ${r.name} | ${r.requestsPerSecond} | ${r.p50ms} | ${r.p99ms} | ${(r.ratio * 100).toFixed(1)} %${range} | ${r.requestThreadUs ?? '–'} | ${r.processUs ?? '–'} | ${r.non2xx} |`);
    }
    console.log('\nCPU per request: the server process\'s request thread, and all its threads (SQLite writer, GC helpers), smallest of the rounds.');
    console.log('\nTarget: submit ≥ 40 % of the bare route.');
    mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
    writeFileSync(
      fileURLToPath(new URL('./results/server.json', import.meta.url)),
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, connections: CONNECTIONS, durationSeconds: DURATION, rounds: ROUNDS, rows }, null, 2)}\n`,
    );
  } finally {
    child.stdin.end();
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
