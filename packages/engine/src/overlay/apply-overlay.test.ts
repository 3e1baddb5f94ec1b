import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BundleDefinition, OverlayDefinition } from '../index.js';
import { applyOverlay, hashDefinition } from '../index.js';
import { bundle } from '../../test/fixtures/definitions.js';
import { adapt, concepts, disabilityCard, overlay, registryOf, SHIHE, t } from '../../test/fixtures/overlay.js';

const written = { version: '1.0.0', hash: hashDefinition(disabilityCard()) };
const shihe = (parts: Partial<OverlayDefinition> = {}) =>
  overlay({ base: { kind: 'item', id: 'disability-card', version: '^1.0.0', writtenAgainst: written }, remap: SHIHE, ...parts });
const lines = (diagnostics: Array<{ code: string; file?: string; pointer: string }>) => diagnostics.map((d) => `${d.code} ${d.file}#${d.pointer}`);

describe('applyOverlay', () => {
  it('gives the adapted definition the overlay’s id and version and leaves the base untouched', () => {
    const registry = registryOf([concepts, disabilityCard()]);
    const base = registry.resolveItem('disability-card', '^1.0.0')!;
    const before = JSON.stringify(base.definition);

    const { value } = applyOverlay(base, shihe({ version: '2.1.0', patch: { limits: { promisedDays: 3 } } }), registry);

    expect(value).toMatchObject({ kind: 'item', id: 'shihe-disability-card', version: '2.1.0', limits: { promisedDays: 3, legalDays: 20 } });
    expect(JSON.stringify(base.definition)).toBe(before);
  });

  it('refuses a base that is not the one the overlay names', () => {
    const registry = registryOf([concepts, disabilityCard()]);
    const spec = shihe({ base: { kind: 'item', id: 'disability-card', version: '^2.0.0' } });

    const { value, diagnostics } = applyOverlay(registry.resolveItem('disability-card', '1.0.0')!, { definition: spec, file: 'overlays/shihe.json', hash: '' }, registry);

    expect(value).toBeUndefined();
    expect(lines(diagnostics)).toEqual(['overlay-base-mismatch overlays/shihe.json#/base']);
    expect(diagnostics[0]!.message.en).toMatchInlineSnapshot(`"The overlay adapts item disability-card@^2.0.0, but the base given is item disability-card@1.0.0"`);
  });

  it('refuses a patch that sets the kind, id or version', () => {
    const { diagnostics } = adapt(shihe({ patch: { id: 'other', version: '9.9.9' } }));

    expect(lines(diagnostics)).toEqual(['overlay-patch-identity overlays/shihe.json#/patch/id', 'overlay-patch-identity overlays/shihe.json#/patch/version']);
  });

  it('returns the meta-schema problems of a result the patch broke, pointing into the result', () => {
    const { value, diagnostics } = adapt(shihe({ patch: { limits: { visits: null } } }), undefined, { file: 'adapted/shihe.json' });

    expect(value?.limits).toEqual({ legalDays: 20, promisedDays: 5 });
    expect(lines(diagnostics)).toEqual(['invalid-definition adapted/shihe.json#/limits']);
  });

  it('lints the result: a rule the patch adds about a field that does not exist is reported', () => {
    const { diagnostics } = adapt(shihe({ patch: { ui: { rules: { note: { required: { '==': [{ var: 'nickname' }, 'x'] } } } } } }), undefined, { file: 'adapted/shihe.json' });

    expect(lines(diagnostics)).toEqual(['rule-unknown-field adapted/shihe.json#/ui/rules/note/required/==/0/var']);
  });

  it('lints the result in place of an earlier copy with the same id and version', () => {
    const registry = registryOf([concepts, disabilityCard()]);
    const first = applyOverlay(registry.resolveItem('disability-card', '1.0.0')!, shihe(), registry).value!;
    const withCopy = registryOf([concepts, disabilityCard(), first]);

    const again = applyOverlay(withCopy.resolveItem('disability-card', '1.0.0')!, shihe(), withCopy);

    expect(again.diagnostics).toEqual([]);
  });

  it('points a bundle’s items at the adapted ones and remaps its lead department', () => {
    const base = bundle(['disability-card'], { id: 'disability-services', lead: { id: 'huarong-centre', title: t('华容区政务服务中心', 'Huarong centre') } });
    const adaptedItem = applyOverlay(registryOf([concepts, disabilityCard()]).resolveItem('disability-card', '1.0.0')!, shihe(), registryOf([concepts, disabilityCard()])).value!;
    const registry = registryOf([concepts, disabilityCard(), adaptedItem, base]);
    const spec = overlay({
      id: 'shihe-disability-services',
      base: { kind: 'bundle', id: 'disability-services', version: '^1.0.0', writtenAgainst: { version: '1.0.0', hash: hashDefinition(base) } },
      remap: {
        regions: { '420703': '411502' },
        departments: { 'huarong-centre': { id: 'shihe-centre', title: t('浉河区政务服务中心', 'Shihe centre') } },
        items: { 'disability-card': { item: 'shihe-disability-card', version: '^1.0.0' }, 'not-in-bundle': { item: 'x', version: '^1.0.0' } },
      },
    });

    const { value, diagnostics } = applyOverlay(registry.bundle('disability-services')!, spec, registry);

    expect(lines(diagnostics)).toEqual(['overlay-unused-mapping <overlay>#/remap/items/not-in-bundle']);
    expect((value as BundleDefinition).items).toEqual([{ item: 'shihe-disability-card', version: '^1.0.0' }]);
    expect((value as BundleDefinition).lead.id).toBe('shihe-centre');
  });

  it('answers with diagnostics, never a throw, whatever the overlay holds', () => {
    const registry = registryOf([concepts, disabilityCard()]);
    const base = registry.resolveItem('disability-card', '1.0.0')!;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (patch, remap) => {
        const spec = { ...shihe(), patch, remap } as unknown as OverlayDefinition;
        const { diagnostics } = applyOverlay(base, spec, registry, { lint: false });
        expect(Array.isArray(diagnostics)).toBe(true);
      }),
      { numRuns: 200 },
    );
    const bundleRegistry = registryOf([concepts, disabilityCard(), bundle(['disability-card'])]);
    const bundleSpec = overlay({ base: { kind: 'bundle', id: 'test-bundle', version: '^1.0.0' } });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('items', 'questions', 'ui', 'lead', 'region', 'flow'), fc.jsonValue({ maxDepth: 3 })), (patch) => {
        const { diagnostics } = applyOverlay(bundleRegistry.bundle('test-bundle')!, { ...bundleSpec, patch } as OverlayDefinition, bundleRegistry);
        expect(Array.isArray(diagnostics)).toBe(true);
      }),
      { numRuns: 100 },
    );
    expect(applyOverlay(base, null as unknown as OverlayDefinition, registry).diagnostics[0]?.code).toBe('invalid-definition');
    expect(applyOverlay(undefined as never, shihe(), registry).diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['not-json-value <base>']);
    expect(applyOverlay(base, { kind: 'overlay' } as OverlayDefinition, registry).diagnostics.map((d) => d.code)).toContain('invalid-definition');
  });
});
