import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticCodes } from '@onething/engine';

// One page per diagnostic code: docs/errors/<code>.md, opening with `# <code>`.
const DIR = fileURLToPath(new URL('./errors/', import.meta.url));
const pages = readdirSync(DIR).filter((name) => name.endsWith('.md'));

// Diagnostics that the designer and the server report themselves, beside the engine's: the
// source file that reports each, which must still name it.
const outsideEngine: Record<string, string> = {
  'definition-published': 'packages/designer/src/model/exchange.ts',
  'import-unreadable': 'packages/designer/src/elements/ot-import-panel.ts',
};
const codes = [...diagnosticCodes.map((c) => c.code), ...Object.keys(outsideEngine)];

describe('docs/errors', () => {
  it('has a page for every diagnostic code the engine can report', () => {
    expect(codes.filter((code) => !pages.includes(`${code}.md`))).toEqual([]);
  });

  it('has no page that names no code', () => {
    expect(pages.filter((page) => !codes.includes(page.replace(/\.md$/, '')))).toEqual([]);
  });

  it('has a page only for a code outside the engine that its source still reports', () => {
    const gone = Object.entries(outsideEngine).filter(([code, file]) => !readFileSync(new URL(`../${file}`, import.meta.url), 'utf8').includes(`'${code}'`));
    expect(gone).toEqual([]);
  });

  it('opens every page with its code as the title', () => {
    const wrong = pages.filter((page) => !readFileSync(`${DIR}${page}`, 'utf8').startsWith(`# ${page.replace(/\.md$/, '')}`));
    expect(wrong).toEqual([]);
  });

  it('titles each page of an engine code with the title the engine gives it', () => {
    const wrong = diagnosticCodes
      .map((c) => ({ code: c.code, title: readFileSync(`${DIR}${c.code}.md`, 'utf8').split('\n')[0], want: `# ${c.code} — ${c.title['zh-CN']} · ${c.title.en}` }))
      .filter((page) => page.title !== page.want);
    expect(wrong).toEqual([]);
  });

  it('declares each code once, with a title and message in both languages', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of diagnosticCodes) {
      expect(code.code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(code.title['zh-CN'] && code.title.en).toBeTruthy();
    }
  });
});
