import { html, type TemplateResult } from 'lit';
import type { Locale } from '@onething/engine';
import { divisionName } from '../model/divisions.js';

/**
 * A division as staff read it: its Chinese name (the division data has no other) marked
 * `lang="zh-CN"`, so an English screen reader switches voice instead of spelling it out, with the
 * code after it in the page's own punctuation. Until the names are loaded (or for an unknown
 * code) only the code shows.
 * @example regionLabel('en', '420703') // <span lang="zh-CN">湖北省鄂州市华容区</span> (420703)
 */
export function regionLabel(locale: Locale, code: string, options: { code?: boolean } = {}): TemplateResult {
  const name = divisionName(code);
  if (!name) return html`${code}`;
  const named = html`<span lang="zh-CN">${name}</span>`;
  if (options.code === false) return named;
  return locale === 'zh-CN' ? html`${named}（${code}）` : html`${named} (${code})`;
}
