import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { metaSchemas } from './meta-schemas.generated.js';
import { explainErrors, type Explained } from './meta-errors.js';

/** The definition kinds, each with its meta-schema. */
export const DEFINITION_KINDS = ['item', 'bundle', 'concepts', 'overlay'] as const;
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

const BASE = 'https://schemas.onething.dev/';
let ajv: Ajv2020 | undefined;
const validators = new Map<DefinitionKind, ValidateFunction>();

/**
 * The dedicated ajv instance that checks definitions against the meta-schemas (and data
 * schemas against JSON Schema 2020-12). Separate from the validators of user data: its
 * options (allErrors, verbose) suit authors, not applicants. Created on first use.
 */
export function metaAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, logger: false });
    // `tsType` guides json-schema-to-typescript; to ajv it is an annotation.
    ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
    for (const schema of Object.values(metaSchemas)) ajv.addSchema(schema);
  }
  return ajv;
}

/**
 * Validates a definition against its kind's meta-schema and explains what is wrong.
 * @example validateDefinition('item', { kind: 'item' }) // [{ pointer: '', problem: { en: 'missing required property "id"', … } }, …]
 */
export function validateDefinition(kind: DefinitionKind, value: unknown): Explained[] {
  let validate = validators.get(kind);
  if (!validate) {
    validate = metaAjv().getSchema(`${BASE}${kind}.schema.json`)!;
    validators.set(kind, validate);
  }
  return validate(value) ? [] : explainErrors(validate.errors ?? []);
}
