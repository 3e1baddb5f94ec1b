#!/usr/bin/env node
// Bundles the workbench app for the server into dist/app (served at /workbench/); the build itself is
// shared with the other staff app: scripts/build-staff-app.mjs at the repository root.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildStaffApp, summary } from '../../../scripts/build-staff-app.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/app');

/**
 * Builds the workbench app into `outdir` (default dist/app) and returns esbuild's metafile.
 * @example await buildApp({ minify: false })
 */
export function buildApp({ outdir = out, minify = true } = {}) {
  return buildStaffApp({ root, name: 'workbench', outdir, minify });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(summary('workbench', out, await buildApp({ minify: !process.argv.includes('--no-minify') })));
}
