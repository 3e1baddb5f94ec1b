import { describe, expect, it } from 'vitest';
import { load } from '../definitions/load.js';
import { concepts, disabilityCard, overlay } from '../../test/fixtures/overlay.js';

const files = (...definitions: Array<{ kind: string; id: string; version: string }>) =>
  definitions.map((d) => ({ path: `${d.kind}s/${d.id}.json`, content: d }));
const regionDiagnostics = (...definitions: Array<{ kind: string; id: string; version: string }>) =>
  load(files(...definitions)).diagnostics.filter((d) => d.code === 'unknown-region');

describe('unknown-region: a region must be a division in the list, not just six digits', () => {
  it('accepts a province, a prefecture and a county code', () => {
    for (const region of ['420000', '420700', '420703']) {
      expect(regionDiagnostics(concepts, disabilityCard({ region }))).toEqual([]);
    }
  });

  it('reports an item whose region is six digits but no division, in both languages', () => {
    expect(regionDiagnostics(concepts, disabilityCard({ region: '999999' }))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-region",
          "file": "items/disability-card.json",
          "message": {
            "en": "Region 999999 is not in the division list (GB/T 2260); use the current code of a province, prefecture or county",
            "zh-CN": "地区代码 999999 不在区划代码表（GB/T 2260）中；请填写现行的省、市或县级代码",
          },
          "pointer": "/region",
          "severity": "warning",
        },
      ]
    `);
  });

  it('reports an overlay whose own region is not a division (a county code never issued)', () => {
    const lines = regionDiagnostics(concepts, disabilityCard(), overlay({ region: '411599' })).map((d) => `${d.file}#${d.pointer}`);
    expect(lines).toEqual(['overlays/shihe-disability-card.json#/region']);
  });
});
