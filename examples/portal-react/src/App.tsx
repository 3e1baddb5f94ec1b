import { useEffect, useState } from 'react';
import type { SaveStatus, SubmittedResult, TokenSource } from '@onething/sdk';
import { applicationsPage, initialLocale, listApplications, rememberApplication, route, saveLocale, serviceById, services, type Locale, type PortalService } from '../../portal-html/services.js';
import type { NewbornBirth } from './onething-types/newborn-birth.js';
import type { OpenRestaurant } from './onething-types/open-restaurant.js';
import { ServiceFormView } from './ServiceForm.js';

const t = {
  brand: { 'zh-CN': '鄂州市华容区 · 掌上办', en: 'Huarong District · Services on the go' },
  title: {
    'newborn-birth': { 'zh-CN': '新生儿出生“一件事”', en: 'Newborn birth — one application' },
    'open-restaurant': { 'zh-CN': '开办餐饮店“一件事”', en: 'Opening a restaurant — one application' },
  },
  saved: { 'zh-CN': '已保存', en: 'Saved' },
  offline: { 'zh-CN': '离线 · 已存本机', en: 'Offline · kept on this device' },
  thanks: {
    'newborn-birth': { 'zh-CN': '已提交：{name} 的出生“一件事”', en: 'Submitted: newborn birth of {name}' },
    'open-restaurant': { 'zh-CN': '已提交：{name} 的开办餐饮店“一件事”', en: 'Submitted: opening the restaurant {name}' },
  },
  menu: { 'zh-CN': '办事', en: 'Services' },
};

const theme = { '--ot-color-primary': '#0b57d0', '--ot-color-primary-dark': '#0842a0', '--ot-radius': '8px' };

/** The demo token, if the page was opened with #token=… (a real portal has its own sign-in). */
function initialToken(): string | undefined {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token) {
    sessionStorage.setItem('portal-token', token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem('portal-token') ?? undefined;
}

export function App() {
  const [here] = useState(() => route(location.search));
  const [locale, setLocale] = useState<Locale>(() => initialLocale(localStorage));
  const [token] = useState(initialToken);
  const [save, setSave] = useState<SaveStatus['state']>('idle');
  const [done, setDone] = useState<string | null>(null);
  const page = here.page === 'service' ? here.service : applicationsPage;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = page.documentTitle[locale];
  }, [locale, page]);

  const switchLocale = () => {
    const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
    saveLocale(localStorage, next);
    setLocale(next);
  };

  // Each bundle's submission is typed by the types `onething types` generated: `data.child?.name`
  // and `data.enterprise?.name` are strings, `answers.settleInHubei` a boolean — a typo is a compile error.
  const remember = (bundle: PortalService['bundle'], id: string) => rememberApplication(localStorage, { id, bundle, submittedAt: new Date().toISOString() });
  const onNewborn = (result: SubmittedResult<NewbornBirth>) => {
    remember('newborn-birth', result.application.id);
    setDone(t.thanks['newborn-birth'][locale].replace('{name}', result.submission.data.child?.name ?? '—'));
    const settles: boolean = result.submission.answers.settleInHubei;
    console.info('submitted', result.application.id, { settles });
  };
  const onRestaurant = (result: SubmittedResult<OpenRestaurant>) => {
    remember('open-restaurant', result.application.id);
    setDone(t.thanks['open-restaurant'][locale].replace('{name}', result.submission.data.enterprise?.name ?? '—'));
  };
  const common = { server: location.origin, locale, ...(token ? { token } : {}), theme, onSave: (s: SaveStatus) => setSave(s.state) };

  return (
    <div className="app" lang={locale}>
      <header className="bar">
        <strong>{t.brand[locale]}</strong>
        <span className="save" role="status" aria-live="polite">
          {save === 'saved' ? t.saved[locale] : save === 'offline' ? t.offline[locale] : ''}
        </span>
        <button type="button" onClick={switchLocale}>
          {locale === 'zh-CN' ? 'English' : '中文'}
        </button>
      </header>
      <nav className="menu" aria-label={t.menu[locale]}>
        <ul>
          {services.map((s) => (
            <li key={s.bundle}>
              <a href={`?service=${s.bundle}`} aria-current={here.page === 'service' && here.service === s ? 'page' : undefined}>
                {s.nav[locale]}
              </a>
            </li>
          ))}
          <li>
            <a href="?view=applications" aria-current={here.page === 'applications' ? 'page' : undefined}>
              {applicationsPage.nav[locale]}
            </a>
          </li>
        </ul>
      </nav>
      <main>
        {here.page === 'service' ? (
          <>
            <h1>{t.title[here.service.bundle][locale]}</h1>
            {done && (
              <p className="done" role="status">
                {done}
              </p>
            )}
            {here.service.bundle === 'newborn-birth' ? (
              <ServiceFormView<NewbornBirth> {...common} bundle="newborn-birth" onSubmitted={onNewborn} />
            ) : (
              <ServiceFormView<OpenRestaurant> {...common} bundle="open-restaurant" onSubmitted={onRestaurant} />
            )}
          </>
        ) : (
          <Applications locale={locale} application={here.application} invalid={here.invalid} token={token} />
        )}
      </main>
    </div>
  );
}

/** The applications submitted on this device, and the progress of the one chosen in the SDK's <ot-status>. */
function Applications({ locale, application, invalid, token }: { locale: Locale; application: string | null; invalid: boolean; token: string | undefined }) {
  const [list] = useState(() => listApplications(localStorage));
  const known = application !== null && list.some((entry) => entry.id === application);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const note = list.length === 0 ? applicationsPage.empty : invalid || (application && !known) ? applicationsPage.unknown : null;
  const tokenSource: TokenSource | undefined = token ? () => token : undefined;
  return (
    <>
      <h1>{applicationsPage.heading[locale]}</h1>
      <p>{applicationsPage.intro[locale]}</p>
      {note && (
        <p className="note" role="status">
          {note[locale]}
        </p>
      )}
      <ul className="applications">
        {list.map((entry) => (
          <li key={entry.id}>
            <a href={`?application=${encodeURIComponent(entry.id)}`} aria-current={entry.id === application ? 'page' : undefined}>
              {serviceById(entry.bundle)?.nav[locale]}
              <span className="meta">
                {applicationsPage.number[locale]} <code>{entry.id}</code> · {applicationsPage.submitted[locale]}{' '}
                <time dateTime={entry.submittedAt}>{format.format(new Date(entry.submittedAt))}</time>
              </span>
            </a>
          </li>
        ))}
      </ul>
      {known && <ot-status server={location.origin} application={application} locale={locale} token={tokenSource} />}
    </>
  );
}
