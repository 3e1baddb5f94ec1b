/**
 * @onething/engine/divisions — the GB/T 2260 division tree (province → prefecture → county)
 * for the division picker. A separate entry: its names weigh ~20 KB gzipped, so a form loads
 * it only when it shows a picker. Names are Chinese only: the source package has no pinyin.
 */
import { DIVISIONS_SOURCE } from './codes.generated.js';
import { DIVISION_TREE } from './tree.generated.js';

export { isDivisionCode, isProvincePrefix } from './codes.js';
export { DIVISIONS_SOURCE };

/** One division: a 6-digit code, its Chinese name and, above county level, its children. */
export interface DivisionNode {
  /** Full 6-digit GB/T 2260 code: `110000` (province), `110100` (prefecture), `110105` (county). */
  id: string;
  /** The official (Chinese) name, e.g. `朝阳区`. */
  name: string;
  level: 'province' | 'prefecture' | 'county';
  children?: DivisionNode[];
}

let tree: readonly DivisionNode[] | undefined;
let index: ReadonlyMap<string, DivisionNode> | undefined;

/**
 * The whole tree of mainland divisions, sorted by code (parsed once, then shared: don't mutate).
 * @example divisionTree()[0] // { id: '110000', name: '北京市', level: 'province', children: [...] }
 */
export function divisionTree(): readonly DivisionNode[] {
  if (tree) return tree;
  const byId = new Map<string, DivisionNode>();
  const node = (id: string, name: string, level: DivisionNode['level']): DivisionNode => {
    const n: DivisionNode = level === 'county' ? { id, name, level } : { id, name, level, children: [] };
    // 东莞 (441900) and a few others are listed both as prefecture and as its only county: index the prefecture.
    if (!byId.has(id)) byId.set(id, n);
    return n;
  };
  tree = DIVISION_TREE.map((line) => {
    const [head = '', ...prefectures] = line.split(';');
    const pp = head.slice(0, 2);
    const province = node(`${pp}0000`, head.slice(2), 'province');
    for (const chunk of prefectures) {
      const [pref = '', ...counties] = chunk.split(',');
      const cc = pp + pref.slice(0, 2);
      const prefecture = node(`${cc}00`, pref.slice(2), 'prefecture');
      prefecture.children = counties.map((c) => node(cc + c.slice(0, 2), c.slice(2), 'county'));
      province.children!.push(prefecture);
    }
    return province;
  });
  index = byId;
  return tree;
}

/**
 * The division with this 6-digit code, if it is in the list.
 * @example findDivision('110105')?.name // '朝阳区'
 */
export function findDivision(code: string): DivisionNode | undefined {
  divisionTree();
  return index!.get(code);
}

/**
 * The chain from the province down to `code` (empty when the code is unknown), e.g. for a
 * picker's initial selection or an address line.
 * @example divisionPath('110105').map((d) => d.name) // ['北京市', '市辖区', '朝阳区']
 */
export function divisionPath(code: string): DivisionNode[] {
  const self = findDivision(code);
  if (!self) return [];
  const chain = [findDivision(`${code.slice(0, 2)}0000`), findDivision(`${code.slice(0, 4)}00`), self];
  return chain.filter((d, i, all): d is DivisionNode => d !== undefined && all.indexOf(d) === i);
}
