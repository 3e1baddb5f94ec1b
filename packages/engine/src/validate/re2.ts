import { RE2JS } from 're2js';
import { isLinearPattern } from './linear-pattern.js';

/** What ajv's `code.regExp` option takes: `(pattern, flags) => { test }`, plus a `code` string for standalone output. */
export interface RegExpEngine {
  (pattern: string, flags: string): { test(input: string): boolean };
  code: string;
}

/**
 * Runs JSON Schema `pattern`s with re2js: linear time in the input, so a hostile value cannot
 * make a pattern like `^(a+)+$` take exponential time. Patterns RE2 cannot express
 * (look-around, back-references) fail to compile. ECMAScript syntax is translated first
 * (`\u4e00` → `\x{4e00}`, named groups); the `u` flag ajv passes is implied (RE2 matches code points).
 * @example new Ajv2020({ code: { regExp: re2RegExp } })
 */
export const re2RegExp: RegExpEngine = Object.assign(
  (pattern: string, _flags: string) => RE2JS.compile(RE2JS.translateRegExp(pattern)),
  // Only read when ajv emits standalone code, which the engine always does with native RegExp.
  { code: 'require("re2js").RE2JS.compile' },
);

/**
 * The server's pattern engine: RE2's guarantee (linear time, RE2's answer) at native speed
 * where possible. A pattern in the deterministic subset (`isLinearPattern`: e.g.
 * `^\d{3,4}-\d{7,8}$`, `^[\u4e00-\u9fa5·]{2,20}$`) runs on the native RegExp, which cannot
 * backtrack more than linearly on it and gives the same answer; every other pattern runs on
 * re2js (about ten times slower per test).
 * @example linearRegExp('^(a+)+$', 'u') // an RE2JS matcher
 */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    if (isLinearPattern(pattern)) {
      try {
        return new RegExp(pattern, flags);
      } catch {
        // Not valid ECMAScript in `u` mode: RE2 decides.
      }
    }
    return re2RegExp(pattern, flags);
  },
  { code: 'require("re2js").RE2JS.compile' },
);
