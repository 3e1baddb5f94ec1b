import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

let bundled: Promise<{ code: string; etag: string }> | undefined;

/** The engine's standalone runtime entry: the built module, or its source inside the monorepo. */
function entry(): string {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@onething/engine/package.json'));
  const dist = join(pkg, 'dist/validate/standalone-runtime.js');
  return existsSync(dist) ? dist : join(pkg, 'src/validate/standalone-runtime.ts');
}

/**
 * The runtime that standalone validators import (`@onething/engine/standalone`), bundled
 * once per process by esbuild into one browser ES module (no eval, CSP-safe).
 * @example const { code, etag } = await standaloneRuntime()
 */
export function standaloneRuntime(): Promise<{ code: string; etag: string }> {
  bundled ??= build({
    entryPoints: [entry()],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no standalone runtime');
    return { code: file.text, etag: `"${file.hash}"` };
  });
  bundled.catch(() => (bundled = undefined));
  return bundled;
}
