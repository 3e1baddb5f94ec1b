import type { Request } from 'express';
import { HttpError } from '../http/errors.js';

/**
 * Reads a raw request body up to `maxBytes`: 413 as soon as it is (or says it will be)
 * larger, without buffering the rest.
 * @example const bytes = await readBody(req, material.maxBytes)
 */
export function readBody(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(new HttpError('payloadTooLarge', { detail: { 'zh-CN': `上限 ${maxBytes} 字节`, en: `at most ${maxBytes} bytes` } }));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        req.resume();
        reject(new HttpError('payloadTooLarge', { detail: { 'zh-CN': `上限 ${maxBytes} 字节`, en: `at most ${maxBytes} bytes` } }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    req.on('error', (error) => {
      if (!failed) reject(new HttpError('invalidRequest', { detail: { 'zh-CN': '上传中断', en: `upload interrupted (${error.message})` } }));
    });
  });
}
