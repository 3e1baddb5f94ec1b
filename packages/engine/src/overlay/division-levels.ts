/** The three levels of a six-digit GB/T 2260 code. */
export type DivisionLevel = 'province' | 'prefecture' | 'county';

/**
 * The level a six-digit code denotes by its digits: `PP0000` a province, `PPCC00` a prefecture,
 * anything else a county. Works for codes outside the list too (a partner system's own code).
 * @example divisionLevel('420703') // 'county'
 * @example divisionLevel('420700') // 'prefecture'
 */
export function divisionLevel(code: string): DivisionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

/**
 * The codes above a code: its province and, for a county, its prefecture.
 * @example divisionAncestors('420703') // ['420000', '420700']
 */
export function divisionAncestors(code: string): string[] {
  const level = divisionLevel(code);
  if (level === 'province') return [];
  const province = `${code.slice(0, 2)}0000`;
  return level === 'prefecture' ? [province] : [province, `${code.slice(0, 4)}00`];
}

/**
 * True when `inner` is `outer` or lies within it.
 * @example divisionContains('411500', '411502') // true (信阳市 contains 浉河区)
 */
export function divisionContains(outer: string, inner: string): boolean {
  const level = divisionLevel(outer);
  const digits = level === 'province' ? 2 : level === 'prefecture' ? 4 : 6;
  return inner.slice(0, digits) === outer.slice(0, digits);
}
