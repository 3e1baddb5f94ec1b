// The format checks the domain widgets run as you type come from the engine (one source of truth
// with the validator), through its browser-safe runtime entry.
import { creditCode } from '@onething/engine/runtime';

export { parseResidentId } from '@onething/engine/runtime';

/** True for a unified social credit code with a correct check character (GB 32100). */
export const isCreditCode = (value: string): boolean => creditCode.validate(value);
