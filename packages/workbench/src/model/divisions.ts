/**
 * Names of GB/T 2260 division codes, for region filters and division fields. The tree weighs
 * ~20 KB gzipped, so it is loaded the first time a name is asked for; until then names are
 * undefined and callers show the code.
 */
type Finder = (code: string) => { name: string } | undefined;

let finder: Finder | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the division names (once).
 * @example await loadDivisions(); divisionName('420703') // '湖北省鄂州市华容区'
 */
export function loadDivisions(): Promise<void> {
  loading ??= import('@onething/engine/divisions').then((m) => {
    finder = m.findDivision;
  });
  return loading;
}

/**
 * The full name of a division (province, prefecture and county), once the names are loaded.
 * @example divisionName('420703') // '湖北省鄂州市华容区'
 */
export function divisionName(code: string): string | undefined {
  if (!finder || !/^\d{6}$/.test(code)) return undefined;
  const levels = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  const names = [...new Set(levels)].map((c) => finder!(c)?.name).filter((n): n is string => !!n && n !== '市辖区' && n !== '县');
  return names.length ? [...new Set(names)].join('') : undefined;
}

/**
 * True once the names are loaded.
 * @example if (!divisionsLoaded()) await loadDivisions()
 */
export function divisionsLoaded(): boolean {
  return finder !== undefined;
}
