/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A JSON Logic rule (https://jsonlogic.com): a literal, an array of rules, or
 * `{ "<operator>": args }`. Evaluated only by the engine's allow-listed interpreter.
 */
export type Rule = Json;

/**
 * A JSON Schema (2020-12) object. Kept loose on purpose: the linter checks
 * definitions' schemas in depth; code that walks schemas narrows as it goes.
 */
export interface JsonSchema {
  [keyword: string]: unknown;
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | boolean;
  enum?: Json[];
  const?: Json;
  format?: string;
  pattern?: string;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  'x-concept'?: string;
}
