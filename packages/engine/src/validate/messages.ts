/**
 * Validation messages in zh-CN and en — browser-safe: no ajv import, so the form runtime
 * (`@onething/engine/runtime`) and standalone validators can carry it.
 */
import type { Text } from '../text.js';
import { standardFormatMessages } from './format-messages.js';
import { fallbackMessage, keywordMessages } from './keyword-messages.js';
import type { ValidationError } from './types.js';

export { keywordMessages, fallbackMessage, type KeywordMessage } from './keyword-messages.js';
export { standardFormatMessages } from './format-messages.js';

/** What an error needs to get a message: ajv's ErrorObject has these fields. */
export interface ErrorLike {
  keyword: string;
  instancePath: string;
  schemaPath?: string;
  params: Record<string, any>;
}

/**
 * A schema's own message (`"x-errorMessage"`): one text for every error of that schema, or a
 * text per keyword (`{ "pattern": {…}, "maxLength": {…} }`).
 */
export type CustomMessage = Text | Readonly<Record<string, Text>>;

/** What the message function knows beyond the error itself. */
export interface MessageContext {
  /** Formats with their messages (format descriptors qualify), by format name. */
  formats?: Readonly<Record<string, { message?: Text }>>;
  /** `x-errorMessage` of the schema, by schema location (`#/properties/idNumber`); see `collectCustomMessages`. */
  custom?: Readonly<Record<string, CustomMessage>>;
}

/** A reference token as ajv writes it in `schemaPath` (JSON pointer escaping, then URI fragment encoding). */
const escape = (token: string) => encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));

const isText = (m: CustomMessage): m is Text =>
  typeof (m as Text)['zh-CN'] === 'string' && typeof (m as Text).en === 'string';

/** `#/properties/a/allOf/1/pattern` → the locations whose `x-errorMessage` applies, nearest first. */
function schemaLocations(error: ErrorLike): string[] {
  if (!error.schemaPath) return [];
  let path = error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/'));
  if (error.keyword === 'required' || error.keyword === 'dependentRequired') {
    const property = escape(String(error.params.missingProperty));
    path = `${path}/properties/${property}`;
  }
  const out = [path];
  // In-place applicators (allOf/anyOf/oneOf branches, if/then/else, not) validate the same value:
  // a message on the schema around them applies too.
  for (let m; (m = /\/(?:(?:allOf|anyOf|oneOf)\/\d+|then|else|if|not)$/.exec(path)); ) {
    path = path.slice(0, m.index);
    out.push(path);
  }
  return out;
}

function customMessage(error: ErrorLike, custom: MessageContext['custom']): Text | undefined {
  if (!custom) return undefined;
  for (const at of schemaLocations(error)) {
    const m = custom[at];
    if (!m) continue;
    if (isText(m)) return m;
    const byKeyword = (m as Record<string, Text>)[error.keyword];
    if (byKeyword) return byKeyword;
  }
  return undefined;
}

/**
 * The message for one validation error, in both locales: the schema's own `x-errorMessage`
 * if it has one, else the format's message, else the keyword's.
 * @example errorMessage({ keyword: 'maxLength', instancePath: '/name', params: { limit: 20 } })
 * // { 'zh-CN': '最多输入20个字', en: 'Enter no more than 20 characters' }
 */
export function errorMessage(error: ErrorLike, context: MessageContext = {}): Text {
  const custom = customMessage(error, context.custom);
  if (custom) return custom;
  if (error.keyword === 'format') {
    const name = String(error.params.format);
    const message = context.formats?.[name]?.message ?? standardFormatMessages[name];
    if (message) return message;
  }
  const build = keywordMessages[error.keyword];
  return build ? build(error.params ?? {}) : fallbackMessage;
}

/**
 * Turns ajv-shaped errors into `ValidationError`s with messages in both locales.
 * @example toValidationErrors(validate.errors, { formats: { mobile } })
 */
export function toValidationErrors(
  errors: readonly ErrorLike[] | null | undefined,
  context: MessageContext = {},
): ValidationError[] {
  if (!errors) return [];
  return errors.map((e) => {
    const out: ValidationError = {
      keyword: e.keyword,
      instancePath: e.instancePath,
      params: e.params ?? {},
      message: errorMessage(e, context),
    };
    if (e.schemaPath !== undefined) out.schemaPath = e.schemaPath;
    return out;
  });
}

/**
 * Finds every `x-errorMessage` in a schema, keyed by its location as ajv's `schemaPath`
 * writes it (`#/properties/idNumber`). Call once per schema, next to compiling it.
 * @example collectCustomMessages({ type: 'object', properties: { code: { type: 'string', 'x-errorMessage': t } } })
 * // { '#/properties/code': t }
 */
export function collectCustomMessages(schema: unknown): Record<string, CustomMessage> {
  const found: Record<string, CustomMessage> = {};
  const walk = (node: unknown, at: string, depth: number) => {
    if (depth > 64 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${at}/${i}`, depth + 1));
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-errorMessage') {
        if (value && typeof value === 'object') found[at] = value as CustomMessage;
      } else if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples' && !key.startsWith('x-')) {
        walk(value, `${at}/${escape(key)}`, depth + 1);
      }
    }
  };
  walk(schema, '#', 0);
  return found;
}
