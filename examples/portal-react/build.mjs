#!/usr/bin/env node
// Builds the React example into dist/ (served at /portal-react/ by `npm start`): regenerates the
// bundle types with `onething types` when the CLI is built, then bundles src/main.tsx with
// esbuild (React 19, the SDK and its elements, code-split so the division tree loads lazily).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('./', import.meta.url));
const cli = fileURLToPath(new URL('../../packages/server/bin/onething.js', import.meta.url));
if (existsSync(fileURLToPath(new URL('../../packages/server/dist/cli/main.js', import.meta.url)))) {
  execFileSync(process.execPath, [cli, 'types', '../definitions', '--out', 'src/onething-types', '--bundle', 'newborn-birth'], { cwd: here, stdio: 'inherit' });
}
rmSync(`${here}dist`, { recursive: true, force: true });
mkdirSync(`${here}dist`);
await build({
  entryPoints: { app: `${here}src/main.tsx` },
  bundle: true,
  minify: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  outdir: `${here}dist`,
  chunkNames: 'chunks/[name]-[hash]',
  conditions: ['source'],
  define: { 'process.env.NODE_ENV': '"production"' },
  sourcemap: 'linked',
  logLevel: 'warning',
});
copyFileSync(`${here}index.html`, `${here}dist/index.html`);
copyFileSync(`${here}styles.css`, `${here}dist/styles.css`);
console.log('portal-react built into examples/portal-react/dist');
