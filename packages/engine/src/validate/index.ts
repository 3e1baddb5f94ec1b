/**
 * Validation: ajv 2020-12 (strict) with the Chinese formats, RE2 patterns on the server,
 * messages in zh-CN and en, cached validators and standalone ES modules for browsers.
 */
export type { ShapeValidator, ValidationError } from './types.js';
export {
  chineseFormats,
  creditCode,
  creditCodeCheckChar,
  division,
  mobile,
  parseResidentId,
  residentId,
  residentIdCheckChar,
  type FormatDescriptor,
  type ResidentIdInfo,
} from './formats/index.js';
export { isDivisionCode } from './divisions/codes.js';
export {
  collectCustomMessages,
  errorMessage,
  keywordMessages,
  standardFormatMessages,
  toValidationErrors,
  type CustomMessage,
  type ErrorLike,
  type MessageContext,
} from './messages.js';
export { annotationKeywords } from './ajv.js';
export { linearRegExp, re2RegExp, type RegExpEngine } from './re2.js';
export { isLinearPattern } from './linear-pattern.js';
export {
  compileValidator,
  createValidator,
  defaultValidatorCache,
  SchemaCompileError,
  validateData,
  ValidatorCache,
  type ValidatorCacheStats,
  type ValidatorOptions,
} from './validator.js';
export { compileStandalone, type StandaloneOptions } from './standalone.js';
