import { RE2JS } from 're2js';

/** What ajv's `code.regExp` option takes: `(pattern, flags) => { test }`, plus a `code` string for standalone output. */
export interface RegExpEngine {
  (pattern: string, flags: string): { test(input: string): boolean };
  code: string;
}

/**
 * Runs JSON Schema `pattern`s with RE2 semantics (re2js): linear time in the input, so a
 * hostile value cannot make a pattern like `^(a+)+$` take exponential time. Server-side only;
 * patterns RE2 cannot express (look-around, back-references) fail to compile.
 * ECMAScript syntax is translated first (`\u4e00` → `\x{4e00}`, named groups); the `u` flag
 * ajv passes is implied (RE2 matches code points).
 * @example new Ajv2020({ code: { regExp: re2RegExp } })
 */
export const re2RegExp: RegExpEngine = Object.assign(
  (pattern: string, _flags: string) => RE2JS.compile(RE2JS.translateRegExp(pattern)),
  // Only read when ajv emits standalone code, which the engine always does with native RegExp.
  { code: 'require("re2js").RE2JS.compile' },
);
