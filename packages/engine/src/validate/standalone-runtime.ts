/**
 * @onething/engine/standalone — what validators from `compileStandalone` import: the format
 * functions, the ajv runtime helpers the generated code calls, and the message function.
 * Browser-safe (no eval, no `new Function`, no ajv compiler). Each format is its own export,
 * so a bundler keeps only those a validator uses (the division list only when it is used).
 * Export names follow `formatExportName` (./standalone-names.ts).
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import equalModule from 'ajv/dist/runtime/equal.js';
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';

export { creditCode as fmt_credit_code } from './formats/credit-code.js';
export { division as fmt_division } from './formats/division.js';
export { mobile as fmt_mobile } from './formats/mobile.js';
export { residentId as fmt_resident_id } from './formats/resident-id.js';
export { errorMessage, toValidationErrors } from './messages.js';

/** CommonJS interop: Node hands over `module.exports` (with `.default`), bundlers may unwrap it. */
function cjsDefault<T>(module: T | { default: T }): T {
  return typeof module === 'function' ? (module as T) : (module as { default: T }).default;
}

/** Unicode-aware string length (`minLength`/`maxLength`), ajv's runtime helper. */
export const ucs2length: (value: string) => number = cjsDefault(ucs2lengthModule as any);
/** Deep equality (`const`, `enum`, `uniqueItems`), ajv's runtime helper. */
export const equal: (a: unknown, b: unknown) => boolean = cjsDefault(equalModule as any);

export { dateFormat as fmt_date } from './fast-date.js';
export const fmt_time = fullFormats.time;
export const fmt_date_time = fullFormats['date-time'];
export const fmt_iso_time = fullFormats['iso-time'];
export const fmt_iso_date_time = fullFormats['iso-date-time'];
export const fmt_uri = fullFormats.uri;
export const fmt_regex = fullFormats.regex;
export const fmt_byte = fullFormats.byte;
export const fmt_int32 = fullFormats.int32;
export const fmt_int64 = fullFormats.int64;
export const fmt_float = fullFormats.float;
export const fmt_double = fullFormats.double;
