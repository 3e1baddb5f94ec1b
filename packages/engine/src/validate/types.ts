import type { Text } from '../text.js';

/**
 * A validation error, shaped like ajv's ErrorObject with the message in every locale.
 * Produced by the shape validator (ajv, standalone or cached) and by the runtime's
 * requiredness check alike.
 */
export interface ValidationError {
  /** The failing keyword: `required`, `format`, `pattern`, `maximum`, … */
  keyword: string;
  /** JSON pointer into the validated data (`/mother/idNumber`). */
  instancePath: string;
  params: Record<string, unknown>;
  message: Text;
  schemaPath?: string;
}

/** A compiled shape validator: returns the errors (empty when valid). */
export type ShapeValidator = (data: unknown) => ValidationError[];
