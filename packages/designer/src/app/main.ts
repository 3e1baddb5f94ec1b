/**
 * The designer page the server serves at /designer/: `<ot-designer>` against the page's own
 * origin. The token lives in sessionStorage (this tab only); the language choice in localStorage.
 */
import type { Locale } from '@onething/engine';
import '../elements/ot-designer.js';

const TOKEN_KEY = 'onething.designer.token';
const LOCALE_KEY = 'onething.designer.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(LOCALE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const designer = document.createElement('ot-designer');
designer.server = '';
designer.locale = initialLocale();
const titles = { 'zh-CN': 'onething 设计器', en: 'onething designer' } as const;
document.documentElement.lang = designer.locale;
document.title = titles[designer.locale];
// A token handed over in the fragment (#token=…) is taken once and removed from the address bar.
const fragment = new URLSearchParams(location.hash.slice(1));
const handed = fragment.get('token');
if (handed) {
  sessionStorage.setItem(TOKEN_KEY, handed);
  history.replaceState(null, '', location.pathname + location.search);
}
designer.token = sessionStorage.getItem(TOKEN_KEY) ?? '';
designer.addEventListener('ot-token-change', (e) => {
  const token = (e as CustomEvent<{ token: string }>).detail.token;
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
});
designer.addEventListener('ot-locale-change', (e) => {
  const locale = (e as CustomEvent<{ locale: Locale }>).detail.locale;
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale;
  document.title = titles[locale];
});
document.body.append(designer);
