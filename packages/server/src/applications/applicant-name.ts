import type { Json } from '@onething/engine';

/**
 * Where an application names the person it is for, in order: the applicant's own name, then the
 * legal representative (a business), then the parents (a newborn's bundle asks them, not an
 * "applicant"). Concept ids, so every bundle binding one of them shows an applicant in lists.
 */
export const APPLICANT_NAME_PATHS = ['applicant.name', 'legalRepresentative.name', 'mother.name', 'father.name'] as const;

/**
 * A person's name as lists show it: the first character kept, every other one starred
 * (王芳 → 王*, 欧阳娜娜 → 欧***); characters, not UTF-16 units, are counted.
 * @example maskName('王芳') // '王*'
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.length ? '*' : '';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * The masked name of the person an application is for (`APPLICANT_NAME_PATHS`), or null when
 * its data names nobody yet.
 * @example maskedApplicantName({ mother: { name: '李华' } }) // '李*'
 */
export function maskedApplicantName(data: Record<string, Json>): string | null {
  for (const path of APPLICANT_NAME_PATHS) {
    let node: Json | undefined = data;
    for (const key of path.split('.')) node = node !== null && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined;
    if (typeof node === 'string' && node.trim()) return maskName(node);
  }
  return null;
}
