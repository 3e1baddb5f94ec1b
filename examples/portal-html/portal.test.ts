import { describe, expect, it } from 'vitest';
import { type Route, APPLICATIONS_KEY, MAX_APPLICATIONS, applicationsPage, initialLocale, listApplications, rememberApplication, route, saveLocale, services } from './services.js';

/** A Storage-like map, optionally refusing writes (a full storage, private mode). */
function memoryStorage(initial: Record<string, string> = {}, { refuseWrites = false } = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (refuseWrites) throw new DOMException('quota', 'QuotaExceededError');
      map.set(key, value);
    },
  };
}

const at = '2026-11-27T22:20:00.000Z';
const id = '01a21f18-156c-7d91-9f3d-8c1f0c196269';

describe('the example portal’s pages', () => {
  it('opens the first service by default, each service by its bundle id, and the default for anything else', () => {
    const bundle = (r: Route) => (r.page === 'service' ? r.service.bundle : r.page);
    expect(services.map((s) => s.bundle)).toEqual(['newborn-birth', 'open-restaurant']);
    expect(bundle(route(''))).toBe('newborn-birth');
    expect(bundle(route('?service=open-restaurant'))).toBe('open-restaurant');
    expect(bundle(route('?service=<img src=x onerror=alert(1)>'))).toBe('newborn-birth');
    expect(bundle(route('?service=' + 'x'.repeat(100_000)))).toBe('newborn-birth');
  });

  it('shows the applications list, one application by its number, and refuses a number that is not one', () => {
    expect(route('?view=applications')).toEqual({ page: 'applications', application: null, invalid: false });
    expect(route(`?application=${id}`)).toEqual({ page: 'applications', application: id, invalid: false });
    expect(route('?application=<img src=x onerror=alert(1)>')).toEqual({ page: 'applications', application: null, invalid: true });
    expect(route('?application=')).toEqual({ page: 'applications', application: null, invalid: true });
    expect(route(`?application=${'a'.repeat(65)}`)).toMatchObject({ application: null, invalid: true });
  });

  it('has every text of every page in Chinese and English', () => {
    const texts = [...services.flatMap((s) => Object.entries(s)), ...Object.entries(applicationsPage)].filter(([, v]) => typeof v === 'object');
    expect(texts.length).toBe(2 * 5 + 9);
    for (const [key, text] of texts as Array<[string, Record<string, string>]>) {
      expect(Object.keys(text).sort(), key).toEqual(['en', 'zh-CN']);
      expect(text['zh-CN'], key).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en, key).toMatch(/^[^\u4e00-\u9fff]+$/);
    }
  });
});

describe('the applications submitted on this device', () => {
  it('lists a submitted application first, once, however often it is remembered', () => {
    // Given two applications were submitted
    const storage = memoryStorage();
    rememberApplication(storage, { id: 'first', bundle: 'open-restaurant', submittedAt: at });
    rememberApplication(storage, { id, bundle: 'newborn-birth', submittedAt: at });
    // When the first is remembered again (an event fired twice)
    rememberApplication(storage, { id: 'first', bundle: 'open-restaurant', submittedAt: at });
    // Then the list has each once, the newest remembered first
    expect(listApplications(storage).map((e) => e.id)).toEqual(['first', id]);
  });

  it(`keeps the newest ${MAX_APPLICATIONS}`, () => {
    const storage = memoryStorage();
    for (let i = 0; i < MAX_APPLICATIONS + 5; i++) rememberApplication(storage, { id: `a${i}`, bundle: 'newborn-birth', submittedAt: at });
    const list = listApplications(storage);
    expect(list).toHaveLength(MAX_APPLICATIONS);
    expect(list[0]?.id).toBe(`a${MAX_APPLICATIONS + 4}`);
  });

  it('reads whatever else is in the storage as nothing, and skips entries it cannot show', () => {
    expect(listApplications(memoryStorage({ [APPLICATIONS_KEY]: '{not json' }))).toEqual([]);
    expect(listApplications(memoryStorage({ [APPLICATIONS_KEY]: '{"id":"x"}' }))).toEqual([]);
    const mixed = JSON.stringify([
      null,
      'text',
      { id: '<img src=x onerror=alert(1)>', bundle: 'newborn-birth', submittedAt: at },
      { id: 'ok', bundle: 'unknown-bundle', submittedAt: at },
      { id: 'ok', bundle: 'newborn-birth', submittedAt: 'yesterday' },
      { id: 'ok', bundle: 'newborn-birth', submittedAt: at },
    ]);
    expect(listApplications(memoryStorage({ [APPLICATIONS_KEY]: mixed }))).toEqual([{ id: 'ok', bundle: 'newborn-birth', submittedAt: at }]);
  });

  it('refuses an entry it could not show, and leaves the list as it was when the storage refuses the write', () => {
    const storage = memoryStorage();
    expect(rememberApplication(storage, { id: 'a b', bundle: 'newborn-birth', submittedAt: at })).toEqual([]);
    const full = memoryStorage({ [APPLICATIONS_KEY]: JSON.stringify([{ id, bundle: 'newborn-birth', submittedAt: at }]) }, { refuseWrites: true });
    expect(rememberApplication(full, { id: 'new', bundle: 'newborn-birth', submittedAt: at })).toEqual([{ id, bundle: 'newborn-birth', submittedAt: at }]);
  });
});

describe('the language', () => {
  it('opens in the language chosen before, else Chinese, and never fails on a storage that refuses', () => {
    const storage = memoryStorage();
    expect(initialLocale(storage)).toBe('zh-CN');
    saveLocale(storage, 'en');
    expect(initialLocale(storage)).toBe('en');
    saveLocale(storage, 'fr');
    expect(initialLocale(storage)).toBe('zh-CN');
    expect(() => saveLocale(memoryStorage({}, { refuseWrites: true }), 'en')).not.toThrow();
    expect(initialLocale({ getItem: () => { throw new DOMException('denied', 'SecurityError'); }, setItem: () => {} })).toBe('zh-CN');
  });
});
