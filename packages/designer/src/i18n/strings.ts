import type { Locale, Text } from '@onething/engine';

/**
 * Every text the designer itself shows (definitions bring their own), in zh-CN and en.
 * `{name}` placeholders are filled by `t`.
 */
export const strings = {
  appTitle: { 'zh-CN': 'onething 设计器', en: 'onething designer' },
  appSubtitle: { 'zh-CN': '“高效办成一件事”组合设计', en: 'Compose “get one thing done” bundles' },
  language: { 'zh-CN': '语言', en: 'Language' },
  signIn: { 'zh-CN': '登录', en: 'Sign in' },
  signOut: { 'zh-CN': '退出', en: 'Sign out' },
  signInTitle: { 'zh-CN': '管理员登录', en: 'Administrator sign-in' },
  signInHint: {
    'zh-CN': '请粘贴管理员令牌（演示模式下 npm start 会在终端打印“admin 管理员”的令牌）。令牌只保存在本标签页中。',
    en: 'Paste an administrator token (in demo mode `npm start` prints the “admin 管理员” token). The token is kept in this tab only.',
  },
  token: { 'zh-CN': '访问令牌', en: 'Access token' },
  signInFailed: { 'zh-CN': '登录失败：{reason}', en: 'Sign-in failed: {reason}' },
  notAdmin: { 'zh-CN': '该令牌没有管理员权限', en: 'This token has no administrator role' },
  loading: { 'zh-CN': '正在加载…', en: 'Loading…' },
  loadFailed: { 'zh-CN': '加载失败：{reason}', en: 'Could not load: {reason}' },
  retry: { 'zh-CN': '重试', en: 'Retry' },
  // navigation
  navCatalog: { 'zh-CN': '事项目录', en: 'Catalog' },
  navComposer: { 'zh-CN': '组合设计', en: 'Composer' },
  navImport: { 'zh-CN': '导入', en: 'Import' },
  // catalog
  catalog: { 'zh-CN': '目录', en: 'Catalog' },
  search: { 'zh-CN': '搜索事项或组合', en: 'Search items and bundles' },
  department: { 'zh-CN': '部门', en: 'Department' },
  region: { 'zh-CN': '区划', en: 'Region' },
  all: { 'zh-CN': '全部', en: 'All' },
  items: { 'zh-CN': '事项', en: 'Items' },
  bundles: { 'zh-CN': '组合（一件事）', en: 'Bundles (one thing)' },
  noMatch: { 'zh-CN': '没有符合条件的定义', en: 'Nothing matches' },
  newBundle: { 'zh-CN': '新建组合', en: 'New bundle' },
  addToBundle: { 'zh-CN': '加入组合', en: 'Add to bundle' },
  addItemLabel: { 'zh-CN': '将“{title}”加入组合', en: 'Add “{title}” to the bundle' },
  inBundle: { 'zh-CN': '已加入', en: 'Added' },
  dragHint: { 'zh-CN': '拖动事项到组合中，或使用“加入组合”按钮', en: 'Drag items into the bundle, or use “Add to bundle”' },
  draft: { 'zh-CN': '草稿', en: 'draft' },
  published: { 'zh-CN': '已发布', en: 'published' },
  open: { 'zh-CN': '打开', en: 'Open' },
  // item view
  itemView: { 'zh-CN': '事项详情', en: 'Item' },
  fields: { 'zh-CN': '填报字段', en: 'Fields' },
  field: { 'zh-CN': '字段', en: 'Field' },
  type: { 'zh-CN': '类型', en: 'Type' },
  concept: { 'zh-CN': '共享概念', en: 'Concept' },
  requiredCol: { 'zh-CN': '必填', en: 'Required' },
  materials: { 'zh-CN': '申请材料', en: 'Materials' },
  eLicence: { 'zh-CN': '电子证照', en: 'E-licence' },
  limits: { 'zh-CN': '时限与跑动', en: 'Limits' },
  legalDays: { 'zh-CN': '法定时限', en: 'Legal limit' },
  promisedDays: { 'zh-CN': '承诺时限', en: 'Promised limit' },
  visits: { 'zh-CN': '跑动次数', en: 'Trips' },
  days: { 'zh-CN': '{n} 个工作日', en: '{n} working days' },
  calendarDays: { 'zh-CN': '{n} 个自然日', en: '{n} calendar days' },
  steps: { 'zh-CN': '办理环节', en: 'Steps' },
  flow: { 'zh-CN': '办理流程', en: 'Flow' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  close: { 'zh-CN': '关闭', en: 'Close' },
  version: { 'zh-CN': '版本', en: 'Version' },
  // composer
  composer: { 'zh-CN': '组合设计', en: 'Bundle composer' },
  noBundle: { 'zh-CN': '在目录中打开一个组合，或新建组合。', en: 'Open a bundle from the catalog, or create a new one.' },
  bundleId: { 'zh-CN': '组合标识', en: 'Bundle id' },
  titleZh: { 'zh-CN': '名称（中文）', en: 'Title (Chinese)' },
  titleEn: { 'zh-CN': '名称（英文）', en: 'Title (English)' },
  lead: { 'zh-CN': '牵头部门（综合窗口）', en: 'Lead department (comprehensive window)' },
  leadId: { 'zh-CN': '牵头部门标识', en: 'Lead department id' },
  bundleVisits: { 'zh-CN': '组合跑动次数', en: 'Trips for the bundle' },
  acceptDays: { 'zh-CN': '受理时限（工作日）', en: 'Days to accept (working days)' },
  descriptionZh: { 'zh-CN': '说明（中文）', en: 'Description (Chinese)' },
  descriptionEn: { 'zh-CN': '说明（英文）', en: 'Description (English)' },
  preReviewDays: { 'zh-CN': '预审时限（工作日）', en: 'Pre-review limit (working days)' },
  supplementDays: { 'zh-CN': '补正期限（天）', en: 'Days to supplement' },
  supplementRounds: { 'zh-CN': '补正次数上限', en: 'Supplement rounds at most' },
  basics: { 'zh-CN': '基本信息', en: 'Basics' },
  bundleItems: { 'zh-CN': '组合中的事项', en: 'Items in the bundle' },
  dropHere: { 'zh-CN': '将事项拖到这里', en: 'Drop items here' },
  emptyBundle: { 'zh-CN': '组合中还没有事项。从目录拖入事项，或点击事项旁的“加入组合”。', en: 'No items yet. Drag items from the catalog, or press “Add to bundle” next to an item.' },
  range: { 'zh-CN': '版本范围', en: 'Version range' },
  rangeHint: { 'zh-CN': '例如 ^1.0.0', en: 'e.g. ^1.0.0' },
  resolvesTo: { 'zh-CN': '当前解析为 {version}', en: 'resolves to {version}' },
  resolvesToNothing: { 'zh-CN': '没有匹配的已发布版本', en: 'no published version matches' },
  remove: { 'zh-CN': '移除', en: 'Remove' },
  removeItem: { 'zh-CN': '从组合中移除“{title}”', en: 'Remove “{title}” from the bundle' },
  moveUp: { 'zh-CN': '上移“{title}”', en: 'Move “{title}” up' },
  moveDown: { 'zh-CN': '下移“{title}”', en: 'Move “{title}” down' },
  added: { 'zh-CN': '已将“{title}”加入组合', en: 'Added “{title}” to the bundle' },
  removed: { 'zh-CN': '已移除“{title}”', en: 'Removed “{title}”' },
  // rule builder
  when: { 'zh-CN': '适用条件', en: 'Applies when' },
  always: { 'zh-CN': '始终办理', en: 'Always' },
  conditions: { 'zh-CN': '满足条件时', en: 'When conditions hold' },
  rawRule: { 'zh-CN': 'JSON Logic 规则', en: 'JSON Logic rule' },
  allOf: { 'zh-CN': '全部满足', en: 'all of' },
  anyOf: { 'zh-CN': '任一满足', en: 'any of' },
  question: { 'zh-CN': '问题', en: 'Question' },
  is: { 'zh-CN': '等于', en: 'is' },
  isNot: { 'zh-CN': '不等于', en: 'is not' },
  value: { 'zh-CN': '值', en: 'Value' },
  addCondition: { 'zh-CN': '添加条件', en: 'Add a condition' },
  removeCondition: { 'zh-CN': '删除条件 {n}', en: 'Remove condition {n}' },
  ruleInvalid: { 'zh-CN': '不是有效的 JSON：{reason}', en: 'Not valid JSON: {reason}' },
  noQuestions: { 'zh-CN': '先添加情形引导问题，才能按问题设置条件。', en: 'Add guidance questions to build conditions on them.' },
  // questions
  questions: { 'zh-CN': '情形引导问题', en: 'Guidance questions' },
  questionsHint: { 'zh-CN': '申请人先回答这些问题，答案决定哪些事项需要办理。', en: 'Applicants answer these first; the answers decide which items apply.' },
  questionKey: { 'zh-CN': '问题标识', en: 'Question key' },
  questionType: { 'zh-CN': '回答方式', en: 'Answer' },
  yesNo: { 'zh-CN': '是 / 否', en: 'Yes / no' },
  choice: { 'zh-CN': '单选', en: 'One of several' },
  options: { 'zh-CN': '选项（每行一个：值=中文=English）', en: 'Options (one per line: value=中文=English)' },
  addQuestion: { 'zh-CN': '添加问题', en: 'Add a question' },
  removeQuestion: { 'zh-CN': '删除问题“{key}”', en: 'Remove question “{key}”' },
  newQuestionZh: { 'zh-CN': '新问题', en: 'New question' },
  // live panel
  preview: { 'zh-CN': '表单预览', en: 'Form preview' },
  previewHint: { 'zh-CN': '申请人看到的合并表单。回答情形引导问题可切换事项。', en: 'The merged form applicants see. Answer the guidance questions to switch items on and off.' },
  diagnostics: { 'zh-CN': '检查结果', en: 'Diagnostics' },
  noProblems: { 'zh-CN': '没有发现问题', en: 'No problems found' },
  errorsCount: { 'zh-CN': '{n} 个错误', en: '{n} errors' },
  warningsCount: { 'zh-CN': '{n} 个警告', en: '{n} warnings' },
  error: { 'zh-CN': '错误', en: 'Error' },
  warning: { 'zh-CN': '警告', en: 'Warning' },
  relatedAt: { 'zh-CN': '相关位置', en: 'Related' },
  metrics: { 'zh-CN': '减环节、减材料、减时限、减跑动', en: 'The reductions' },
  metricsHint: { 'zh-CN': '分别办理各事项 → 作为“一件事”办理', en: 'Items done separately → done as one thing' },
  trips: { 'zh-CN': '跑动次数', en: 'Trips' },
  timeLimit: { 'zh-CN': '承诺时限（天）', en: 'Time limit (days)' },
  materialsCount: { 'zh-CN': '申请材料', en: 'Materials' },
  stepsCount: { 'zh-CN': '办理环节', en: 'Steps' },
  fieldsCount: { 'zh-CN': '填报字段', en: 'Form fields' },
  before: { 'zh-CN': '分别办理', en: 'separately' },
  after: { 'zh-CN': '一件事', en: 'bundled' },
  reduction: { 'zh-CN': '减少 {n}%', en: '−{n}%' },
  increase: { 'zh-CN': '增加 {n}%', en: '+{n}%' },
  diagram: { 'zh-CN': '流程图', en: 'Flow diagrams' },
  orchestration: { 'zh-CN': '组合编排（自动生成）', en: 'Orchestration (generated)' },
  itemChart: { 'zh-CN': '事项流程：{title}', en: 'Item flow: {title}' },
  diagramLabel: { 'zh-CN': '{title} 的状态图：{states} 个状态，{transitions} 个转换', en: 'State diagram of {title}: {states} states, {transitions} transitions' },
  limitDaysBadge: { 'zh-CN': '{n} 日', en: '{n} d' },
  parallelNote: { 'zh-CN': '各事项并联办理', en: 'items handled in parallel' },
  fitWidth: { 'zh-CN': '适应宽度', en: 'Fit to width' },
  anyState: { 'zh-CN': '任意状态', en: 'any state' },
  definitionJson: { 'zh-CN': '定义 JSON', en: 'Definition JSON' },
  // drafts, publish, history
  saveDraft: { 'zh-CN': '保存草稿', en: 'Save draft' },
  saved: { 'zh-CN': '草稿已保存（修订 {n}）', en: 'Draft saved (revision {n})' },
  saveFailed: { 'zh-CN': '保存失败：{reason}', en: 'Could not save: {reason}' },
  discardChanges: { 'zh-CN': '当前组合有未保存的修改，确定放弃吗？', en: 'The bundle has unsaved changes. Discard them?' },
  unsaved: { 'zh-CN': '有未保存的修改', en: 'Unsaved changes' },
  publish: { 'zh-CN': '发布版本', en: 'Publish a version' },
  publishTitle: { 'zh-CN': '发布 {id}', en: 'Publish {id}' },
  publishIntro: {
    'zh-CN': '发布后该版本不可再修改。版本号须符合语义化版本：删除字段或收窄类型等不兼容改动需要升级主版本号。',
    en: 'A published version never changes again. The number must follow semver: a removed field or a narrowed type needs a new major version.',
  },
  comparedWith: { 'zh-CN': '与已发布的 {version} 比较', en: 'Compared with published {version}' },
  firstVersion: { 'zh-CN': '这是第一个发布的版本。', en: 'This is the first published version.' },
  requiredBump: { 'zh-CN': '需要的升级：{level}', en: 'Bump needed: {level}' },
  major: { 'zh-CN': '主版本（不兼容）', en: 'major (breaking)' },
  minor: { 'zh-CN': '次版本（新增功能）', en: 'minor (additions)' },
  patch: { 'zh-CN': '修订版本（文字修改）', en: 'patch (texts)' },
  breakingChanges: { 'zh-CN': '不兼容的改动', en: 'Breaking changes' },
  otherChanges: { 'zh-CN': '其他改动', en: 'Other changes' },
  noChanges: { 'zh-CN': '与上一版本相比没有改动', en: 'No changes since the previous version' },
  suggested: { 'zh-CN': '建议版本号 {version}', en: 'Suggested version {version}' },
  useSuggested: { 'zh-CN': '使用建议版本', en: 'Use the suggestion' },
  newVersion: { 'zh-CN': '新版本号', en: 'New version' },
  versionTooLow: { 'zh-CN': '版本号 {version} 不足以涵盖这些改动，至少需要 {suggested}', en: 'Version {version} is too low for these changes; use at least {suggested}' },
  versionInvalid: { 'zh-CN': '不是有效的语义化版本号', en: 'Not a valid semantic version' },
  versionExists: { 'zh-CN': '版本 {version} 已发布', en: 'Version {version} is already published' },
  confirmPublish: { 'zh-CN': '发布 {version}', en: 'Publish {version}' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  publishedOk: { 'zh-CN': '已发布 {id} {version}', en: 'Published {id} {version}' },
  publishFailed: { 'zh-CN': '发布失败：{reason}', en: 'Could not publish: {reason}' },
  fixErrorsFirst: { 'zh-CN': '请先修正检查结果中的错误', en: 'Fix the errors in the diagnostics first' },
  history: { 'zh-CN': '版本历史', en: 'Version history' },
  noHistory: { 'zh-CN': '尚未保存或发布任何版本', en: 'Nothing saved or published yet' },
  publishedAtBy: { 'zh-CN': '{at} 由 {by} 发布', en: 'published {at} by {by}' },
  savedAtBy: { 'zh-CN': '{at} 由 {by} 保存', en: 'saved {at} by {by}' },
  readOnly: { 'zh-CN': '已发布的版本不可修改。', en: 'A published version cannot be changed.' },
  editAsNew: { 'zh-CN': '基于此版本编辑新版本', en: 'Edit as a new version' },
  // export / import
  exportBundle: { 'zh-CN': '导出', en: 'Export' },
  exportHint: { 'zh-CN': '组合及其事项、概念字典，打包为 zip（目录结构同 examples/definitions）', en: 'The bundle with its items and concept dictionaries, as a zip (laid out like examples/definitions)' },
  exported: { 'zh-CN': '已导出 {n} 个文件', en: 'Exported {n} files' },
  importTitle: { 'zh-CN': '导入定义文件', en: 'Import definition files' },
  importHint: {
    'zh-CN': '将 .json 定义文件或导出的 .zip 包拖到这里，或选择文件。导入前会先检查，有错误时不能导入。',
    en: 'Drop .json definition files or an exported .zip here, or choose files. They are checked first; files with errors cannot be imported.',
  },
  chooseFiles: { 'zh-CN': '选择文件', en: 'Choose files' },
  importFiles: { 'zh-CN': '待导入的文件', en: 'Files to import' },
  importAccept: { 'zh-CN': '发布 {n} 个定义', en: 'Publish {n} definitions' },
  importClear: { 'zh-CN': '清空', en: 'Clear' },
  importDone: { 'zh-CN': '已导入：{created} 个新发布，{unchanged} 个已存在', en: 'Imported: {created} published, {unchanged} already there' },
  importBlocked: { 'zh-CN': '存在错误，修正后才能导入', en: 'There are errors: fix them to import' },
  unreadable: { 'zh-CN': '无法读取：{reason}', en: 'Cannot be read: {reason}' },
  alreadyPublished: { 'zh-CN': '已发布（内容相同）', en: 'already published (same content)' },
  publishedDifferently: { 'zh-CN': '同一版本已以不同内容发布', en: 'this version is published with other content' },
  ok: { 'zh-CN': '通过', en: 'OK' },
  signature: { 'zh-CN': '签名', en: 'Signature' },
  unsigned: { 'zh-CN': '未签名', en: 'unsigned' },
} satisfies Record<string, Text>;

export type StringKey = keyof typeof strings;

/**
 * The designer's own text for a locale, with `{name}` placeholders filled.
 * @example t('en', 'days', { n: 5 }) // '5 working days'
 */
export function t(locale: Locale, key: StringKey, params: Record<string, string | number> = {}): string {
  const template = strings[key][locale] ?? strings[key]['zh-CN'];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A definition's localised text, falling back to the other locale when one is empty.
 * @example tx({ 'zh-CN': '出生', en: 'Birth' }, 'en') // 'Birth'
 */
export function tx(text: Partial<Text> | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text['zh-CN'] || text.en || '';
}

/**
 * A number of days in words, singular or plural.
 * @example days('en', 1) // '1 working day'
 */
export function days(locale: Locale, n: number, calendar = false): string {
  if (locale === 'en' && n === 1) return calendar ? '1 calendar day' : '1 working day';
  return t(locale, calendar ? 'calendarDays' : 'days', { n });
}
