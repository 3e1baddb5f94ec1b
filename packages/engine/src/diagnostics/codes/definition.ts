import type { DiagnosticCode } from '../types.js';

/** Diagnostic codes of the definition area. Each needs a page docs/errors/<code>.md. */
export const definitionCodes: DiagnosticCode<any>[] = [];
