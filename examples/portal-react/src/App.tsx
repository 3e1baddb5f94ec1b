import { useState } from 'react';
import type { SaveStatus, SubmittedResult } from '@onething/sdk';
import type { NewbornBirth } from './onething-types/newborn-birth.js';
import { ServiceFormView } from './ServiceForm.js';

type Locale = 'zh-CN' | 'en';

const t = {
  brand: { 'zh-CN': '鄂州市华容区 · 掌上办', en: 'Huarong District · Services on the go' },
  title: { 'zh-CN': '新生儿出生“一件事”', en: 'Newborn birth — one application' },
  saved: { 'zh-CN': '已保存', en: 'Saved' },
  offline: { 'zh-CN': '离线 · 已存本机', en: 'Offline · kept on this device' },
  thanks: { 'zh-CN': '已提交：{child} 的出生“一件事”', en: 'Submitted: newborn birth of {child}' },
};

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
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [token] = useState(initialToken);
  const [save, setSave] = useState<SaveStatus['state']>('idle');
  const [done, setDone] = useState<SubmittedResult<NewbornBirth> | null>(null);

  // onSubmitted is typed by the generated NewbornBirth: `submission.data.child?.name` is a string,
  // `submission.answers.settleInHubei` a boolean — a typo is a compile error.
  const onSubmitted = (result: SubmittedResult<NewbornBirth>) => {
    setDone(result);
    const settles: boolean = result.submission.answers.settleInHubei;
    console.info('submitted', result.application.id, { settles });
  };

  return (
    <div className="app" lang={locale}>
      <header className="bar">
        <strong>{t.brand[locale]}</strong>
        <span className="save" role="status" aria-live="polite">
          {save === 'saved' ? t.saved[locale] : save === 'offline' ? t.offline[locale] : ''}
        </span>
        <button type="button" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
          {locale === 'zh-CN' ? 'English' : '中文'}
        </button>
      </header>
      <main>
        <h1>{t.title[locale]}</h1>
        {done && (
          <p className="done" role="status">
            {t.thanks[locale].replace('{child}', done.submission.data.child?.name ?? '—')}
          </p>
        )}
        <ServiceFormView<NewbornBirth>
          server={location.origin}
          bundle="newborn-birth"
          locale={locale}
          {...(token ? { token } : {})}
          theme={{ '--ot-color-primary': '#0b57d0', '--ot-color-primary-dark': '#0842a0', '--ot-radius': '8px' }}
          onSave={(s) => setSave(s.state)}
          onSubmitted={onSubmitted}
        />
      </main>
    </div>
  );
}
