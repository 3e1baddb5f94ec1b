import type { DiagnosticCode } from '../types.js';

/** Diagnostic codes of the flow area. Each needs a page docs/errors/<code>.md. */
export const flowCodes: DiagnosticCode<any>[] = [];
