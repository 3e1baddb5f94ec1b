import { describe, expect, it } from 'vitest';
import { adapt, concepts, disabilityCard, overlay, registryOf, t } from '../../test/fixtures/overlay.js';

// Regression modelled on the 2024 report (seeds/work-report-2024.zh.txt, 存在问题): in the
// disabled persons' federation system (残联系统) 葛店镇's division code differs from the
// government service portal's (政务网), so its cases could only be aggregated to 华容区.
// GB/T 2260 has no code of 葛店's own (its figures are reported under 华容区 420703); `420790`
// stands in for the federation system's code, which the report does not give — like it, it is
// not in the national list.
const FEDERATION_GEDIAN = '420790';

const fromFederation = disabilityCard({
  region: FEDERATION_GEDIAN,
  schema: { type: 'object', properties: { household: { type: 'object', properties: { division: { 'x-concept': 'household.division', default: FEDERATION_GEDIAN } } } } },
  ui: { sections: [{ id: 'main', title: t('申请', 'Application'), fields: ['household.division'] }] },
  materials: [],
});
const registry = registryOf([concepts, fromFederation]);
const portal = (regions: Record<string, string>) =>
  overlay({
    id: 'portal-disability-card',
    region: '420703',
    remap: { regions, departments: { 'huarong-dpf': { id: 'huarong-dpf', title: t('华容区残疾人联合会', 'Huarong District Disabled Persons’ Federation') } } },
  });
const problems = (regions: Record<string, string>) =>
  adapt(portal(regions), registry).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.pointer}`);

describe('a division code one system uses and the other lacks (葛店镇, 残联系统 vs 政务网)', () => {
  it('is named with every place it is used when the portal does not map it — never silently aggregated', () => {
    const { diagnostics } = adapt(portal({}), registry);

    expect(diagnostics.filter((d) => d.code === 'overlay-unmapped-region').map((d) => `${d.file}#${d.pointer}`)).toEqual([
      'items/disability-card@1.0.0.json#/region',
      'items/disability-card@1.0.0.json#/schema/properties/household/properties/division/default',
    ]);
    expect(diagnostics.find((d) => d.code === 'overlay-unmapped-region')!.message['zh-CN']).toMatchInlineSnapshot(`"基础定义在地区（region）使用区划代码 420790，叠加层既未映射也未声明保留（在 remap.regions 中映射到本地代码，或映射到自身以保留）"`);
  });

  it('cannot be kept as it is, because the national list does not have it', () => {
    expect(problems({ [FEDERATION_GEDIAN]: FEDERATION_GEDIAN })).toEqual(['overlay-unknown-region /remap/regions/420790', 'overlay-region-mismatch /region']);
  });

  it('cannot be lifted to the prefecture (鄂州市): the level must stay', () => {
    expect(problems({ [FEDERATION_GEDIAN]: '420700' })).toEqual(['overlay-region-level /remap/regions/420790', 'overlay-region-mismatch /region']);
  });

  it('adapts cleanly once mapped explicitly to the county code the portal lists (华容区)', () => {
    const { value, diagnostics } = adapt(portal({ [FEDERATION_GEDIAN]: '420703' }), registry);

    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(value?.region).toBe('420703');
    expect(value?.schema.properties?.household?.properties?.division?.default).toBe('420703');
  });
});
