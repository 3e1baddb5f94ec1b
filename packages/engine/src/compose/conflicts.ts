import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { conceptBoundsConflict, conceptEnumEmpty, conceptFormatConflict, conceptTypeConflict } from '../diagnostics/codes/compose.js';
import type { Conflict, Origin } from './schema-merge.js';

/** Where the second source is, with the first as the related place: both items, both pointers. */
function at(second: Origin, first: Origin) {
  return {
    ...(second.file !== undefined ? { file: second.file } : {}),
    pointer: second.pointer,
    related: [{ ...(first.file !== undefined ? { file: first.file } : {}), pointer: first.pointer }],
  };
}

/**
 * Turns a merge conflict on a shared field into its diagnostic. The diagnostic points at the
 * second source and lists the first under `related`; the message names both.
 * @example conflictDiagnostic('mother.name', { kind: 'format', … }) // concept-format-conflict
 */
export function conflictDiagnostic(path: string, conflict: Conflict): Diagnostic {
  const names = { path, first: conflict.first.label, second: conflict.second.label };
  switch (conflict.kind) {
    case 'type':
      return report(conceptTypeConflict, at(conflict.second, conflict.first), { ...names, firstType: conflict.firstType, secondType: conflict.secondType });
    case 'enum':
      return report(conceptEnumEmpty, at(conflict.second, conflict.first), names);
    case 'bounds':
      return report(conceptBoundsConflict, at(conflict.second, conflict.first), {
        path,
        lower: conflict.lower,
        upper: conflict.upper,
        first: conflict.lowerFrom.label,
        second: conflict.upperFrom.label,
      });
    case 'format':
      return report(conceptFormatConflict, at(conflict.second, conflict.first), {
        ...names,
        firstFormat: conflict.firstFormat,
        secondFormat: conflict.secondFormat,
      });
  }
}
