import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { strings } from '../i18n/strings.js';
import { isCreditCode } from './checks.js';
import { ariaInvalid, textOf } from './common.js';
import type { WidgetDescriptor } from './types.js';

/** Unified social credit code (GB 32100, 18 characters): upper-cased, checksum checked as you type. */
export const creditCodeWidget: WidgetDescriptor = {
  type: 'credit-code',
  title: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  match: (schema) => (schema.format === 'credit-code' ? 20 : 0),
  emptyValue: undefined,
  normalizeAsYouType: true,
  sanitize(raw) {
    const s = String(raw).replace(/\s+/g, '').toUpperCase();
    return s === '' ? undefined : s;
  },
  status(value, c) {
    if (typeof value !== 'string' || value.length < 18) return undefined;
    return isCreditCode(value) ? { ok: true, text: c.t(strings.codeValid) } : { ok: false, text: c.t(strings.idInvalid) };
  },
  render: (c) => html`<input
    class="input w-20 mono"
    part="control"
    id=${c.id}
    name=${c.path}
    type="text"
    maxlength="18"
    autocomplete="off"
    autocapitalize="characters"
    spellcheck="false"
    .value=${live(textOf(c))}
    ?required=${c.required}
    ?readonly=${c.readOnly}
    aria-invalid=${ariaInvalid(c.invalid)}
    aria-describedby=${ifDefined(c.describedBy)}
  />`,
};
