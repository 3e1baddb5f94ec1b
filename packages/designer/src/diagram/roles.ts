import type { Text } from '@onething/engine';

/** Titles of the chart roles (docs/flows.md); `reviewer:<department>` keeps its department. */
export const ROLE_TITLES: Record<string, Text> = {
  applicant: { 'zh-CN': '申请人', en: 'applicant' },
  clerk: { 'zh-CN': '综窗', en: 'window clerk' },
  reviewer: { 'zh-CN': '审批人', en: 'reviewer' },
  admin: { 'zh-CN': '管理员', en: 'admin' },
  system: { 'zh-CN': '系统', en: 'system' },
};

/**
 * A role as people read it.
 * @example roleTitle('reviewer:huarong-police', 'en') // 'reviewer (huarong-police)'
 */
export function roleTitle(role: string, locale: 'zh-CN' | 'en'): string {
  const [name, department] = role.split(':');
  const title = ROLE_TITLES[name ?? '']?.[locale] ?? name ?? role;
  return department ? `${title}（${department}）`.replace(/（(.*)）/, locale === 'en' ? ' ($1)' : '（$1）') : title;
}
