// The portal's own script (a file: the page's CSP allows no inline script). It points
// <ot-service> at the onething server — here the same site that serves this page — passes the
// signed-in citizen's token when there is one, switches the language of the page and the form,
// offers each service on a page of its own (?service=<bundle>) and keeps a list of the
// applications submitted on this device, whose progress <ot-status> shows (?view=applications).
import { applicationsPage, initialLocale, listApplications, rememberApplication, route, saveLocale, serviceById, services } from './services.js';

const here = route(location.search);
const service = document.querySelector('ot-service');

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
const tokenSource = signedIn ? () => sessionStorage.getItem('portal-token') : undefined;

/** Sets an element's text in both languages (applied by setLocale). */
function bilingual(element, text) {
  element.dataset.zh = text['zh-CN'];
  element.dataset.en = text.en;
  return element;
}

// The page's texts: those of the service shown, or of the applications list.
const page = here.page === 'service' ? here.service : applicationsPage;
bilingual(document.querySelector('.crumbs'), page.crumbs);
bilingual(document.querySelector('.intro h1'), page.heading);
bilingual(document.querySelector('.intro p'), page.intro);

// The services menu, the current page marked for screen readers too.
const menu = document.querySelector('.services__inner');
const links = [
  ...services.map((s) => ({ href: `?service=${s.bundle}`, text: s.nav, current: here.page === 'service' && here.service === s })),
  { href: '?view=applications', text: applicationsPage.nav, current: here.page === 'applications' },
];
for (const link of links) {
  const a = bilingual(document.createElement('a'), link.text);
  a.href = link.href;
  if (link.current) a.setAttribute('aria-current', 'page');
  const li = document.createElement('li');
  li.append(a);
  menu.append(li);
}

if (here.page === 'service') {
  // The server: this site. A portal on another origin writes its onething server's URL here.
  service.bundle = here.service.bundle;
  service.server = location.origin;
  if (tokenSource) service.token = tokenSource;
  service.addEventListener('ot-submitted', (event) => {
    // Recorded in the portal's own list, so the citizen finds the application again after a reload.
    rememberApplication(localStorage, { id: event.detail.application.id, bundle: here.service.bundle, submittedAt: new Date().toISOString() });
    document.querySelector('.intro p')?.setAttribute('hidden', '');
  });
} else {
  // No form on this page: the element goes before it loads anything (its server is not set yet).
  service.remove();
  showApplications(here);
}

/** The list of applications submitted on this device, and the progress of the one chosen. */
function showApplications({ application, invalid }) {
  const section = document.querySelector('.applications');
  section.hidden = false;
  const list = listApplications(localStorage);
  const note = section.querySelector('.applications__note');
  const known = application && list.some((entry) => entry.id === application);
  if (list.length === 0) bilingual(note, applicationsPage.empty);
  else if (invalid || (application && !known)) bilingual(note, applicationsPage.unknown);
  else note.remove();

  const ul = section.querySelector('.applications__list');
  for (const entry of list) {
    const a = document.createElement('a');
    a.href = `?application=${encodeURIComponent(entry.id)}`;
    if (entry.id === application) a.setAttribute('aria-current', 'page');
    a.append(bilingual(document.createElement('span'), serviceById(entry.bundle).nav));
    const meta = document.createElement('span');
    meta.className = 'applications__meta';
    const number = bilingual(document.createElement('span'), applicationsPage.number);
    const code = document.createElement('code');
    code.textContent = entry.id;
    const when = document.createElement('time');
    when.dateTime = entry.submittedAt;
    when.className = 'applications__when';
    meta.append(number, ' ', code, ' · ', bilingual(document.createElement('span'), applicationsPage.submitted), ' ', when);
    a.append(meta);
    const li = document.createElement('li');
    li.append(a);
    ul.append(li);
  }

  if (known) {
    // The SDK's progress page: the receipt it kept on this device lets a citizen who is not signed
    // in read the application; a signed-in citizen reads it with the token.
    const status = document.createElement('ot-status');
    status.server = location.origin;
    status.application = application;
    if (tokenSource) status.token = tokenSource;
    section.querySelector('.applications__status').append(status);
  }
}

/** Formats the submission times of the list in the page's language (China time, as the service counts). */
function formatTimes(locale) {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  for (const time of document.querySelectorAll('.applications__when')) time.textContent = format.format(new Date(time.dateTime));
}

function setLocale(locale) {
  document.documentElement.lang = locale;
  for (const element of document.querySelectorAll('ot-service, ot-status')) element.locale = locale;
  for (const el of document.querySelectorAll('[data-zh]')) el.textContent = locale === 'en' ? el.dataset.en : el.dataset.zh;
  for (const button of document.querySelectorAll('.lang')) button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
  formatTimes(locale);
  document.title = page.documentTitle[locale];
}
for (const button of document.querySelectorAll('.lang'))
  button.addEventListener('click', () => {
    saveLocale(localStorage, button.dataset.locale);
    setLocale(button.dataset.locale);
  });
setLocale(initialLocale(localStorage));
