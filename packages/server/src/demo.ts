import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { residentIdCheckChar, type Registry } from '@onething/engine';
import { mintToken, type TokenClaims } from './auth/tokens.js';

/**
 * The demo's HS256 secret, kept in a file (created once, mode 600) so printed tokens keep
 * working across restarts of `npm start`. Never use it outside the demo.
 * @example const secret = demoSecret('.onething/demo-secret')
 */
export function demoSecret(path: string): string {
  if (existsSync(path)) {
    const secret = readFileSync(path, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** A well-formed (checksum-valid) resident ID number of the region, for the demo applicant. */
function demoIdNumber(region: string): string {
  const first17 = `${region}19900307123`;
  return first17 + residentIdCheckChar(first17);
}

/** One ready-to-use demo identity. */
export interface DemoIdentity {
  label: string;
  claims: TokenClaims;
  token: string;
}

/**
 * Tokens for every demo role: an applicant, the comprehensive-window clerk of each
 * bundle's lead department, a reviewer per department that handles an item, and an admin —
 * each in the region of the definitions.
 * @example for (const id of await demoIdentities(registry, secret)) console.log(id.label, id.token)
 */
export async function demoIdentities(registry: Registry, secret: string, expiresIn = '30d'): Promise<DemoIdentity[]> {
  const bundles = [...registry.bundles.values()].flatMap((v) => [...v.values()]).map((l) => l.definition);
  const items = [...registry.items.values()].flatMap((v) => [...v.values()]).map((l) => l.definition);
  const region = bundles[0]?.region ?? items[0]?.region ?? '110000';
  const identities: Array<{ label: string; claims: TokenClaims }> = [
    {
      label: 'applicant 申请人',
      claims: { sub: 'demo-citizen', roles: ['applicant'], region, name: '王芳', profile: { name: '王芳', idNumber: demoIdNumber(region), mobile: '13800138000' } },
    },
  ];
  const leads = new Map(bundles.map((b) => [b.lead.id, b.lead.title]));
  for (const [id, title] of leads) {
    identities.push({ label: `clerk 综窗 · ${title['zh-CN']}`, claims: { sub: `demo-clerk-${id}`, roles: ['clerk'], region, department: id } });
  }
  const departments = new Map(items.map((i) => [i.department.id, i.department.title]));
  for (const [id, title] of departments) {
    identities.push({ label: `reviewer 审批 · ${title['zh-CN']}`, claims: { sub: `demo-reviewer-${id}`, roles: [`reviewer:${id}`], region } });
  }
  identities.push({ label: 'admin 管理员', claims: { sub: 'demo-admin', roles: ['admin'], region } });
  return Promise.all(identities.map(async (i) => ({ ...i, token: await mintToken(i.claims, { secret }, { expiresIn }) })));
}

/**
 * A staff identity's ready link into the workbench, its token handed over in the fragment
 * (`#token=…`, taken by the page and removed from the address bar); none for applicants.
 * @example workbenchLink(clerk, 'http://127.0.0.1:3000/workbench/') // 'http://127.0.0.1:3000/workbench/#token=eyJ…'
 */
export function workbenchLink(identity: DemoIdentity, workbenchUrl: string): string | undefined {
  const staff = identity.claims.roles?.some((r) => r === 'clerk' || r === 'admin' || r.startsWith('reviewer:'));
  return staff ? `${workbenchUrl}#token=${identity.token}` : undefined;
}
