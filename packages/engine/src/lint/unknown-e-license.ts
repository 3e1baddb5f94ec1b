import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { pointer, report } from '../diagnostics/define.js';
import { unknownELicense } from '../diagnostics/codes/definition.js';
import { rejectedIds } from '../definitions/registry.js';
import { text } from '../text.js';
import { allItems } from './definitions.js';

/** Materials and concepts may only name e-licence types a dictionary defines. */
export const unknownELicenseRule: LintRule = {
  id: 'unknown-e-license',
  description: text('材料和概念引用的电子证照类型必须已定义', 'E-licence types named by materials and concepts must be defined'),
  codes: [unknownELicense],
  check(registry) {
    const rejected = rejectedIds(registry).eLicenses;
    const known = (type: string) => registry.eLicenses.has(type) || rejected.has(type);
    const found: Diagnostic[] = [];
    for (const { definition, file } of allItems(registry)) {
      definition.materials.forEach((material, i) => {
        if (material.eLicense !== undefined && !known(material.eLicense)) {
          found.push(report(unknownELicense, { file, pointer: pointer('materials', i, 'eLicense') }, { type: material.eLicense }));
        }
      });
    }
    for (const concept of registry.concepts.values()) {
      (concept.concept.eLicenses ?? []).forEach((type, i) => {
        if (!known(type)) found.push(report(unknownELicense, { file: concept.file, pointer: `${concept.pointer}/eLicenses/${i}` }, { type }));
      });
    }
    return found;
  },
};
