/**
 * @onething/engine/runtime — what a browser form needs, and nothing heavy (no ajv, no xstate):
 * JSON Logic rules and their dependencies, item activation, form state, requiredness,
 * projection, error messages and field titles.
 */
export type { Json, JsonSchema, Rule } from '../json.js';
export { LOCALES, localize, text, type Locale } from '../text.js';
export type * from '../compose/types.js';
export * from '../rules/index.js';
export type { ShapeValidator, ValidationError } from '../validate/types.js';
export {
  errorMessage,
  keywordMessages,
  standardFormatMessages,
  toValidationErrors,
  type CustomMessage,
  type ErrorLike,
  type MessageContext,
} from '../validate/messages.js';
// The Chinese formats (checked as you type by form-elements' widgets; the resident ID fills birth date and sex).
export { creditCode, mobile, parseResidentId, residentId, type FormatDescriptor, type ResidentIdInfo } from '../validate/formats/index.js';
export { activeItems } from './activation.js';
export { createFormState, type FormState, type FormStateOptions, type FormChanges, type FormSnapshot, type FormUpdate } from './form-state.js';
export { project, unproject } from './projection.js';
export { checkSubmission, errorLocation, type CheckOptions, type CheckResult } from './submission.js';
export { fieldTitle, type FieldTitleOptions } from './titles.js';
export { getPath, setPath, type JsonObject } from './paths.js';
