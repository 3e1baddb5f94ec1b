/**
 * @onething/engine/standalone — what validators from `compileStandalone` import: the format
 * functions, the ajv runtime helpers the generated code calls, and the message function.
 * Browser-safe (no eval, no `new Function`, no ajv compiler). Each format is its own export,
 * so a bundler keeps only those a validator uses (the division list only when it is used).
 * Export names follow `formatExportName` (./standalone-names.ts).
 */
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
// ajv-formats' table is one CommonJS object: it lives in its own module so that a bundler
// (the engine is side-effect free) leaves it out of validators that use none of these.
export {
  fmt_time,
  fmt_date_time,
  fmt_iso_time,
  fmt_iso_date_time,
  fmt_uri,
  fmt_regex,
  fmt_byte,
  fmt_int32,
  fmt_int64,
  fmt_float,
  fmt_double,
} from './standard-formats.js';
