import { creditCode } from './credit-code.js';
import { division } from './division.js';
import { mobile } from './mobile.js';
import { residentId } from './resident-id.js';
import type { FormatDescriptor } from './types.js';

export type { FormatDescriptor } from './types.js';
export { creditCode, creditCodeCheckChar } from './credit-code.js';
export { division } from './division.js';
export { mobile } from './mobile.js';
export { parseResidentId, residentId, residentIdCheckChar, type ResidentIdInfo } from './resident-id.js';

/**
 * The formats Chinese applications need, beyond ajv-formats' standard ones. The form-elements'
 * widget registry and the designer list them; validators register every entry.
 * @example chineseFormats.map((f) => f.name) // ['resident-id', 'credit-code', 'mobile', 'division']
 */
export const chineseFormats: readonly FormatDescriptor[] = [residentId, creditCode, mobile, division];
