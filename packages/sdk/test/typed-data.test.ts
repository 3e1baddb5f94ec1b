import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the built CLI (`npm run build -w @onething/engine -w @onething/server`) and the TypeScript compiler.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const run = (cmd: string, args: string[], cwd: string) =>
  new Promise<{ code: number; out: string }>((resolve) =>
    execFile(cmd, args, { cwd, env: { ...process.env, LANG: 'C' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    ),
  );

let dir: string;
beforeAll(() => {
  if (!existsSync(join(ROOT, 'packages/server/dist/cli/main.js'))) throw new Error('the CLI is not built: run `npm run build -w @onething/engine -w @onething/server`');
  dir = mkdtempSync(join(tmpdir(), 'ot-types-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('typed data with `onething types`', () => {
  it('generates a type per bundle and per item, and createServiceForm<NewbornBirth> types onSubmitted', async () => {
    // When the types are generated from the example definitions
    const generated = await run(process.execPath, [join(ROOT, 'packages/server/bin/onething.js'), 'types', join(ROOT, 'examples/definitions'), '--out', join(dir, 'types')], dir);
    expect(generated).toMatchObject({ code: 0 });
    expect(generated.out).toContain('13 files written');
    const newborn = readFileSync(join(dir, 'types/newborn-birth.ts'), 'utf8');
    expect(newborn).toContain('export interface NewbornBirth {');
    expect(newborn).toMatch(/sex\?: 'male' \| 'female';/);
    expect(readFileSync(join(dir, 'types/items/household-registration.ts'), 'utf8')).toContain('export interface HouseholdRegistration {');

    // Then a portal using them compiles, and a typo in the submitted data does not
    const paths = (JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions.paths;
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.base.json'),
        compilerOptions: { noEmit: true, types: [], paths: Object.fromEntries(Object.entries(paths).map(([k, v]) => [k, v.map((p) => join(ROOT, p))])) },
        include: ['*.ts', 'types/**/*.ts'],
      }),
    );
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    const portal = (use: string) => `import { createServiceForm } from '@onething/sdk';
import type { NewbornBirth, NewbornBirthMaterialId } from './types/index.js';
const form = await createServiceForm<NewbornBirth>(document.body, {
  server: 'https://zwfw.example.gov.cn',
  bundle: 'newborn-birth',
  onSubmitted: ({ application, submission }) => {
    const settles: boolean = submission.answers.settleInHubei;
    const sex: 'male' | 'female' | undefined = application.data.child?.sex;
    const material: NewbornBirthMaterialId = 'household-register';
    console.log(settles, sex, material, ${use});
  },
});
form.getData().data.mother?.idNumber?.toUpperCase();
`;
    const tsc = join(ROOT, 'node_modules/.bin/tsc');
    writeFileSync(join(dir, 'portal.ts'), portal('submission.data.child?.name?.trim()'));
    expect(await run(tsc, ['-p', dir], dir)).toEqual({ code: 0, out: '' });
    writeFileSync(join(dir, 'portal.ts'), portal('submission.data.child?.nmae'));
    const typo = await run(tsc, ['-p', dir], dir);
    expect(typo.code).not.toBe(0);
    expect(typo.out).toContain("Property 'nmae' does not exist");
  }, 60_000);
});
