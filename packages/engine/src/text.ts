import type { Text } from './definitions/types.generated.js';

export type { Text };

/** The locales every user-facing text exists in. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Picks the text for a locale.
 * @example localize({ 'zh-CN': '出生', en: 'Birth' }, 'en') // 'Birth'
 */
export function localize(text: Text, locale: Locale): string {
  return text[locale];
}

/** Builds a Text from both translations. @example text('姓名', 'Name') */
export function text(zh: string, en: string): Text {
  return { 'zh-CN': zh, en };
}
