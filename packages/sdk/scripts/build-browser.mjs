#!/usr/bin/env node
// The SDK's browser build, served by the server at /sdk/:
// - `onething-sdk.js`: ONE minified ES module with Lit, the form elements and the engine's
//   runtime inside — a portal loads it with <script type="module" src="…/sdk/onething-sdk.js">
//   and needs nothing else up front;
// - `onething-divisions.js`: the division tree for the province → prefecture → county picker
//   (~20 KB gzip), imported from beside the SDK the first time a picker renders.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}dist/browser`;
const common = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['source'],
  sourcemap: 'linked',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
};
/** The lazy import of the division tree becomes an import of the file next to the SDK. */
const divisionsBeside = {
  name: 'divisions-beside',
  setup(b) {
    b.onResolve({ filter: /^@onething\/engine\/divisions$/ }, () => ({ path: './onething-divisions.js', external: true }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const sdk = await build({ ...common, entryPoints: { 'onething-sdk': `${root}src/index.ts` }, outdir, plugins: [divisionsBeside] });
const divisions = await build({ ...common, entryPoints: { 'onething-divisions': '@onething/engine/divisions' }, outdir, absWorkingDir: root });
writeFileSync(`${outdir}/meta.json`, JSON.stringify({ inputs: { ...sdk.metafile.inputs, ...divisions.metafile.inputs }, outputs: { ...sdk.metafile.outputs, ...divisions.metafile.outputs } }));
for (const [file, output] of Object.entries({ ...sdk.metafile.outputs, ...divisions.metafile.outputs })) {
  if (file.endsWith('.js')) console.log(`sdk browser build: ${file} ${(output.bytes / 1024).toFixed(1)} KiB minified`);
}
