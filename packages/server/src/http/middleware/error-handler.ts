import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../../logging.js';
import { StoreError } from '../../store/errors.js';
import { HttpError } from '../errors.js';
import { requestLocale } from '../locale.js';

function fromStore(error: StoreError): HttpError {
  switch (error.code) {
    case 'conflict':
      return new HttpError('revisionConflict');
    case 'published':
      return new HttpError('definitionPublished');
    case 'not-found':
      return new HttpError('notFound');
    case 'idempotency-mismatch':
      return new HttpError('idempotencyKeyReused', { pointer: '/headers/idempotency-key' });
    case 'invalid':
      return new HttpError('invalidRequest');
  }
}

/**
 * A client error raised by Express or a library it runs (a 4xx `status`, the http-errors
 * convention), e.g. the router's 400 for a path parameter that is not valid percent-encoding:
 * answered with our code for that status, not as an internal error.
 */
function fromClientStatus(error: unknown): HttpError | undefined {
  const { status } = (error ?? {}) as { status?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 404) return new HttpError('routeNotFound');
  if (status === 413) return new HttpError('payloadTooLarge');
  if (status === 415) return new HttpError('unsupportedMediaType');
  return new HttpError('invalidRequest');
}

/**
 * The last middleware: every error becomes `{ code, message, pointer? }` with its status.
 * Unknown errors are logged (with the stack, masked) and answered as `internal` — the
 * client never sees a stack trace.
 * @example app.use(errorHandler(logger))
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    let http: HttpError | undefined;
    if (error instanceof HttpError) http = error;
    else if (error instanceof StoreError) http = fromStore(error);
    else http = fromClientStatus(error);
    if (!http) {
      http = new HttpError('internal');
      logger.error({ err: error, requestId: res.locals['requestId'], method: req.method, path: req.path }, 'internal error');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(http.status).set(http.headers).json(http.body(requestLocale(req)));
  };
}
