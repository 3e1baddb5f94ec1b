import { metaSchemas } from './meta-schemas.generated.js';
import { text, type Text } from '../text.js';

const Id = (metaSchemas['common.schema.json']?.['$defs'] as Record<string, { pattern: string; maxLength: number }>)['Id']!;

/**
 * The shape of a definition id (items, bundles, overlays, dictionaries, steps, materials), taken
 * from the meta-schema (`common.schema.json#/$defs/Id`) so an API or form can check it the same
 * way, with a message in both languages for when it does not match.
 * @example new RegExp(definitionId.pattern).test('newborn-birth') // true; 'Bad Id!' and 'a--b' are not ids
 */
export const definitionId: { readonly pattern: string; readonly maxLength: number; readonly message: Text } = {
  pattern: Id.pattern,
  maxLength: Id.maxLength,
  message: text(
    `须为小写字母、数字和单个连字符，以字母开头，不超过 ${Id.maxLength} 个字符（如 newborn-birth）`,
    `must be lower-case letters, digits and single hyphens, starting with a letter, at most ${Id.maxLength} characters (e.g. newborn-birth)`,
  ),
};

const ID = new RegExp(Id.pattern);

/**
 * Whether a value is a definition id (the meta-schema's pattern and length).
 * @example isDefinitionId('huarong') // true; isDefinitionId('a--b') // false
 */
export function isDefinitionId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= Id.maxLength && ID.test(value);
}
