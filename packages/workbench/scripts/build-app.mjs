#!/usr/bin/env node
// Bundles the workbench app for the server: dist/app/{index.html, workbench.js, workbench.css}.
// The server serves packages/workbench/dist/app at /workbench/ (packages/server/src/http/assets.ts).
// Workspace packages are bundled from their sources (the `source` export condition), so the app
// does not depend on the order other packages were built in.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/app');

/**
 * Builds the workbench app into `outdir` (default dist/app) and returns esbuild's metafile.
 * @example await buildApp({ minify: false })
 */
export async function buildApp({ outdir = out, minify = true } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: { workbench: join(root, 'src/app/main.ts') },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    outdir,
    conditions: ['source'],
    minify,
    sourcemap: true,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  copyFileSync(join(root, 'src/app/index.html'), join(outdir, 'index.html'));
  copyFileSync(join(root, 'src/app/workbench.css'), join(outdir, 'workbench.css'));
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const metafile = await buildApp({ minify: !process.argv.includes('--no-minify') });
  const bytes = Object.entries(metafile.outputs).filter(([f]) => f.endsWith('.js')).reduce((n, [, o]) => n + o.bytes, 0);
  console.log(`workbench app → ${out} (${(bytes / 1024).toFixed(0)} KiB of JavaScript)`);
}
