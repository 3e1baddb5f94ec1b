import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The partner-region workflow through the built CLI (`npm run build -w @onething/engine -w @onething/server`
// first): 华容区 signs the examples, 浉河区 verifies, imports, adapts with the example overlays and lints.
const BIN = fileURLToPath(new URL('../../../bin/onething.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../../../../examples/definitions/', import.meta.url));
const OVERLAYS = fileURLToPath(new URL('../../../../../examples/exchange/overlays/', import.meta.url));

function onething(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, LANG: 'C' } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
const json = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

let work: string;
beforeAll(async () => {
  if (!existsSync(fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url)))) {
    throw new Error('the CLI is not built: run `npm run build -w @onething/engine -w @onething/server`');
  }
  work = await mkdtemp(join(tmpdir(), 'onething-exchange-'));
  await cp(EXAMPLES, join(work, 'huarong'), { recursive: true });
  await cp(OVERLAYS, join(work, 'xinyang/overlays'), { recursive: true });
}, 60_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

// Each step spawns the CLI several times; the machine may be busy.
describe('onething keys, pack, verify, import, adapt', { timeout: 60_000 }, () => {
  it('generates a key pair: the private key readable by its owner only, the public one without the secret', async () => {
    const { code, stdout } = await onething(['keys', 'generate', '--out', 'keys', '--publisher', 'huarong-approval-bureau'], work);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^key [\w-]{43}\n {2}private: keys\/huarong-approval-bureau\.private\.jwk\.json \(keep it secret\)\n/);
    expect((await stat(join(work, 'keys/huarong-approval-bureau.private.jwk.json'))).mode & 0o777).toBe(0o600);
    const publicKey = await json(join(work, 'keys/huarong-approval-bureau.public.jwk.json'));
    expect(publicKey).toMatchObject({ kty: 'OKP', crv: 'Ed25519', publisher: 'huarong-approval-bureau' });
    expect(publicKey.d).toBeUndefined();
    await writeFile(join(work, 'trusted.json'), JSON.stringify({ keys: [publicKey] }));
    await writeFile(join(work, 'nobody.json'), JSON.stringify({ keys: [] }));
  });

  it('will not overwrite a key without --force', async () => {
    const { code, stderr } = await onething(['keys', 'generate', '--out', 'keys', '--publisher', 'huarong-approval-bureau'], work);
    expect(code).toBe(2);
    expect(stderr).toContain('onething: keys/huarong-approval-bureau.private.jwk.json exists; pass --force to replace it');
  });

  it('packs and signs a directory, and verify accepts it', async () => {
    const packed = await onething(['pack', 'huarong', '--key', 'keys/huarong-approval-bureau.private.jwk.json', '--publisher', 'huarong-approval-bureau', '--out', 'newborn.otpkg.json', '--created', '2025-01-10T08:00:00Z'], work);
    expect(packed).toMatchObject({ code: 0, stderr: '' });
    expect(packed.stdout).toMatch(/^packed 12 definitions from huarong into newborn\.otpkg\.json, signed by huarong-approval-bureau/);

    const verified = await onething(['verify', 'newborn.otpkg.json', '--trust', 'trusted.json'], work);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^signature valid: publisher huarong-approval-bureau \(region 420703\), created 2025-01-10T08:00:00Z, key [\w-]+, 12 definitions\n/);
    expect(verified.stdout).toContain('  item     household-registration@1.0.0  ');

    const asJson = JSON.parse((await onething(['verify', 'newborn.otpkg.json', '--trust', 'trusted.json', '--json'], work)).stdout);
    expect(asJson).toMatchObject({ valid: true, manifest: { publisher: 'huarong-approval-bureau', region: '420703' }, diagnostics: [] });
  });

  it('rejects a tampered package or an unknown publisher with exit 1 and the reason', async () => {
    const pkg = await json(join(work, 'newborn.otpkg.json'));
    pkg.definitions[5].limits.promisedDays = 0;
    await writeFile(join(work, 'tampered.otpkg.json'), JSON.stringify(pkg));
    pkg.definitions[5].limits.promisedDays = (await json(join(work, 'newborn.otpkg.json'))).definitions[5].limits.promisedDays;
    pkg.manifest.region = '411502';
    await writeFile(join(work, 'relabelled.otpkg.json'), JSON.stringify(pkg));

    const tampered = await onething(['verify', 'tampered.otpkg.json', '--trust', 'trusted.json'], work);
    const relabelled = await onething(['verify', 'relabelled.otpkg.json', '--trust', 'trusted.json'], work);
    const unknown = await onething(['verify', 'newborn.otpkg.json', '--trust', 'nobody.json', '--locale', 'zh-CN'], work);

    expect(tampered).toMatchObject({ code: 1, stdout: expect.stringMatching(/^tampered\.otpkg\.json:\/definitions\/5 {2}error {2}package-hash-mismatch {2}The content of item \S+ does not match its hash in the manifest: it was changed after signing\npackage NOT verified\n$/) });
    expect(relabelled.stdout.split('\n')[0]).toMatch(/^relabelled\.otpkg\.json:\/signature {2}error {2}package-bad-signature {2}/);
    expect(unknown).toMatchObject({ code: 1, stdout: 'newborn.otpkg.json:/manifest/publisher  error  package-unknown-publisher  受信任的密钥中没有发布者 huarong-approval-bureau 的密钥\n定义包未通过验证\n' });
    expect((await onething(['import', 'tampered.otpkg.json', '--trust', 'trusted.json', '--into', 'xinyang/imported'], work)).code).toBe(1);
    expect(existsSync(join(work, 'xinyang/imported'))).toBe(false);
  });

  it('imports a verified package, one file per id and version, and never replaces other content silently', async () => {
    const first = await onething(['import', 'newborn.otpkg.json', '--trust', 'trusted.json', '--into', 'xinyang/imported'], work);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('  wrote     xinyang/imported/items/household-registration@1.0.0.json\n');
    expect(await json(join(work, 'xinyang/imported/items/household-registration@1.0.0.json'))).toEqual(await json(join(work, 'huarong/items/household-registration.json')));

    const again = await onething(['import', 'newborn.otpkg.json', '--trust', 'trusted.json', '--into', 'xinyang/imported'], work);
    expect(again.stdout).toContain('  unchanged xinyang/imported/items/household-registration@1.0.0.json\n');

    const edited = join(work, 'xinyang/imported/items/vaccination-certificate@1.0.0.json');
    await writeFile(edited, JSON.stringify({ ...(await json(edited)), description: { 'zh-CN': '本地改动', en: 'Local edit' } }));
    const clash = await onething(['import', 'newborn.otpkg.json', '--trust', 'trusted.json', '--into', 'xinyang/imported'], work);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('onething: xinyang/imported/items/vaccination-certificate@1.0.0.json exists with other content for the same id and version');
    expect((await json(edited)).description.en).toBe('Local edit');

    expect((await onething(['import', 'newborn.otpkg.json', '--trust', 'trusted.json', '--into', 'xinyang/imported', '--force'], work)).code).toBe(0);
    expect((await json(edited)).description).toEqual((await json(join(work, 'huarong/items/vaccination-certificate.json'))).description);
  });

  it('adapts the imported items and bundle with the example overlays, and the region’s tree lints clean', async () => {
    for (const item of ['birth-medical-certificate', 'vaccination-certificate', 'household-registration', 'medical-insurance-enrolment', 'social-security-card']) {
      const { code, stderr } = await onething(['adapt', 'xinyang/imported', '--overlay', `xinyang/overlays/shihe-${item}.json`, '--out', `xinyang/adapted/shihe-${item}.json`], work);
      expect({ item, code, stderr }).toEqual({ item, code: 0, stderr: `wrote item shihe-${item}@1.0.0 to xinyang/adapted/shihe-${item}.json\n` });
    }
    const bundle = await onething(['adapt', 'xinyang', '--overlay', 'xinyang/overlays/shihe-newborn-birth.json'], work);
    expect(bundle.stderr).toBe('');
    expect(JSON.parse(bundle.stdout)).toMatchObject({ kind: 'bundle', id: 'shihe-newborn-birth', region: '411502', lead: { id: 'shihe-service-centre' } });
    await writeFile(join(work, 'xinyang/adapted/shihe-newborn-birth.json'), bundle.stdout);

    expect(await onething(['lint', 'xinyang'], work)).toMatchObject({ code: 0, stdout: '24 files: 0 errors, 0 warnings\n' });
  });

  it('reports what is not remapped, with exit 1 and nothing printed on stdout', async () => {
    const overlay = await json(join(work, 'xinyang/overlays/shihe-household-registration.json'));
    delete overlay.remap.regions;
    await writeFile(join(work, 'unmapped.json'), JSON.stringify(overlay));

    const { code, stdout, stderr } = await onething(['adapt', 'xinyang/imported', '--overlay', 'unmapped.json'], work);

    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr.split('\n')).toEqual([
      'xinyang/imported/items/household-registration@1.0.0.json:/region  error  overlay-unmapped-region  The base uses division code 420703 in the region; the overlay neither maps nor keeps it (map it to a local code in remap.regions, or to itself to keep it)',
      'unmapped.json:/region  error  overlay-region-mismatch  The adapted definition\'s region is 420703, not the overlay\'s region 411502',
      'onething: not adapted: 2 error(s)',
      '',
    ]);
  });

  it('reports a conflict with a new base version, and applies once the overlay is re-pinned', async () => {
    const v1 = await json(join(work, 'xinyang/imported/items/household-registration@1.0.0.json'));
    await writeFile(join(work, 'xinyang/imported/items/household-registration@1.1.0.json'), JSON.stringify({ ...v1, version: '1.1.0', limits: { ...v1.limits, promisedDays: 2 } }));
    const overlay = await json(join(work, 'xinyang/overlays/shihe-household-registration.json'));
    await writeFile(join(work, 'promise.json'), JSON.stringify({ ...overlay, patch: { limits: { promisedDays: 1 } } }));

    const conflict = await onething(['adapt', 'xinyang/imported', '--overlay', 'promise.json'], work);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr.split('\n')[0]).toBe(
      'promise.json:/patch/limits/promisedDays  error  overlay-conflict  The patch changes /limits/promisedDays, which the base also changed between 1.0.0 and 1.1.0; review the patch against the new base, then update base.writtenAgainst',
    );

    const pinned = await onething(['adapt', 'xinyang/imported', '--overlay', 'promise.json', '--pin'], work);
    expect(pinned.code).toBe(0);
    expect(JSON.parse(pinned.stdout).limits.promisedDays).toBe(1);
    expect((await json(join(work, 'promise.json'))).base.writtenAgainst.version).toBe('1.1.0');
  });

  it.each([
    [['verify', 'newborn.otpkg.json'], "error: required option '--trust <file>' not specified"],
    [['verify', 'missing.otpkg.json', '--trust', 'trusted.json'], 'onething: cannot read package missing.otpkg.json: ENOENT'],
    [['verify', 'newborn.otpkg.json', '--trust', 'keys'], 'onething: cannot read trusted keys file keys: EISDIR'],
    [['pack', 'huarong', '--key', 'nope.jwk', '--publisher', 'p', '--out', 'x.json'], 'onething: cannot read key file nope.jwk: ENOENT'],
    [['keys', 'generate'], "error: required option '--out <dir>' not specified"],
    [['keys', 'generate', '--out', 'k2', '--publisher', 'Not An Id'], 'onething: --publisher must be a kebab-case id, e.g. huarong-approval-bureau'],
    [['adapt', 'xinyang', '--overlay', 'trusted.json'], 'onething: trusted.json is not an overlay (a JSON object with "kind": "overlay" and a "base")'],
  ])('exits 2 with a message and no stack trace for %j', async (args, message) => {
    const { code, stderr } = await onething(args, work);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
