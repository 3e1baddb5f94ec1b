import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { dateFormat } from './fast-date.js';
import { chineseFormats } from './formats/index.js';
import { linearRegExp, re2RegExp } from './re2.js';

/**
 * Annotation keywords of onething schemas (no validation of their own). Strict mode rejects
 * unknown keywords, so these are registered; any other keyword starting with `x-` found in a
 * schema is registered as an annotation too (see `registerAnnotations`).
 */
export const annotationKeywords: readonly string[] = [
  'x-concept',
  'x-title',
  'x-description',
  'x-enumTitles',
  'x-errorMessage',
  'x-help',
  'x-placeholder',
  'x-widget',
  'x-pii',
];

export interface AjvSetup {
  /** Report every error (true) or stop at the first (false). */
  allErrors: boolean;
  /**
   * `linear` (server default): RE2's linear-time guarantee — native RegExp for patterns in the
   * deterministic subset, re2js for the rest; `re2`: re2js for every pattern;
   * `native`: ECMAScript RegExp (standalone, browser).
   */
  patterns: 'linear' | 're2' | 'native';
  /** Keep ajv's English messages (default true: compile errors of bad schemas need them). */
  messages?: boolean;
  /** Extra ajv `code` options (standalone source generation). */
  code?: Options['code'];
}

/**
 * A configured ajv instance: draft 2020-12, strict, ajv-formats plus the Chinese formats and
 * the annotation keywords. Engine-internal: use `createValidator` or `compileStandalone`.
 */
export function createAjv(setup: AjvSetup): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    // `type: ["string", "null"]` is plain JSON Schema; strict mode would reject it by default.
    allowUnionTypes: true,
    allErrors: setup.allErrors,
    // Citizens get messages from ./messages.ts; ajv's English ones explain bad schemas (diagnostics).
    messages: setup.messages ?? true,
    // Several versions of a definition may carry the same $id: never register schemas by id.
    addUsedSchema: false,
    code: { ...setup.code, ...(setup.patterns === 'native' ? {} : { regExp: setup.patterns === 're2' ? re2RegExp : linearRegExp }) },
  });
  addFormats.default(ajv);
  ajv.addFormat('date', dateFormat);
  for (const format of chineseFormats) ajv.addFormat(format.name, format);
  ajv.addVocabulary([...annotationKeywords]);
  return ajv;
}

/**
 * Registers as annotations the `x-…` keywords of `schema` that the instance does not know yet,
 * so strict mode accepts extension keywords a region adds.
 */
export function registerAnnotations(ajv: Ajv2020, schema: unknown): void {
  const seen = new Set<string>();
  const walk = (node: unknown, depth: number) => {
    if (depth > 64 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) walk(child, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) seen.add(key);
      else walk(value, depth + 1);
    }
  };
  walk(schema, 0);
  // A keyword ajv's name rule rejects stays unknown, and strict mode reports it.
  for (const keyword of seen) if (!ajv.RULES.keywords[keyword] && /^x-[\w$:-]*$/.test(keyword)) ajv.addKeyword(keyword);
}
