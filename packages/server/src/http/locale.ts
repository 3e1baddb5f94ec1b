import type { Request } from 'express';
import type { Locale } from '@onething/engine';

/** The response locale from `Accept-Language`: English when preferred, Chinese otherwise. */
export function requestLocale(req: Request): Locale {
  const best = req.acceptsLanguages('zh-CN', 'zh', 'en');
  return best === 'en' ? 'en' : 'zh-CN';
}
