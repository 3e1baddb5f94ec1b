import { strings } from '../i18n/strings.js';
import { isCreditCode } from './checks.js';
import { codeInput, normaliseCode } from './common.js';
import type { WidgetDescriptor } from './types.js';

/** Unified social credit code (GB 32100, 18 characters): upper-cased, checksum checked as you type. */
export const creditCodeWidget: WidgetDescriptor = {
  type: 'credit-code',
  title: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  match: (schema) => (schema.format === 'credit-code' ? 20 : 0),
  emptyValue: undefined,
  normalizeAsYouType: true,
  sanitize: (raw) => normaliseCode(raw),
  status(value, c) {
    if (typeof value !== 'string' || value.length < 18) return undefined;
    return isCreditCode(value) ? { ok: true, text: c.t(strings.codeValid) } : { ok: false, text: c.t(strings.idInvalid) };
  },
  render: (c) => codeInput(c),
};
