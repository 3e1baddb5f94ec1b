import type { DiagnosticCode } from '../types.js';

/** Diagnostic codes of the validation area. Each needs a page docs/errors/<code>.md. */
export const validationCodes: DiagnosticCode<any>[] = [];
