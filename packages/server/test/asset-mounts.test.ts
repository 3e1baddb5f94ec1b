import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAssetMounts } from '../src/paths.js';
import { startServer, type TestServer } from './helpers.js';

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ot-assets-'));
  for (const name of ['designer', 'workbench']) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'index.html'), `<!doctype html><title>${name}</title>`);
  }
  server = await startServer({ assets: { designer: join(dir, 'designer'), workbench: join(dir, 'workbench'), sdk: join(dir, 'not-built') } });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('built browser apps', () => {
  it('serves the workbench at /workbench/ under the default policy (no eval), the designer with its own', async () => {
    const workbench = await fetch(`${server.url}/workbench/`);
    expect(workbench.status).toBe(200);
    expect(await workbench.text()).toBe('<!doctype html><title>workbench</title>');
    const csp = workbench.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    const designer = await fetch(`${server.url}/designer/`);
    expect(designer.headers.get('content-security-policy')).toContain("'unsafe-eval'");
  });

  it('serves only the apps that were built', async () => {
    expect((await fetch(`${server.url}/sdk/`)).status).toBe(404);
  });

  it('looks for the workbench in packages/workbench/dist/app by default', () => {
    expect(defaultAssetMounts('/repo').workbench).toBe('/repo/packages/workbench/dist/app');
  });
});
