// The SDK's browser build, served by the server at /sdk/ (see build-browser.mjs):
// - `onething-sdk.js`: ONE minified ES module with Lit, the form elements and the engine's
//   runtime inside — a portal loads it with <script type="module" src="…/sdk/onething-sdk.js">
//   and needs nothing else up front;
// - `onething-divisions.js`: the division tree for the province → prefecture → county picker
//   (~20 KB gzip), imported from beside the SDK the first time a picker renders.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The lazy import of the division tree becomes an import of the file next to the SDK. */
const divisionsBeside = {
  name: 'divisions-beside',
  setup(b) {
    b.onResolve({ filter: /^@onething\/engine\/divisions$/ }, () => ({ path: './onething-divisions.js', external: true }));
  },
};

/**
 * Builds both files into `outdir` (default `dist/browser`); returns their paths and minified sizes.
 * @example const { files } = await buildBrowser({ outdir: '/tmp/sdk' })
 */
export async function buildBrowser({ outdir = `${root}dist/browser`, sourcemap = true } = {}) {
  const common = {
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source'],
    sourcemap: sourcemap ? 'linked' : false,
    legalComments: sourcemap ? 'linked' : 'none',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  rmSync(outdir, { recursive: true, force: true });
  const sdk = await build({ ...common, entryPoints: { 'onething-sdk': `${root}src/index.ts` }, outdir, plugins: [divisionsBeside] });
  const divisions = await build({ ...common, entryPoints: { 'onething-divisions': '@onething/engine/divisions' }, outdir });
  const outputs = { ...sdk.metafile.outputs, ...divisions.metafile.outputs };
  writeFileSync(`${outdir}/meta.json`, JSON.stringify({ inputs: { ...sdk.metafile.inputs, ...divisions.metafile.inputs }, outputs }));
  return {
    sdk: `${outdir}/onething-sdk.js`,
    divisions: `${outdir}/onething-divisions.js`,
    /** Static imports of the SDK file (none: it is one file). */
    imports: Object.entries(sdk.metafile.outputs).find(([f]) => f.endsWith('onething-sdk.js'))?.[1].imports ?? [],
  };
}
