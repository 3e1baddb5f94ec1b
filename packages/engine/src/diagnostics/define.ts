import type { Diagnostic, DiagnosticCode, Severity } from './types.js';
import type { Text } from '../text.js';

/**
 * Declares a diagnostic code. Keep one declaration per code, grouped by area in
 * `./codes/*.ts`; every code needs a page `docs/errors/<code>.md`.
 * @example
 * export const unknownConcept = defineCode<{ concept: string }>('unknown-concept', 'error',
 *   text('未知概念', 'Unknown concept'),
 *   ({ concept }) => text(`未定义的概念“${concept}”`, `Concept "${concept}" is not defined`));
 */
export function defineCode<P = Record<string, never>>(
  code: string,
  severity: Severity,
  title: Text,
  message: (params: P) => Text,
): DiagnosticCode<P> {
  return { code, severity, title, message };
}

/** Where a diagnostic points: the file and a JSON pointer into it. */
export interface At {
  file?: string;
  pointer: string;
  related?: Diagnostic['related'];
}

/**
 * Builds a diagnostic from its code descriptor.
 * @example report(unknownConcept, { file: 'items/a.json', pointer: '/schema/properties/x' }, { concept: 'x.y' })
 */
export function report<P>(code: DiagnosticCode<P>, at: At, params: P): Diagnostic {
  const d: Diagnostic = { code: code.code, severity: code.severity, pointer: at.pointer, message: code.message(params) };
  if (at.file !== undefined) d.file = at.file;
  if (at.related?.length) d.related = at.related;
  return d;
}

/** Escapes one reference token for a JSON pointer (RFC 6901). */
export function escapePointer(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins reference tokens into a JSON pointer. @example pointer('schema', 'properties', 'a/b') // '/schema/properties/a~1b' */
export function pointer(...tokens: Array<string | number>): string {
  return tokens.map((t) => `/${escapePointer(t)}`).join('');
}
