#!/usr/bin/env node
// Builds the React example into dist/ (served at /portal-react/ by `npm start`): regenerates the
// bundle types with `onething types` when the CLI is built, then bundles src/main.tsx with
// esbuild (React 19, the SDK and its elements, code-split so the division tree loads lazily).
// Tests import `buildPortal` and build into a folder of their own (no types regenerated), so a
// test run never rewrites what another process is serving or reading.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('./', import.meta.url));

/**
 * Bundles the portal into `outdir` (emptied first); with `types`, regenerates src/onething-types first.
 * @example await buildPortal({ outdir: mkdtempSync(join(tmpdir(), 'portal-')) })
 */
export async function buildPortal({ outdir = `${here}dist`, types = false } = {}) {
  const cli = fileURLToPath(new URL('../../packages/server/bin/onething.js', import.meta.url));
  if (types && existsSync(fileURLToPath(new URL('../../packages/server/dist/cli/main.js', import.meta.url)))) {
    execFileSync(process.execPath, [cli, 'types', '../definitions', '--out', 'src/onething-types', '--bundle', 'newborn-birth', 'open-restaurant'], { cwd: here, stdio: 'inherit' });
  }
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { app: `${here}src/main.tsx` },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    conditions: ['source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    sourcemap: 'linked',
    logLevel: 'warning',
    absWorkingDir: here,
  });
  copyFileSync(`${here}index.html`, `${outdir}/index.html`);
  copyFileSync(`${here}styles.css`, `${outdir}/styles.css`);
  return outdir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildPortal({ types: true });
  console.log('portal-react built into examples/portal-react/dist');
}
