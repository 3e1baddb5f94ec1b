import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashDefinition } from './hash.js';
import { load } from './load.js';

const MINIMAL = fileURLToPath(new URL('../../test/fixtures/valid/minimal/', import.meta.url));
const minimal = () =>
  readdirSync(MINIMAL).map((name) => ({ path: name, content: readFileSync(`${MINIMAL}${name}`, 'utf8') }));
const parsed = (name: string) => JSON.parse(readFileSync(`${MINIMAL}${name}`, 'utf8')) as Record<string, any>;

describe('hashDefinition', () => {
  it('is the sha-256 of the RFC 8785 canonical JSON, whatever the key order', () => {
    const canonical = '{"a":[true,null,"中"],"b":1}';
    const expected = createHash('sha256').update(canonical, 'utf8').digest('hex');
    expect(hashDefinition({ b: 1.0, a: [true, null, '中'] })).toBe(expected);
    expect(hashDefinition({ a: [true, null, '中'], b: 1 })).toBe(expected);
  });

  it('is what load records for each definition, from text or from a parsed value alike', () => {
    const fromText = load(minimal()).value;
    const fromValues = load(minimal().map((f) => ({ path: f.path, content: JSON.parse(f.content) }))).value;
    const permit = fromText.resolveItem('permit', '1.0.0')!;
    expect(permit.hash).toBe(hashDefinition(parsed('permit.json')));
    expect(fromValues.resolveItem('permit', '1.0.0')!.hash).toBe(permit.hash);
  });
});

describe('load reports problems as diagnostics with both languages', () => {
  it('gives the line and column of a JSON syntax error', () => {
    const { diagnostics } = load([{ path: 'a.json', content: '{\n  "kind": "item",\n  "id": "x",\n}' }]);
    expect(diagnostics).toMatchInlineSnapshot(`
      [
        {
          "code": "json-syntax-error",
          "file": "a.json",
          "message": {
            "en": "Line 4, column 1: unexpected "}"",
            "zh-CN": "第 4 行第 1 列：意外的“}”",
          },
          "pointer": "",
          "severity": "error",
        },
      ]
    `);
  });

  it('explains a transition of the wrong shape once, not once per oneOf branch', () => {
    const permit = parsed('permit.json');
    permit.flow.states.review.on.APPROVE = 'approved';
    const { diagnostics } = load([{ path: 'permit.json', content: permit }], { lint: false });
    expect(diagnostics.map((d) => [d.pointer, d.message])).toMatchInlineSnapshot(`
      [
        [
          "/flow/states/review/on/APPROVE",
          {
            "en": "must be an object or an array",
            "zh-CN": "应为对象或数组",
          },
        ],
      ]
    `);
  });

  it('names the allowed properties when one is misspelt', () => {
    const permit = parsed('permit.json');
    permit.limits.promiseDays = 3;
    const { diagnostics } = load([{ path: 'permit.json', content: permit }], { lint: false });
    expect(diagnostics.map((d) => d.message.en)).toMatchInlineSnapshot(`
      [
        "property "promiseDays" is not allowed here (allowed: legalDays, promisedDays, visits, days)",
      ]
    `);
  });

  it('refuses a second definition with the same id and version, naming the first file', () => {
    const { value, diagnostics } = load([...minimal(), { path: 'copy/permit.json', content: parsed('permit.json') }]);
    expect(diagnostics.map((d) => d.message)).toMatchInlineSnapshot(`
      [
        {
          "en": "item "permit" version 1.0.0 is already defined in permit.json; this file was not loaded",
          "zh-CN": "item “permit” 的版本 1.0.0 已在 permit.json 中定义，此文件未载入",
        },
      ]
    `);
    expect(value.resolveItem('permit', '*')!.file).toBe('permit.json');
  });

  it('reports values that are not JSON, with where they are', () => {
    const cyclic: Record<string, unknown> = { kind: 'item' };
    cyclic.self = cyclic;
    const { diagnostics } = load([
      { path: 'nan.json', content: { kind: 'item', limits: { visits: Number.NaN } } },
      { path: 'cycle.json', content: cyclic },
      { path: 'fn.json', content: { kind: 'item', id: () => 1 } },
      { path: 'date.json', content: { kind: 'item', when: new Date(0) } },
    ]);
    expect(diagnostics.map((d) => `${d.file} ${d.pointer} ${d.code}: ${d.message.en}`)).toMatchInlineSnapshot(`
      [
        "nan.json /limits/visits not-json-value: The value here is not JSON (NaN)",
        "cycle.json /self not-json-value: The value here is not JSON (a circular reference)",
        "fn.json /id not-json-value: The value here is not JSON (a function)",
        "date.json /when not-json-value: The value here is not JSON (an object that is not plain JSON)",
      ]
    `);
  });

  it('keeps loading the other files when one is broken', () => {
    const { value, diagnostics } = load([{ path: 'broken.json', content: '{' }, ...minimal()]);
    expect(diagnostics.map((d) => d.code)).toEqual(['json-syntax-error']);
    expect(value.items.size).toBe(2);
  });

  it('runs lint after indexing unless told not to', () => {
    const permit = parsed('permit.json');
    permit.limits.promisedDays = 99;
    const files = [...minimal().filter((f) => f.path !== 'permit.json'), { path: 'permit.json', content: permit }];
    expect(load(files).diagnostics.map((d) => d.code)).toEqual(['promised-exceeds-legal']);
    expect(load(files, { lint: false }).diagnostics).toEqual([]);
  });
});

describe('load never throws and answers fast, whatever it is given', () => {
  const kinds = fc.constantFrom('item', 'bundle', 'concepts', 'overlay');
  const randomDefinition = fc.oneof(
    fc.jsonValue(),
    fc.string(),
    fc.dictionary(fc.string(), fc.jsonValue()).chain((rest) => kinds.map((kind) => ({ ...rest, kind }))),
  );

  it('for random JSON values and random strings', () => {
    fc.assert(
      fc.property(fc.array(randomDefinition, { maxLength: 4 }), (contents) => {
        const started = performance.now();
        const result = load(contents.map((content, i) => ({ path: `f${i}.json`, content: typeof content === 'string' ? content : content })));
        expect(Array.isArray(result.diagnostics)).toBe(true);
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('for valid definitions with a random value put at a random place', () => {
    const files = minimal().map((f) => ({ path: f.path, value: JSON.parse(f.content) as unknown }));
    const places = files.flatMap((f) => pointersOf(f.value).map((p) => [f.path, p] as const));
    fc.assert(
      fc.property(fc.constantFrom(...places), fc.jsonValue({ maxDepth: 4 }), ([path, at], value) => {
        const mutated = files.map((f) => ({ path: f.path, content: f.path === path ? setAt(f.value, at, value) : f.value }));
        const started = performance.now();
        const { diagnostics } = load(mutated);
        expect(diagnostics.every((d) => d.code !== 'lint-rule-failed')).toBe(true);
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });

  it('for a malformed file list', () => {
    // @ts-expect-error deliberately wrong input
    expect(load('nope').diagnostics).toEqual([]);
    // @ts-expect-error deliberately wrong input
    expect(load([null, 3, { content: '{}' }]).diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      '<file 1> missing-kind',
      '<file 2> missing-kind',
      '<file 3> missing-kind',
    ]);
  });

  it('for huge and deeply nested text', () => {
    const started = performance.now();
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const broken = '{"a":'.repeat(100_000);
    const { diagnostics } = load([
      { path: 'deep.json', content: deep },
      { path: 'broken.json', content: broken },
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['json-too-deep', 'json-syntax-error']);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

function pointersOf(value: unknown, at: string[] = []): string[][] {
  const here = [at];
  if (typeof value !== 'object' || value === null) return here;
  return here.concat(Object.entries(value).flatMap(([k, v]) => pointersOf(v, [...at, k])));
}

function setAt(root: unknown, path: readonly string[], value: unknown): unknown {
  if (!path.length) return value;
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), value);
  return copy;
}
