import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findDivision } from '@onething/engine/divisions';
import { applyOverlay, compose, generateSigningKey, load, metrics, packDefinitions, verifyPackage } from '@onething/engine';
import type { AnyDefinition, BundleDefinition, ItemDefinition, Json, Loaded, OverlayDefinition } from '@onething/engine';

/**
 * The partner-region workflow on the example definitions (docs/exchange.md): 华容区 (Hubei)
 * publishes newborn-birth as a signed package; 浉河区 of 信阳市 (Henan), a 跨省通办 partner named in
 * the 2024 report, verifies it, adapts the five items and the bundle with the overlays in
 * `overlays/`, and gets definitions that lint cleanly and compose into the same one-thing form.
 */
const read = (dir: string) =>
  readdirSync(fileURLToPath(new URL(dir, import.meta.url)), { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.json'))
    .sort()
    .map((p) => JSON.parse(readFileSync(join(fileURLToPath(new URL(dir, import.meta.url)), p), 'utf8')) as unknown);
const published = read('../definitions/') as AnyDefinition[];
const overlays = read('./overlays/') as OverlayDefinition[];
const huarong = generateSigningKey({ seed: new Uint8Array(32).fill(7), publisher: 'huarong-approval-bureau' });

/** 浉河区's side: verify the package, load it, adapt items first, then the bundle over them. */
function adaptAll() {
  const pkg = packDefinitions(published, { publisher: 'huarong-approval-bureau', region: '420703', created: '2025-01-10T08:00:00Z' }, huarong.privateKey).value!;
  const verified = verifyPackage(JSON.parse(JSON.stringify(pkg)), { keys: [{ ...huarong.publicKey, publisher: 'huarong-approval-bureau' }] });
  expect(verified.diagnostics).toEqual([]);
  const imported = verified.value!.definitions.map((definition, i) => ({ path: `imported/${i}.json`, content: definition }));
  let registry = load(imported).value;
  const adapted: Array<ItemDefinition | BundleDefinition> = [];
  const problems: string[] = [];
  for (const overlay of [...overlays].sort((a, b) => (a.base.kind === b.base.kind ? 0 : a.base.kind === 'item' ? -1 : 1))) {
    const base: Loaded<ItemDefinition | BundleDefinition> = overlay.base.kind === 'item' ? registry.resolveItem(overlay.base.id, overlay.base.version)! : registry.bundle(overlay.base.id)!;
    const { value, diagnostics } = applyOverlay(base, overlay, registry, { file: `adapted/${overlay.id}.json` });
    problems.push(...diagnostics.map((d) => `${overlay.id}: ${d.severity} ${d.code} ${d.file}#${d.pointer} ${d.message.en}`));
    adapted.push(value!);
    registry = load([...imported, ...adapted.map((d) => ({ path: `adapted/${d.id}.json`, content: d }))]).value;
  }
  return { registry, adapted, problems };
}

/** Every string value with its pointer. */
function* strings(value: unknown, pointer = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [pointer, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${pointer}/${i}`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, `${pointer}/${k}`);
}

describe('the 信阳市浉河区 overlays of newborn-birth', () => {
  it('are pinned to the published definitions as they are now', () => {
    const stale = overlays.filter((overlay) => {
      const base = load(published.map((d, i) => ({ path: `${i}.json`, content: d })), { lint: false }).value;
      const loaded = overlay.base.kind === 'item' ? base.resolveItem(overlay.base.id, overlay.base.version) : base.bundle(overlay.base.id);
      return loaded?.hash !== overlay.base.writtenAgainst?.hash;
    });
    // When this fails, an example definition changed: check the overlay against the change, then run
    // `node packages/server/bin/onething.js adapt examples/definitions --overlay examples/exchange/overlays/<file> --pin > /dev/null`.
    expect(stale.map((o) => `${o.id} is pinned to an older ${o.base.id}`)).toEqual([]);
  });

  it('adapt every item and the bundle with no diagnostic at all', () => {
    const { adapted, problems } = adaptAll();

    expect(problems).toEqual([]);
    expect(adapted.map((d) => `${d.kind} ${d.id}@${d.version} ${d.region}`)).toEqual([
      'item shihe-birth-medical-certificate@1.0.0 411502',
      'item shihe-household-registration@1.0.0 411502',
      'item shihe-medical-insurance-enrolment@1.0.0 411502',
      'item shihe-social-security-card@1.0.0 411502',
      'item shihe-vaccination-certificate@1.0.0 411502',
      'bundle shihe-newborn-birth@1.0.0 411502',
    ]);
    expect(findDivision('411502')?.name).toBe('浉河区');
  });

  it('leave no department, place name or text of the publisher behind', () => {
    const { adapted } = adaptAll();
    const questionIds = new Set(['bornInHubeiInstitution', 'settleInHubei']);

    const leftovers = adapted.flatMap((d) =>
      [...strings(d)].filter(([, s]) => /湖北|华容|鄂州|鄂汇办|楚税通|Hubei|Huarong|Ezhou/.test(s) && !questionIds.has(s)).map(([p, s]) => `${d.id}${p}: ${s}`),
    );

    expect(leftovers).toEqual([]);
    expect(adapted.map((d) => (d.kind === 'item' ? d.department.id : d.lead.id))).toEqual(['shihe-health', 'shihe-police', 'shihe-medical-security', 'shihe-hrss', 'shihe-cdc', 'shihe-service-centre']);
  });

  it('compose into the same one-thing form as the original, with the same reductions', () => {
    const { registry } = adaptAll();
    const original = load(published.map((d, i) => ({ path: `${i}.json`, content: d }))).value;

    const before = compose(original.bundle('newborn-birth')!, original);
    const after = compose(registry.bundle('shihe-newborn-birth')!, registry);

    expect(after.diagnostics).toEqual([]);
    const { items: adaptedItems, ...reductions } = metrics(after.value);
    const { items: originalItems, ...originalReductions } = metrics(before.value);
    expect(reductions).toEqual(originalReductions);
    expect(adaptedItems).toEqual(originalItems.map((id) => `shihe-${id}`));
    expect(after.value.items.map((i) => i.id)).toEqual(before.value.items.map((i) => `shihe-${i.id}`));
    expect(JSON.stringify(after.value.schema as Json)).toContain('Zhongyuan Bank');
  });
});
