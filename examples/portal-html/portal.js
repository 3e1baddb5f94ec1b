// The portal's own script (a file: the page's CSP allows no inline script). It points
// <ot-service> at the onething server — here the same site that serves this page — passes the
// signed-in citizen's token when there is one, and switches the language of the page and the form.
const service = document.querySelector('ot-service');

// The server: this site. A portal on another origin writes its onething server's URL here.
service.server = location.origin;

// Signed in? The demo passes a token in the URL fragment (#token=…), which never reaches a
// server log; a real portal gets it from its own sign-in (the SDK calls the function before
// each request, so refreshed tokens are picked up).
const fragment = new URLSearchParams(location.hash.slice(1));
const token = fragment.get('token');
if (token) {
  sessionStorage.setItem('portal-token', token);
  history.replaceState(null, '', location.pathname + location.search);
}
const signedIn = sessionStorage.getItem('portal-token');
if (signedIn) service.token = () => sessionStorage.getItem('portal-token');

function setLocale(locale) {
  document.documentElement.lang = locale;
  service.locale = locale;
  for (const el of document.querySelectorAll('[data-zh]')) el.textContent = locale === 'en' ? el.dataset.en : el.dataset.zh;
  for (const button of document.querySelectorAll('.lang')) button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
  document.title = locale === 'en' ? 'Newborn birth · Huarong District Government Services' : '新生儿出生“一件事” · 鄂州市华容区政务服务网';
}
for (const button of document.querySelectorAll('.lang')) button.addEventListener('click', () => setLocale(button.dataset.locale));

service.addEventListener('ot-submitted', (event) => {
  // A real portal might record the application number in the citizen's "my services" list.
  console.info('submitted', event.detail.application.id);
  document.querySelector('.intro p')?.setAttribute('hidden', '');
});
