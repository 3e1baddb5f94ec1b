import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// These tests run the built CLI as a user would: `npm run build -w @onething/engine -w @onething/server` first.
const BIN = fileURLToPath(new URL('../../bin/onething.js', import.meta.url));
const MINIMAL = fileURLToPath(new URL('../../../engine/test/fixtures/valid/minimal/', import.meta.url));

function onething(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, LANG: 'C' } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let work: string;
beforeAll(async () => {
  if (!existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)))) {
    throw new Error('the CLI is not built: run `npm run build -w @onething/engine -w @onething/server`');
  }
  work = await mkdtemp(join(tmpdir(), 'onething-cli-'));
  await cp(MINIMAL, join(work, 'valid'), { recursive: true });
  await cp(MINIMAL, join(work, 'broken'), { recursive: true });
  // Break the copy: a misspelt transition target, an unknown concept, a warning-only section gap.
  const permit = JSON.parse(await readFile(join(work, 'broken/permit.json'), 'utf8'));
  permit.flow.states.review.on.APPROVE.target = 'aproved';
  permit.schema.properties.applicant.properties.phone = { 'x-concept': 'applicant.phone' };
  await writeFile(join(work, 'broken/permit.json'), JSON.stringify(permit, null, 2));
  await mkdir(join(work, 'broken/node_modules/x'), { recursive: true });
  await writeFile(join(work, 'broken/node_modules/x/package.json'), '{"name": "x"}');
  await mkdir(join(work, 'empty'));
  await writeFile(join(work, 'answers.json'), '{"wantsRegistration": false}');
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('onething lint', () => {
  it('exits 0 on a valid directory and prints the summary', async () => {
    const { code, stdout, stderr } = await onething(['lint', 'valid'], work);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '4 files: 0 errors, 0 warnings\n', stderr: '' });
  });

  it('exits 1 on a broken copy, with file:pointer, severity, code and message per line (node_modules skipped)', async () => {
    const { code, stdout } = await onething(['lint', 'broken'], work);
    expect(code).toBe(1);
    expect(stdout).toMatchInlineSnapshot(`
      "broken/permit.json:/schema/properties/applicant/properties/phone/x-concept  error  unknown-concept  x-concept names the concept "applicant.phone", which no loaded dictionary defines
      broken/permit.json:/flow/states/review/on/APPROVE/target  error  flow-unknown-target  Transition target "aproved" does not exist
      broken/permit.json:/flow/states/approved  error  flow-unreachable-state  No transition from the initial state ever reaches state "approved"
      4 files: 3 errors, 0 warnings
      "
    `);
  });

  it('prints the messages in Chinese with --locale zh-CN', async () => {
    const { stdout } = await onething(['lint', 'broken', '--locale', 'zh-CN'], work);
    expect(stdout.split('\n').at(-2)).toBe('共 4 个文件：3 个错误，0 个警告');
    expect(stdout).toContain('转换目标“aproved”不存在');
  });

  it('prints JSON with --json', async () => {
    const { code, stdout } = await onething(['lint', 'broken', '--json'], work);
    const report = JSON.parse(stdout) as { files: number; errors: number; warnings: number; diagnostics: Array<{ code: string; file: string; pointer: string }> };
    expect(code).toBe(1);
    expect(report).toMatchObject({ files: 4, errors: 3, warnings: 0 });
    expect(report.diagnostics.map((d) => `${d.file} ${d.pointer} ${d.code}`)).toEqual([
      'broken/permit.json /schema/properties/applicant/properties/phone/x-concept unknown-concept',
      'broken/permit.json /flow/states/review/on/APPROVE/target flow-unknown-target',
      'broken/permit.json /flow/states/approved flow-unreachable-state',
    ]);
  });

  it.each([
    [['lint'], "error: missing required argument 'dir'"],
    [['lint', 'nowhere'], 'onething: no such directory: nowhere'],
    [['lint', 'answers.json'], 'onething: not a directory: answers.json'],
    [['lint', 'empty'], 'onething: no *.json files under empty'],
    [['lint', 'valid', '--locale', 'fr'], "error: option '--locale <locale>' argument 'fr' is invalid. Allowed choices are zh-CN, en."],
    [['frob'], "error: unknown command 'frob'"],
  ])('exits 2 with a message and no stack trace for %j', async (args, message) => {
    const { code, stdout, stderr } = await onething(args, work);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('onething compose', () => {
  it('prints { composed, metrics, diagnostics } with --json', async () => {
    const { code, stdout, stderr } = await onething(['compose', 'valid', '--bundle', 'starter', '--answers', '@answers.json', '--json'], work);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { composed: { bundle: { id: string }; active: string[] }; metrics: object; diagnostics: unknown[] };
    expect(out.composed.bundle.id).toBe('starter');
    expect(out.composed.active).toEqual(['permit']);
    expect(Object.keys(out.metrics)).toEqual(expect.arrayContaining(['trips', 'materials', 'steps', 'fields']));
    expect(out.diagnostics).toEqual([]);
  });

  it('prints a human summary: items, merged fields, materials with exempt ones marked, metrics', async () => {
    const { code, stdout } = await onething(['compose', 'valid', '--bundle', 'starter'], work);
    expect(code).toBe(0);
    expect(stdout).toContain('applicant.name  ← permit, registration');
    expect(stdout).toContain('[exempt] id-card');
    expect(stdout).toMatch(/\| trips \| 2 \| 1 \|/);
  });

  it('marks the items the answers switch off, in Chinese with --locale zh-CN', async () => {
    const { code, stdout } = await onething(['compose', 'valid', '--bundle', 'starter', '--answers', '{"wantsRegistration": false}', '--locale', 'zh-CN'], work);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "示例一件事 (starter 1.0.0) — 审批局

      事项 (1/2)：
        ✓ permit 1.0.0  示例许可 — 审批局 [适用]
        · registration 1.2.0  示例登记 — 登记处 [不适用]

      合并字段（多个事项共用，只填一次）：1 / 6 字段
        applicant.name  ← permit, registration

      材料：2 (1 免提交)
        [免提交] id-card  身份证  电子证照：resident-id-card  ← permit
        [必交，视情形] urgency-proof  加急证明  ← permit

      减环节、减时间、减材料、减跑动：

      | 指标 | 单独办理 | 一件事 | 变化 |
      | --- | ---: | ---: | ---: |
      | 跑动次数 | 1 | 1 | 0.0 % |
      | 办理时限（天） | 5 | 6 | +20.0 % |
      | 申请材料 | 2 | 1 | −50.0 % |
      | 办理环节 | 2 | 2 | 0.0 % |
      | 填写字段 | 5 | 5 | 0.0 % |
      "
    `);
  });

  it.each([
    [['compose', 'valid'], "error: required option '--bundle <id>' not specified"],
    [['compose', 'valid', '--bundle', 'nope'], 'onething: no bundle nope under the directory (bundles: starter)'],
    [['compose', 'valid', '--bundle', 'starter', '--version', '9.0.0'], 'onething: bundle starter has no version 9.0.0 (loaded: 1.0.0)'],
    [['compose', 'valid', '--bundle', 'starter', '--answers', '{oops'], 'onething: --answers is not valid JSON'],
    [['compose', 'valid', '--bundle', 'starter', '--answers', '[1]'], 'onething: --answers must be a JSON object, e.g. {"hasHousehold": true}'],
    [['compose', 'valid', '--bundle', 'starter', '--answers', '@missing.json'], 'onething: cannot read answers file missing.json: ENOENT'],
  ])('exits 2 with a message for %j', async (args, message) => {
    const { code, stderr } = await onething(args, work);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
