import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIVISION_CODES } from './divisions/codes.generated.js';
import { compileStandalone } from './standalone.js';
import * as runtime from './standalone-runtime.js';
import { formatExportName, STANDALONE_FORMATS } from './standalone-names.js';
import type { JsonSchema } from '../json.js';
import type { ShapeValidator } from './types.js';
import { createValidator, ValidatorCache } from './validator.js';

const RUNTIME = fileURLToPath(new URL('./standalone-runtime.ts', import.meta.url));
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const schema = {
  type: 'object',
  'x-title': t('申请', 'Application'),
  properties: {
    idNumber: { type: 'string', format: 'resident-id', 'x-concept': 'applicant.idNumber', 'x-title': t('身份证号', 'ID number') },
    creditCode: { type: 'string', format: 'credit-code' },
    mobile: { type: 'string', format: 'mobile' },
    region: { type: 'string', format: 'division' },
    birthDate: { type: 'string', format: 'date' },
    name: { type: 'string', minLength: 2, maxLength: 20, pattern: '^[\\u4e00-\\u9fa5·]+$' },
    consent: { const: true, 'x-errorMessage': t('请同意告知承诺', 'Agree to the declaration') },
    address: { type: 'object', properties: { line: { type: 'string' } }, const: { line: '北京' } },
  },
};
const good = {
  idNumber: '11010519491231002X',
  creditCode: '91350100M000100Y43',
  mobile: '13800138000',
  region: '110105',
  birthDate: '1949-12-31',
  name: '张三',
  consent: true,
  address: { line: '北京' },
};
const bad = {
  idNumber: '110105194912310021',
  creditCode: '91350100M000100Y44',
  mobile: '12800138000',
  region: '110199',
  birthDate: '2023-02-30',
  name: 'Z',
  consent: false,
  address: { line: '上海' },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onething-standalone-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(source: string, name: string): Promise<{ validate: (d: unknown) => boolean; validateShape: ShapeValidator }> {
  const file = join(dir, name);
  await writeFile(file, source);
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

describe('compileStandalone', () => {
  it('emits an ES module without eval, new Function or require', () => {
    const source = compileStandalone(schema);
    expect(source).not.toMatch(/\bnew Function\b|\beval\s*\(|\brequire\s*\(/);
    expect(source).toMatch(/^import \{[^}]*\} from "@onething\/engine\/standalone";$/m);
    expect(source).toContain('export function validateShape(data)');
  });

  it('leaves annotations out of the module (ajv would embed the whole schema)', () => {
    const source = compileStandalone(schema);
    expect(source).not.toContain('x-concept');
    expect(source).not.toContain('身份证号');
    // …but keeps the schema's own error message, which the module needs.
    expect(source).toContain('请同意告知承诺');
  });

  it('validates good and bad data like the server validator, once written to disk and imported', async () => {
    const mod = await load(compileStandalone(schema, { runtime: pathToFileURL(RUNTIME).href }), 'all-formats.mjs');
    expect(mod.validate(good)).toBe(true);
    expect(mod.validateShape(good)).toEqual([]);
    const errors = mod.validateShape(bad);
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}: ${e.message['zh-CN']} / ${e.message.en}`)).toMatchInlineSnapshot(`
      [
        "/idNumber format: 请输入有效的18位居民身份证号码 / Enter a valid 18-character resident ID number",
        "/creditCode format: 请输入有效的18位统一社会信用代码 / Enter a valid 18-character unified social credit code",
        "/mobile format: 请输入有效的11位手机号码 / Enter a valid 11-digit mobile number",
        "/region format: 请选择有效的行政区划 / Choose a valid administrative division",
        "/birthDate format: 请输入有效日期，如 2024-01-31 / Enter a real date, such as 2024-01-31",
        "/name minLength: 请至少输入2个字 / Enter at least 2 characters",
        "/name pattern: 格式不正确，请检查后重新输入 / This is not in the expected format; check it and try again",
        "/consent const: 请同意告知承诺 / Agree to the declaration",
        "/address const: 此项的值不符合要求 / This value is not allowed here",
      ]
    `);
    const server = createValidator(schema, { cache: new ValidatorCache() });
    expect(errors).toEqual(server(bad));
  });

  it('bundles for the browser with esbuild, keeping only the formats the schema uses', async () => {
    const bundle = async (s: JsonSchema) => {
      const result = await build({
        stdin: { contents: compileStandalone(s), resolveDir: dir, sourcefile: 'validator.mjs', loader: 'js' },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'browser',
        minify: true,
        logLevel: 'silent',
        plugins: [
          {
            name: 'engine-standalone-from-source',
            setup(b) {
              b.onResolve({ filter: /^@onething\/engine\/standalone$/ }, () => ({ path: RUNTIME }));
            },
          },
        ],
      });
      return result.outputFiles[0]!.text;
    };
    const withDivision = await bundle(schema);
    const withoutDivision = await bundle({ ...schema, properties: { ...schema.properties, region: { type: 'string' } } });
    expect(withDivision).toContain(DIVISION_CODES[0]!.slice(0, 40));
    expect(withoutDivision).not.toContain(DIVISION_CODES[0]!.slice(0, 40));
    for (const code of [withDivision, withoutDivision]) expect(code).not.toMatch(/\bnew Function\b|\beval\s*\(/);
    // Measured at ~10.7 KB and ~8.4 KB gzipped; the division list adds ~2.3 KB.
    expect(gzipSync(withDivision).length).toBeLessThan(14_000);
    expect(gzipSync(withoutDivision).length).toBeLessThan(11_000);
    const mod = await load(withDivision, 'bundled.mjs');
    expect(mod.validateShape(good)).toEqual([]);
    expect(mod.validateShape(bad).length).toBeGreaterThan(5);
  });

  it('imports formats only from the runtime module, which exports every one of them', () => {
    for (const name of STANDALONE_FORMATS) expect(runtime, name).toHaveProperty(formatExportName(name));
    const all = { type: 'object', properties: Object.fromEntries(STANDALONE_FORMATS.map((f, i) => [`f${i}`, { type: 'string', format: f }])) };
    expect(() => compileStandalone(all)).not.toThrow();
  });

  it('throws a SchemaCompileError with diagnostics for a schema that cannot compile', () => {
    expect(() => compileStandalone({ type: 'string', format: 'passport' })).toThrowError(/unknown format "passport"/);
  });
});
