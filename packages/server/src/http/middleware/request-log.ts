import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../logging.js';

/**
 * Gives each request an id (`X-Request-Id`) and logs one line when it finishes: method,
 * path, status, duration and the caller's subject. Bodies are never logged; the logger
 * masks ID and phone numbers anywhere.
 * @example app.use(requestLog(logger))
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    res.locals['requestId'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const principal = res.locals['principal'] as { sub?: string } | undefined;
      const entry = { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, sub: principal?.sub };
      if (res.statusCode >= 500) logger.error(entry, 'request');
      else logger.info(entry, 'request');
    });
    next();
  };
}
