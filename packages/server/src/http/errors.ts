import type { Json, Text } from '@onething/engine';
import { httpErrorCodes, type HttpErrorCode, type HttpErrorName } from './error-codes.js';

/** The body of every error response. */
export interface ErrorBody {
  code: string;
  message: string;
  /** JSON pointer into the request body (or `/query/<name>`, `/headers/<name>`). */
  pointer?: string;
  /** Details for the client, e.g. validation errors of a submission. */
  errors?: Json[];
}

/**
 * An error the API answers with `{ code, message, pointer? }` and the code's status.
 * @example throw new HttpError('notFound')
 * @example throw new HttpError('invalidRequest', { pointer: '/data/mother/name', detail: text('应为字符串', 'must be a string') })
 */
export class HttpError extends Error {
  readonly descriptor: HttpErrorCode;
  readonly pointer: string | undefined;
  readonly detail: Text | undefined;
  readonly errors: Json[] | undefined;
  readonly headers: Record<string, string>;

  /**
   * @param name the error's entry in `httpErrorCodes`.
   * @param options.as another stable code and message with the same status (a flow refusal
   *   such as `field-not-editable` passes through with its own code).
   */
  constructor(
    name: HttpErrorName,
    options: { pointer?: string; detail?: Text; errors?: Json[]; headers?: Record<string, string>; as?: { code: string; message: Text } } = {},
  ) {
    const base = httpErrorCodes[name];
    const descriptor = options.as ? { ...base, code: options.as.code, message: options.as.message } : base;
    super(descriptor.message.en);
    this.name = 'HttpError';
    this.descriptor = descriptor;
    this.pointer = options.pointer;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return this.descriptor.status;
  }

  /** The response body in a locale: the code's message, then the detail when there is one. */
  body(locale: 'zh-CN' | 'en'): ErrorBody {
    const message = this.detail
      ? `${this.descriptor.message[locale]}${locale === 'en' ? ': ' : '：'}${this.detail[locale]}`
      : this.descriptor.message[locale];
    const body: ErrorBody = { code: this.descriptor.code, message };
    if (this.pointer !== undefined) body.pointer = this.pointer;
    if (this.errors) body.errors = this.errors;
    return body;
  }
}
