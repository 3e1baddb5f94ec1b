#!/usr/bin/env node
// Precompiles onething's validators for the render bench's forms, as the server does for a
// published bundle (compileStandalone → an ES module served next to the composed bundle).
//   node bench/render/prepare.mjs <render-bench dir> [sizes]   e.g. /tmp/render-bench-src 20,100,500,2000
// Writes bench/render/validators/n<N>.js: one minified ES module per size (the validator plus the
// engine's standalone runtime it imports), exporting `validateShape` and the schema's `fingerprint`.
// The adapter imports the one for its form at render time (counted in render ms); see README.md.
import { mkdirSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { compileStandalone } from '@onething/engine';
import { fingerprint, toComposed } from './composed.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const [benchDir = '/work/shared/bench/render', sizeList = '20,100,500,2000'] = process.argv.slice(2);
const { makeSpec } = await import(pathToFileURL(`${benchDir}/spec.mjs`).href);
mkdirSync(`${here}validators`, { recursive: true });

for (const n of sizeList.split(',').map(Number)) {
  const { schema } = toComposed(makeSpec(n));
  const source = `${compileStandalone(schema)}\nexport const fingerprint = ${JSON.stringify(fingerprint(schema))};\n`;
  const outfile = `${here}validators/n${n}.js`;
  await build({
    stdin: { contents: source, resolveDir: here, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile,
    logLevel: 'warning',
  });
  const bytes = statSync(outfile).size;
  const gzip = gzipSync(await import('node:fs').then((fs) => fs.readFileSync(outfile)), { level: 9 }).length;
  console.log(`validators/n${n}.js: ${(bytes / 1024).toFixed(0)} KiB min, ${(gzip / 1024).toFixed(1)} KiB gzip`);
}
writeFileSync(`${here}validators/.gitignore`, '*\n');
