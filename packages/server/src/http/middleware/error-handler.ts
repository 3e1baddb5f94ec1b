import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../../logging.js';
import { StoreError } from '../../store/errors.js';
import { HttpError } from '../errors.js';
import { requestLocale } from '../locale.js';

/** Errors thrown by body-parser carry a `type`; map them to our codes. */
function fromBodyParser(error: { type?: unknown; status?: unknown }): HttpError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpError('invalidJson', { pointer: '' });
    case 'entity.too.large':
      return new HttpError('payloadTooLarge');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError('unsupportedMediaType', { pointer: '/headers/content-type' });
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new HttpError('invalidRequest');
    default:
      return undefined;
  }
}

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
 * The last middleware: every error becomes `{ code, message, pointer? }` with its status.
 * Unknown errors are logged (with the stack, masked) and answered as `internal` — the
 * client never sees a stack trace.
 * @example app.use(errorHandler(logger))
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    let http: HttpError;
    if (error instanceof HttpError) http = error;
    else if (error instanceof StoreError) http = fromStore(error);
    else if (error && typeof error === 'object' && fromBodyParser(error)) http = fromBodyParser(error) as HttpError;
    else {
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
