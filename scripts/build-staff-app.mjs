// Bundles a staff app (the designer, the workbench) for the server: <package>/dist/app/{index.html,
// <name>.js, <name>.css}. The server serves each at /<name>/ (packages/server/src/http/assets.ts).
// Workspace packages are bundled from their sources (the `source` export condition), so an app
// does not depend on the order other packages were built in. Each app's scripts/build-app.mjs
// calls this with its own folder and name.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Builds the app of the package at `root` (entry src/app/main.ts, page src/app/index.html, styles
 * src/app/<name>.css) into `outdir` (default <root>/dist/app) and returns esbuild's metafile.
 * @example await buildStaffApp({ root: '/work/main/packages/workbench', name: 'workbench', minify: false })
 */
export async function buildStaffApp({ root, name, outdir = join(root, 'dist/app'), minify = true }) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: { [name]: join(root, 'src/app/main.ts') },
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
  copyFileSync(join(root, 'src/app', `${name}.css`), join(outdir, `${name}.css`));
  return result.metafile;
}

/**
 * What an app's build script prints: where the app went and how much JavaScript it has.
 * @example console.log(summary('workbench', outdir, metafile))
 */
export function summary(name, outdir, metafile) {
  const bytes = Object.entries(metafile.outputs).filter(([f]) => f.endsWith('.js')).reduce((n, [, o]) => n + o.bytes, 0);
  return `${name} app → ${outdir} (${(bytes / 1024).toFixed(0)} KiB of JavaScript)`;
}
