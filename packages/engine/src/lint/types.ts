import type { Registry } from '../definitions/registry-types.js';
import type { Diagnostic, DiagnosticCode } from '../diagnostics/types.js';
import type { Text } from '../text.js';

/**
 * One lint check beyond the meta-schema. Rules live one per file in `src/lint/` and are
 * grouped by the exported `lintRules` array; the designer lists them by their descriptors.
 */
export interface LintRule {
  id: string;
  description: Text;
  /** The diagnostic codes this rule can report. */
  codes: ReadonlyArray<DiagnosticCode<any>>;
  check(registry: Registry): Diagnostic[];
}
