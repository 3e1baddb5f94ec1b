import type { Text } from '../../text.js';

/**
 * A string format the engine validates (`"format": "<name>"` in a schema), with what the
 * form-elements' widget registry and the designer show for it. ajv takes the descriptor
 * itself as its format definition (it reads `type` and `validate`).
 */
export interface FormatDescriptor {
  /** The value of the `format` keyword, e.g. `resident-id`. */
  name: string;
  type: 'string';
  /** True when the string is valid. Pure, synchronous, never throws (false for a non-string). */
  validate: (value: string) => boolean;
  title: Text;
  description: Text;
  /** Shown to the citizen when a value fails the format. */
  message: Text;
  /** The keyboard a form should offer (the `inputmode` attribute). */
  inputMode?: 'text' | 'numeric' | 'tel';
  /** The fixed or maximum length, for the input's `maxlength`. */
  maxLength?: number;
  examples: { valid: string[]; invalid: string[] };
}
