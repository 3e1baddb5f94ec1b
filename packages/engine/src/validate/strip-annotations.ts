/** Keywords whose value maps names to subschemas (the names are data, not keywords). */
const NAMED_SUBSCHEMAS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is data, never a schema. */
const DATA = new Set(['enum', 'const', 'default', 'examples']);
/** Annotations no validation reads. */
const ANNOTATIONS = new Set(['title', 'description', '$comment']);

/**
 * A copy of a schema without annotations (`x-…`, `title`, `description`, `$comment`,
 * `examples`), for standalone output: ajv embeds the schema in the generated module, and
 * a composed bundle's titles in both locales would double its size. Keyword positions
 * (so ajv's `schemaPath`s) stay the same.
 * @example stripAnnotations({ type: 'string', 'x-title': t }) // { type: 'string' }
 */
export function stripAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripAnnotations);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-') || ANNOTATIONS.has(key) || key === 'examples') continue;
    if (DATA.has(key)) out[key] = value;
    else if (NAMED_SUBSCHEMAS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, stripAnnotations(sub)]));
    } else out[key] = stripAnnotations(value);
  }
  return out;
}
