import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { composeExample, validatorSource } from './fixtures.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUDGET = 50 * 1024;

/** `gzip -9` size, as the render bench measures (zlib level 9 when the gzip binary is missing). */
function gzip9(file: string): number {
  try {
    return execFileSync('gzip', ['-9', '-c', file]).length;
  } catch {
    return gzipSync(readFileSync(file), { level: 9 }).length;
  }
}

describe('the form runtime size budget', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ot-size-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps Lit + the elements + the engine runtime + the newborn bundle validator within 50 KB min+gzip, without the division list', async () => {
    // Given the form runtime as a page would ship it: the elements (with Lit and the engine's
    // runtime entry) and the precompiled validator of the newborn-birth bundle
    writeFileSync(join(dir, 'validator.mjs'), validatorSource(composeExample('newborn-birth')));
    writeFileSync(
      join(dir, 'entry.mjs'),
      `export * from '@onething/form-elements';\nexport { validateShape } from './validator.mjs';\n`,
    );
    // When it is bundled and minified like the render bench does (code splitting keeps lazy imports apart)
    const { metafile } = await build({
      entryPoints: [join(dir, 'entry.mjs')],
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      target: 'es2022',
      outdir: join(dir, 'out'),
      absWorkingDir: ROOT,
      conditions: ['source'], // the packages' TypeScript sources, compiled by esbuild
      nodePaths: [join(ROOT, 'node_modules')],
      metafile: true,
      logLevel: 'error',
    });
    // Then what loads up front — the entry chunk and everything it imports statically — is within budget
    const outputs = metafile.outputs;
    const entry = Object.keys(outputs).find((file) => outputs[file]!.entryPoint)!;
    const eager = new Set<string>();
    const visit = (file: string) => {
      if (eager.has(file)) return;
      eager.add(file);
      for (const i of outputs[file]!.imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(entry);
    const lazy = Object.keys(outputs).filter((file) => file.endsWith('.js') && !eager.has(file));
    const bytes = [...eager].reduce((sum, file) => sum + gzip9(join(ROOT, file)), 0);
    console.info(`form runtime: ${(bytes / 1024).toFixed(1)} KiB min+gzip (${eager.size} chunk(s)); lazy: ${lazy.length} chunk(s)`);
    expect(bytes).toBeLessThanOrEqual(BUDGET);

    // And the division tree (names for the picker) is only in a lazily loaded chunk
    // (esbuild writes non-ASCII characters as \u escapes: 朝阳区 = \u671D\u9633\u533A)
    const hasTree = (file: string) => /朝阳区|\\u671D\\u9633\\u533A/i.test(readFileSync(join(ROOT, file), 'utf8'));
    expect([...eager].filter(hasTree)).toEqual([]);
    expect(lazy.filter(hasTree)).toHaveLength(1);
  });
});
