/**
 * The formats a standalone validator can import from `@onething/engine/standalone`: those
 * ajv calls as functions (RegExp formats are inlined into the generated code, `true` ones
 * never checked). Shared by the runtime module and the code generator.
 */
export const STANDALONE_FORMATS = [
  'date',
  'time',
  'date-time',
  'iso-time',
  'iso-date-time',
  'uri',
  'regex',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'resident-id',
  'credit-code',
  'mobile',
  'division',
] as const;

/**
 * The export name of a format in `@onething/engine/standalone`.
 * @example formatExportName('resident-id') // 'fmt_resident_id'
 */
export function formatExportName(name: string): string {
  return `fmt_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}
