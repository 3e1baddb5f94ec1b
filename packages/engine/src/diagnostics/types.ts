import type { Text } from '../text.js';

export type Severity = 'error' | 'warning';

/**
 * A problem found in a definition, as data. `code` is stable and has a page
 * `docs/errors/<code>.md`; `pointer` is a JSON pointer (RFC 6901) into `file`.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** The file the problem is in, as given to `load` (absent for problems of a composition as a whole). */
  file?: string;
  /** JSON pointer into the file's JSON, '' for the whole document. */
  pointer: string;
  message: Text;
  /** Other places involved, e.g. the second item of a concept conflict. */
  related?: Array<{ file?: string; pointer: string; message?: Text }>;
}

/** What every function that reads definitions returns: a value and what was wrong. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/**
 * The descriptor of one diagnostic code: its severity, a title for the docs page and a
 * message built from params. One registry entry per code (see `./registry.ts`).
 */
export interface DiagnosticCode<P = Record<string, unknown>> {
  code: string;
  severity: Severity;
  title: Text;
  message: (params: P) => Text;
}
