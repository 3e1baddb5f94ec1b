export type { Diagnostic, DiagnosticCode, Result, Severity } from './types.js';
export { defineCode, report, pointer, escapePointer, type At } from './define.js';
export { diagnosticCodes } from './registry.js';
