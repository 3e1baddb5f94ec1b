import { refusalStatus, type Json, type Refusal } from '@onething/engine';
import { HttpError } from '../http/errors.js';
import type { HttpErrorName } from '../http/error-codes.js';

/** The HTTP error whose status a refusal status borrows (the refusal keeps its own code and message). */
const BY_STATUS: Readonly<Record<400 | 403 | 409 | 422, HttpErrorName>> = {
  400: 'invalidRequest',
  403: 'eventForbidden',
  409: 'eventNotAccepted',
  422: 'submissionInvalid',
};

/**
 * Maps a flow refusal to an HTTP error with the status the engine's `refusalStatus` gives its
 * code (the one list, docs/flows.md), keeping the refusal's code, message and details
 * (`errors: [details]`). A refusal only a server bug can cause (status 500), or only the
 * scheduler can meet (no status), is thrown as a plain error: logged and answered `500 internal`.
 * @example refusalError(refusal('role-forbidden', { event: 'ACCEPT' })).status // 403
 */
export function refusalError(refused: Refusal): HttpError {
  const status = refusalStatus[refused.code];
  if (status === null || status === 500) throw new Error(`flow failed: ${refused.code} ${refused.message.en}`);
  const options = { as: { code: refused.code, message: refused.message }, ...(refused.details ? { errors: [refused.details as Json] } : {}) };
  return new HttpError(BY_STATUS[status], options);
}
