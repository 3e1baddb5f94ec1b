// What the example portal offers and what it remembers — plain functions with no DOM, so the page
// script stays small and a unit test can check them (portal.test.ts).

/**
 * The services on this portal: the bundle each page embeds and the page's own texts in both
 * languages. The first is the default page.
 * @example serviceById('open-restaurant').bundle // 'open-restaurant'
 */
export const services = [
  {
    bundle: 'newborn-birth',
    nav: { 'zh-CN': '新生儿出生', en: 'Newborn birth' },
    crumbs: { 'zh-CN': '首页 › 个人办事 › 出生 › 新生儿出生“一件事”', en: 'Home › Personal services › Birth › Newborn birth' },
    heading: { 'zh-CN': '新生儿出生“一件事”联办', en: 'Newborn birth: everything in one application' },
    intro: {
      'zh-CN': '出生医学证明、预防接种证、户口登记、医保参保和社会保障卡，一次填写、一次提交，各部门并联办理。填写内容会自动保存，断网也不会丢失。',
      en: 'Birth certificate, vaccination certificate, household registration, medical insurance and social security card: fill in once, submit once, and the departments handle it in parallel. What you enter is saved as you go, even without a connection.',
    },
    documentTitle: { 'zh-CN': '新生儿出生“一件事” · 鄂州市华容区政务服务网', en: 'Newborn birth · Huarong District Government Services' },
  },
  {
    bundle: 'open-restaurant',
    nav: { 'zh-CN': '开办餐饮店', en: 'Opening a restaurant' },
    crumbs: { 'zh-CN': '首页 › 法人办事 › 开办企业 › 开办餐饮店“一件事”', en: 'Home › Business services › Starting a business › Opening a restaurant' },
    heading: { 'zh-CN': '开办餐饮店“一件事”联办', en: 'Opening a restaurant: everything in one application' },
    intro: {
      'zh-CN': '营业执照、食品经营许可、户外招牌设置和消防安全检查，一次填写、一次提交，各部门并联办理。填写内容会自动保存，断网也不会丢失。',
      en: 'Business licence, food business licence, outdoor signboard and fire-safety inspection: fill in once, submit once, and the departments handle it in parallel. What you enter is saved as you go, even without a connection.',
    },
    documentTitle: { 'zh-CN': '开办餐饮店“一件事” · 鄂州市华容区政务服务网', en: 'Opening a restaurant · Huarong District Government Services' },
  },
];

/** The texts of the "my applications" page. */
export const applicationsPage = {
  nav: { 'zh-CN': '我的办件', en: 'My applications' },
  crumbs: { 'zh-CN': '首页 › 我的办件', en: 'Home › My applications' },
  heading: { 'zh-CN': '我的办件', en: 'My applications' },
  intro: {
    'zh-CN': '在本设备上提交的申请。选择一件查看办理进度、补正材料或评价。',
    en: 'Applications submitted on this device. Choose one to see its progress, answer a request for corrections or rate the service.',
  },
  empty: { 'zh-CN': '本设备上还没有提交过申请。', en: 'No application has been submitted on this device yet.' },
  unknown: {
    'zh-CN': '本设备上没有这件申请的记录。请从下面的列表中选择。',
    en: 'This device has no record of that application. Please choose one from the list below.',
  },
  submitted: { 'zh-CN': '提交于', en: 'Submitted' },
  number: { 'zh-CN': '申请编号', en: 'Application number' },
  documentTitle: { 'zh-CN': '我的办件 · 鄂州市华容区政务服务网', en: 'My applications · Huarong District Government Services' },
};

/**
 * The service of a bundle id, or undefined for anything this portal does not offer.
 * @example serviceById('newborn-birth')?.nav.en // 'Newborn birth'
 */
export function serviceById(bundle) {
  return services.find((service) => service.bundle === bundle);
}

/**
 * What the address asks for: `?service=<bundle>` (default: the first service), `?view=applications`
 * (the list) or `?application=<id>` (one application's progress). Unknown or malformed values fall
 * back to the default service rather than reaching the page.
 * @example route('?service=open-restaurant') // { page: 'service', service: services[1] }
 */
export function route(search) {
  const params = new URLSearchParams(search);
  const application = params.get('application');
  if (application !== null) return { page: 'applications', application: isApplicationId(application) ? application : null, invalid: !isApplicationId(application) };
  if (params.get('view') === 'applications') return { page: 'applications', application: null, invalid: false };
  return { page: 'service', service: serviceById(params.get('service') ?? '') ?? services[0] };
}

/**
 * Whether a string looks like an application number (what the server issues: letters, digits
 * and dashes, at most 64 characters).
 * @example isApplicationId('01a21f18-156c-7d91-9f3d-8c1f0c196269') // true
 */
export function isApplicationId(value) {
  return typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value);
}

/** The storage key of the list of submitted applications (the portal's own, not the SDK's). */
export const APPLICATIONS_KEY = 'portal:applications';
/** How many applications the list keeps (the newest). */
export const MAX_APPLICATIONS = 50;

/**
 * The applications submitted on this device, newest first. Anything unreadable in the storage
 * (another script's value, a cut-off write) reads as an empty list or is skipped, never thrown.
 * @example listApplications(localStorage) // [{ id: '01…', bundle: 'newborn-birth', submittedAt: '2026-…' }]
 */
export function listApplications(storage) {
  let raw;
  try {
    raw = JSON.parse(storage.getItem(APPLICATIONS_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (entry) =>
      entry !== null &&
      typeof entry === 'object' &&
      isApplicationId(entry.id) &&
      serviceById(entry.bundle) !== undefined &&
      typeof entry.submittedAt === 'string' &&
      !Number.isNaN(Date.parse(entry.submittedAt)),
  );
}

/**
 * Adds a submitted application to the front of the list (once: submitting again with the same
 * number moves nothing), keeping the newest {@link MAX_APPLICATIONS}. A storage that refuses the
 * write (full, private mode) leaves the list as it was.
 * @example rememberApplication(localStorage, { id, bundle: 'newborn-birth', submittedAt: new Date().toISOString() })
 */
export function rememberApplication(storage, entry) {
  if (!isApplicationId(entry.id) || !serviceById(entry.bundle)) return listApplications(storage);
  const list = listApplications(storage).filter((known) => known.id !== entry.id);
  const next = [{ id: entry.id, bundle: entry.bundle, submittedAt: entry.submittedAt }, ...list].slice(0, MAX_APPLICATIONS);
  try {
    storage.setItem(APPLICATIONS_KEY, JSON.stringify(next));
  } catch {
    return list;
  }
  return next;
}

/**
 * The language to start in: the one chosen before on this device, else Chinese.
 * @example initialLocale(localStorage) // 'zh-CN'
 */
export function initialLocale(storage) {
  try {
    return storage.getItem('portal:locale') === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * Remembers the chosen language so the next page (another service, a reload) opens in it.
 * @example saveLocale(localStorage, 'en')
 */
export function saveLocale(storage, locale) {
  try {
    storage.setItem('portal:locale', locale === 'en' ? 'en' : 'zh-CN');
  } catch {
    // private mode or a full storage: the language just resets on the next page
  }
}
