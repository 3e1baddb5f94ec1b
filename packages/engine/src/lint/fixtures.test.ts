import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load, type DefinitionFile } from '../definitions/load.js';

// Every folder in test/fixtures/invalid/ is overlaid on test/fixtures/valid/minimal/ (a file
// with the same name replaces the valid one) and must yield exactly the diagnostics in its
// expected.json: code, file and JSON pointer.
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

function readDir(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json') && name !== 'expected.json')
      .map((name) => [name, readFileSync(`${dir}/${name}`, 'utf8')]),
  );
}

function filesOf(overlay: Map<string, string>): DefinitionFile[] {
  const merged = new Map([...readDir(`${FIXTURES}valid/minimal`), ...overlay]);
  return [...merged].map(([path, content]) => ({ path, content }));
}

const key = (d: { code: string; file?: string; pointer: string }) => ({ code: d.code, file: d.file, pointer: d.pointer });
const order = (a: ReturnType<typeof key>, b: ReturnType<typeof key>) =>
  `${a.file}\u0000${a.pointer}\u0000${a.code}`.localeCompare(`${b.file}\u0000${b.pointer}\u0000${b.code}`);

describe('the valid minimal definition set', () => {
  it('loads without a diagnostic and indexes every definition', () => {
    const { value: registry, diagnostics } = load(filesOf(new Map()));
    expect(diagnostics).toEqual([]);
    expect([...registry.items.keys()].sort()).toEqual(['permit', 'registration']);
    expect(registry.resolveItem('registration', '^1.0.0')?.definition.version).toBe('1.2.0');
    expect(registry.bundle('starter')?.file).toBe('starter.json');
    expect([...registry.concepts.keys()]).toEqual(['applicant.name', 'applicant.idNumber']);
    expect(registry.eLicenses.get('resident-id-card')?.pointer).toBe('/eLicenses/resident-id-card');
  });
});

describe('each invalid fixture yields exactly its expected diagnostics', () => {
  const cases = readdirSync(`${FIXTURES}invalid`).sort();
  it.each(cases)('%s', (name) => {
    const dir = `${FIXTURES}invalid/${name}`;
    const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as {
      description: string;
      diagnostics: Array<{ code: string; file: string; pointer: string }>;
    };
    const { diagnostics } = load(filesOf(readDir(dir)));
    expect(diagnostics.map(key).sort(order)).toEqual(expected.diagnostics.map(key).sort(order));
  });
});
