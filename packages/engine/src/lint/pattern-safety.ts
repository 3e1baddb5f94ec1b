import { RE2JS } from 're2js';
import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { escapePointer, report } from '../diagnostics/define.js';
import { patternInvalid, patternNestedQuantifier, patternNotRe2 } from '../diagnostics/codes/definition.js';
import { walkSchema, isSchemaObject } from '../definitions/schema-walk.js';
import { text } from '../text.js';
import { dataSchemas } from './definitions.js';
import { findNestedQuantifier } from './nested-quantifier.js';

/**
 * Checks one pattern the way it will run: as an ECMAScript RegExp with the `u` flag in
 * browsers (ajv), and with RE2 on the server (linear time, no lookaround or backreferences).
 * Nested quantifiers are rejected because the browser's RegExp backtracks.
 * @example checkPattern('(?=a)b') // [{ code: patternNotRe2, reason: '…' }]
 */
export function checkPattern(pattern: string): Array<{ code: typeof patternInvalid | typeof patternNotRe2; reason: string } | { code: typeof patternNestedQuantifier; at: string }> {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return [{ code: patternInvalid, reason: error instanceof Error ? error.message : String(error) }];
  }
  const problems: ReturnType<typeof checkPattern> = [];
  try {
    RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    problems.push({ code: patternNotRe2, reason: error instanceof Error ? error.message : String(error) });
  }
  const nested = findNestedQuantifier(pattern);
  if (nested) problems.push({ code: patternNestedQuantifier, at: nested });
  return problems;
}

/** Every `pattern` and `patternProperties` key in a data schema runs safely in browsers and under RE2. */
export const patternSafetyRule: LintRule = {
  id: 'pattern-safety',
  description: text('正则表达式须能由 RE2 执行且没有嵌套量词', 'Patterns must run under RE2 and have no nested quantifiers'),
  codes: [patternInvalid, patternNotRe2, patternNestedQuantifier],
  check(registry) {
    const found: Diagnostic[] = [];
    const checkAt = (pattern: string, file: string, at: string) => {
      for (const problem of checkPattern(pattern)) {
        found.push(
          'at' in problem
            ? report(problem.code, { file, pointer: at }, { pattern, at: problem.at })
            : report(problem.code, { file, pointer: at }, { pattern, reason: problem.reason }),
        );
      }
    };
    for (const { schema, file, pointer } of dataSchemas(registry)) {
      walkSchema(schema, pointer, (node, at) => {
        if (typeof node.pattern === 'string') checkAt(node.pattern, file, `${at.pointer}/pattern`);
        if (isSchemaObject(node.patternProperties)) {
          for (const key of Object.keys(node.patternProperties)) checkAt(key, file, `${at.pointer}/patternProperties/${escapePointer(key)}`);
        }
      });
    }
    return found;
  },
};
