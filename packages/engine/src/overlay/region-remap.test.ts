import { describe, expect, it } from 'vitest';
import { adapt, concepts, disabilityCard, overlay, registryOf, SHIHE } from '../../test/fixtures/overlay.js';

const pinned = (remap: object) => overlay({ remap, base: { kind: 'item', id: 'disability-card', version: '^1.0.0', writtenAgainst: { version: '1.0.0', hash: registryOf([concepts, disabilityCard()]).resolveItem('disability-card', '1.0.0')!.hash } } });

describe('region remapping', () => {
  it('maps every code the base uses — region, schema values, rule literals and prefixes — and nothing else', () => {
    const { value, lines } = adapt(pinned(SHIHE));

    expect(lines).toEqual([]);
    expect(value).toMatchObject({
      id: 'shihe-disability-card',
      version: '1.0.0',
      region: '411502',
      department: { id: 'shihe-dpf' },
      schema: { properties: { household: { properties: { division: { enum: ['411502', '411503'], default: '411502' } } } } },
      ui: { rules: { note: { visible: { '!=': [{ var: 'household.division' }, '411502'] } } } },
      materials: [{ id: 'hukou', when: { '===': [{ substr: [{ var: 'household.division' }, 0, 2] }, '41'] } }],
      flow: { states: { review: { on: { APPROVE: { meta: { roles: ['reviewer:shihe-dpf'] } } } } } },
    });
  });

  it('names the code and where the base uses it when a code is neither mapped nor kept', () => {
    const { diagnostics } = adapt(pinned({ ...SHIHE, regions: { '420703': '411502', '420000': '410000' } }));

    expect(diagnostics.map((d) => `${d.code} ${d.file}#${d.pointer}`)).toEqual(['overlay-unmapped-region items/disability-card@1.0.0.json#/schema/properties/household/properties/division/enum/1']);
    expect(diagnostics[0]!.message.en).toMatchInlineSnapshot(`"The base uses division code 420704 in a schema value; the overlay neither maps nor keeps it (map it to a local code in remap.regions, or to itself to keep it)"`);
    expect(diagnostics[0]!.related).toEqual([{ file: 'overlays/shihe.json', pointer: '/remap/regions' }]);
  });

  it('reports a prefix a rule compares with as the province it stands for', () => {
    const { diagnostics } = adapt(pinned({ ...SHIHE, regions: { '420703': '411502', '420704': '411503' } }));

    expect(diagnostics.map((d) => `${d.code} ${d.pointer} ${d.message.en.slice(0, 50)}`)).toEqual([
      'overlay-unmapped-region /materials/0/when/===/1 The base uses division code 420000 (42…) in a rule',
    ]);
  });

  it('accepts a code kept explicitly (mapped to itself), in any province', () => {
    const { value, lines } = adapt(pinned({ ...SHIHE, regions: { ...SHIHE.regions, '420704': '420704' } }));

    expect(lines).toEqual([]);
    expect(value?.schema.properties?.household?.properties?.division?.enum).toEqual(['411502', '420704']);
  });

  it('refuses a target that is not in the division list', () => {
    const { diagnostics } = adapt(pinned({ ...SHIHE, regions: { ...SHIHE.regions, '420704': '411599' } }));

    expect(diagnostics.map((d) => `${d.code} ${d.file}#${d.pointer}`)).toEqual(['overlay-unknown-region overlays/shihe.json#/remap/regions/420704']);
    expect(diagnostics[0]!.message).toMatchInlineSnapshot(`
      {
        "en": "The mapping target 411599 is not in the division list (GB/T 2260)",
        "zh-CN": "映射目标 411599 不在区划代码表（GB/T 2260）中",
      }
    `);
  });

  it('refuses a mapping that changes the level (a county mapped to a prefecture)', () => {
    const { diagnostics } = adapt(pinned({ ...SHIHE, regions: { ...SHIHE.regions, '420704': '411500' } }));

    expect(diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual(['overlay-region-level /remap/regions/420704']);
    expect(diagnostics[0]!.message.en).toMatchInlineSnapshot(`"The county-level division 420704 is mapped to the prefecture-level division 411500; a mapping must keep the level, or cases are aggregated at the wrong level"`);
  });

  it('refuses a mapping into another province than the overlay’s region', () => {
    const { diagnostics } = adapt(pinned({ ...SHIHE, regions: { ...SHIHE.regions, '420704': '430121' } }));

    expect(diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual(['overlay-region-province /remap/regions/420704', 'overlay-region-parent /remap/regions/420704']);
    expect(diagnostics[0]!.message.en).toMatchInlineSnapshot(`"Division 420704 is mapped to 430121, which is outside the province of the overlay's region 411502"`);
  });

  it('refuses a county mapped outside the division its parent is mapped to', () => {
    const regions = { ...SHIHE.regions, '420700': '411500', '420704': '411721' };
    const base = disabilityCard({ schema: { ...disabilityCard().schema, properties: { ...disabilityCard().schema.properties, office: { type: 'string', format: 'division', const: '420700' } } } });
    const registry = registryOf([concepts, base]);

    const { diagnostics } = adapt(overlay({ remap: { ...SHIHE, regions } }), registry);

    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.pointer}`)).toEqual(['overlay-region-parent /remap/regions/420704']);
    expect(diagnostics.find((d) => d.code === 'overlay-region-parent')!.message.en).toMatchInlineSnapshot(`"420704 lies within 420700, which is mapped to 411500, but 420704 is mapped to 411721, outside 411500"`);
  });

  it('warns about a mapping for a code the base does not use (a typo)', () => {
    const { diagnostics } = adapt(pinned({ ...SHIHE, regions: { ...SHIHE.regions, '420705': '411503' } }));

    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer}`)).toEqual(['warning overlay-unused-mapping /remap/regions/420705']);
  });

  it('does not remap codes the patch writes, but checks that they exist', () => {
    const patch = { schema: { properties: { household: { properties: { division: { enum: ['411502', '411599'] } } } } } };
    const { value, diagnostics } = adapt({ ...pinned({ regions: { '420703': '411502', '420000': '410000' }, departments: SHIHE.departments }), patch });

    expect(diagnostics.map((d) => `${d.code} ${d.file}#${d.pointer}`)).toEqual([
      'overlay-unknown-region overlays/shihe.json#/patch/schema/properties/household/properties/division/enum/1',
    ]);
    expect(value?.schema.properties?.household?.properties?.division).toMatchObject({ enum: ['411502', '411599'], default: '411502' });
  });

  it('reports the overlay’s own region when it is not a real division', () => {
    const { diagnostics } = adapt({ ...pinned({ ...SHIHE, regions: { ...SHIHE.regions, '420703': '411502' } }), region: '411599' });

    expect(diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual([
      'overlay-unknown-region /region',
      'overlay-region-mismatch /region',
    ]);
  });
});

describe('department remapping', () => {
  it('names a department of the base that is not mapped, once, where it first appears', () => {
    const { diagnostics } = adapt(pinned({ regions: SHIHE.regions }));

    expect(diagnostics.map((d) => `${d.code} ${d.file}#${d.pointer}`)).toEqual(['overlay-unmapped-department items/disability-card@1.0.0.json#/department']);
    expect(diagnostics[0]!.message.en).toMatchInlineSnapshot(`"The base uses department huarong-dpf, which remap.departments does not map (map it to the same id to keep it)"`);
  });

  it('keeps a department mapped to its own id, with the title the overlay gives', () => {
    const same = { 'huarong-dpf': { id: 'huarong-dpf', title: { 'zh-CN': '华容区残联（代办）', en: 'Huarong DPF (on behalf)' } } };
    const { value, lines } = adapt(pinned({ regions: SHIHE.regions, departments: same }));

    expect(lines).toEqual([]);
    expect(value?.department).toEqual(same['huarong-dpf']);
    expect(value?.flow.states.review?.on?.APPROVE).toMatchObject({ meta: { roles: ['reviewer:huarong-dpf'] } });
  });
});
