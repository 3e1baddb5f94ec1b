/**
 * The workbench page the server serves at /workbench/: `<ot-workbench>` against the page's own
 * origin. The token lives in sessionStorage (this tab only); the language choice in localStorage;
 * the open application in the address (`#/applications/<id>`), so Back and reload work.
 */
import type { Locale } from '@onething/engine';
import '../elements/ot-workbench.js';

const TOKEN_KEY = 'onething.workbench.token';
const LOCALE_KEY = 'onething.workbench.locale';
const ROUTE = /^#\/applications\/([0-9a-f-]{36})$/;

function initialLocale(): Locale {
  const saved = localStorage.getItem(LOCALE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const titles = { 'zh-CN': 'onething 办件工作台', en: 'onething workbench' } as const;
const workbench = document.createElement('ot-workbench');
workbench.server = '';
workbench.locale = initialLocale();
document.documentElement.lang = workbench.locale;
document.title = titles[workbench.locale];

// A token handed over in the fragment (#token=…) is taken once and removed from the address bar.
const handed = new URLSearchParams(location.hash.slice(1)).get('token');
if (handed) {
  sessionStorage.setItem(TOKEN_KEY, handed);
  history.replaceState(null, '', location.pathname + location.search);
}
workbench.token = sessionStorage.getItem(TOKEN_KEY) ?? '';
workbench.application = ROUTE.exec(location.hash)?.[1] ?? '';

workbench.addEventListener('ot-token-change', (e) => {
  const token = (e as CustomEvent<{ token: string }>).detail.token;
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
});
workbench.addEventListener('ot-locale-change', (e) => {
  const locale = (e as CustomEvent<{ locale: Locale }>).detail.locale;
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale;
  document.title = titles[locale];
});
workbench.addEventListener('ot-route-change', (e) => {
  const id = (e as CustomEvent<{ application: string }>).detail.application;
  const hash = id ? `#/applications/${id}` : '';
  if (location.hash !== hash) history.pushState(null, '', hash ? hash : location.pathname + location.search);
});
window.addEventListener('popstate', () => {
  workbench.application = ROUTE.exec(location.hash)?.[1] ?? '';
});
document.body.append(workbench);
