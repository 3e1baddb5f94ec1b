import type { DiagnosticCode } from '../types.js';

/** Diagnostic codes of the compose area. Each needs a page docs/errors/<code>.md. */
export const composeCodes: DiagnosticCode<any>[] = [];
