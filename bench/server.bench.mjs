#!/usr/bin/env node
// Server submit throughput (autocannon on loopback), as a ratio of a bare Express route returning
// 200 measured in the same run. One submit = POST /api/applications with `submit: true` and a
// unique Idempotency-Key: request validation (OpenAPI schema), JWT verification, the engine's
// checkSubmission (shape + requiredness), the flow's START + SUBMIT steps (projection onto item
// data, first transitions, deadlines), the hash-chained audit entries and the idempotency record,
// all in one durable SQLite transaction (WAL, synchronous=FULL; a second run with NORMAL).
// The servers run in a child process (one core), autocannon in this one (the other core).
//   node bench/server.bench.mjs      (needs `npm run build -w @onething/engine -w @onething/server`)
// Prints a Markdown table and writes bench/results/server.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const SECRET = 'bench-secret-bench-secret-bench-secret';
const FIXTURE = fileURLToPath(new URL('../packages/server/test/fixtures/starter/', import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 16;

if (process.argv.includes('--serve')) await serveChild();
else await main();

/** The child: a bare Express app and two onething apps (FULL and NORMAL) on random ports. */
async function serveChild() {
  const express = (await import('express')).default;
  const server = await import('@onething/server');
  const { readDefinitionDir } = await import('../packages/server/dist/cli/definitions-dir.js');
  const dir = process.argv[process.argv.indexOf('--serve') + 1];
  const listen = (app) => new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s.address().port)); });

  const bare = express();
  bare.post('/bare', (_req, res) => res.sendStatus(200));
  const ports = { bare: await listen(bare) };
  const files = await readDefinitionDir(FIXTURE, '/');
  for (const synchronous of ['full', 'normal']) {
    const store = new server.SqliteStore({ path: join(dir, `${synchronous}.sqlite`), synchronous });
    await store.migrate();
    await server.importDefinitions(store, files, 'bench', new Date());
    const { app } = server.createApp({ store, auth: { secret: SECRET }, rateLimits: false, logger: server.createLogger({ level: 'warn' }) });
    ports[synchronous] = await listen(app);
  }
  process.stdout.write(`${JSON.stringify(ports)}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

async function main() {
  const autocannon = (await import('autocannon')).default;
  const { mintToken } = await import('@onething/server');
  const dir = mkdtempSync(join(tmpdir(), 'onething-bench-'));
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, fileURLToPath(import.meta.url), '--serve', dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ports = JSON.parse(await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve)));
  const token = await mintToken({ sub: 'bench-citizen', roles: ['applicant'], region: '310101' }, { secret: SECRET });
  const body = JSON.stringify({
    bundle: 'starter',
    submit: true,
    answers: { wantsRegistration: true },
    data: { applicant: { name: '王芳', idNumber: '11010519491231002X' }, permit: { reason: '开一家面馆' }, registration: { address: '湖北省鄂州市华容区' } },
    materials: { 'id-card': { eLicense: { type: 'resident-id-card', number: '11010519491231002X' } } },
  });
  let n = 0;
  const run = (title, port, path, headers, unique) =>
    new Promise((resolve, reject) => {
      autocannon(
        {
          title,
          url: `http://127.0.0.1:${port}${path}`,
          method: 'POST',
          connections: CONNECTIONS,
          duration: DURATION,
          headers: { 'content-type': 'application/json', ...headers },
          body,
          ...(unique ? { requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${process.pid}-${n++}` } }) }] } : {}),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
  const auth = { authorization: `Bearer ${token}` };
  try {
    await run('warm-up', ports.full, '/api/applications', auth, true); // JIT, caches, the composed bundle
    const rows = [
      ['bare Express route (baseline)', await run('bare', ports.bare, '/bare', {}, false)],
      ['submit, SQLite synchronous=FULL (default)', await run('submit-full', ports.full, '/api/applications', auth, true)],
      ['submit, SQLite synchronous=NORMAL', await run('submit-normal', ports.normal, '/api/applications', auth, true)],
    ];
    const base = rows[0][1].requests.average;
    const table = rows.map(([name, r]) => ({
      name,
      requestsPerSecond: Math.round(r.requests.average),
      p50ms: r.latency.p50,
      p99ms: r.latency.p99,
      ratio: r.requests.average / base,
      non2xx: r.non2xx,
      errors: r.errors,
    }));
    console.log(`Submit throughput vs a bare Express route, ${CONNECTIONS} connections, ${DURATION} s each, loopback (${new Date().toISOString()}).\n`);
    console.log('| route | req/s | p50 ms | p99 ms | vs bare | non-2xx |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of table) console.log(`| ${r.name} | ${r.requestsPerSecond} | ${r.p50ms} | ${r.p99ms} | ${(r.ratio * 100).toFixed(1)} % | ${r.non2xx + r.errors} |`);
    console.log('\nTarget: submit ≥ 40 % of the bare route.');
    mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
    writeFileSync(
      fileURLToPath(new URL('./results/server.json', import.meta.url)),
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, connections: CONNECTIONS, durationSeconds: DURATION, rows: table }, null, 2)}\n`,
    );
  } finally {
    child.stdin.end();
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
