import type { Diagnostic, Locale } from '@onething/engine';

/**
 * One diagnostic as a line: `file:pointer  severity  code  message` (the pointer is left
 * out when it is the whole document).
 * @example formatDiagnostic(d, 'en') // 'items/a.json:/schema/properties/x  error  unknown-concept  x-concept names …'
 */
export function formatDiagnostic(d: Diagnostic, locale: Locale): string {
  const where = `${d.file ?? '(composition)'}${d.pointer ? `:${d.pointer}` : ''}`;
  return `${where}  ${d.severity}  ${d.code}  ${d.message[locale]}`;
}

/**
 * Sorts diagnostics by file in the order the files were read, keeping each file's
 * diagnostics in the order they were found; those without a file come last.
 */
export function sortByFile(diagnostics: Diagnostic[], files: string[]): Diagnostic[] {
  const rank = new Map(files.map((f, i) => [f, i]));
  const of = (d: Diagnostic) => (d.file === undefined ? Infinity : (rank.get(d.file) ?? files.length));
  return diagnostics.map((d, i) => ({ d, i })).sort((a, b) => of(a.d) - of(b.d) || a.i - b.i).map(({ d }) => d);
}

/** Counts errors and warnings. */
export function count(diagnostics: Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

/** The closing line of `onething lint`. @example summary(12, 1, 0, 'en') // '12 files: 1 error, 0 warnings' */
export function summary(files: number, errors: number, warnings: number, locale: Locale): string {
  if (locale === 'zh-CN') return `共 ${files} 个文件：${errors} 个错误，${warnings} 个警告`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
