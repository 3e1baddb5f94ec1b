import { defineCode } from '../define.js';
import type { DiagnosticCode } from '../types.js';
import { text } from '../../text.js';

/**
 * A schema ajv cannot compile: invalid against the 2020-12 meta-schema, rejected by strict
 * mode (unknown keyword or format, missing `type`), or a `pattern` RE2 cannot run.
 */
export const schemaCompileFailed = defineCode<{ reason: string }>(
  'schema-compile-failed',
  'error',
  text('数据结构无法编译', 'Schema cannot be compiled'),
  ({ reason }) => text(`数据结构无法编译为校验器：${reason}`, `The schema cannot be compiled into a validator: ${reason}`),
);

/** Diagnostic codes of the validation area. Each needs a page docs/errors/<code>.md. */
export const validationCodes: DiagnosticCode<any>[] = [schemaCompileFailed];
