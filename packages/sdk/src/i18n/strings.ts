import type { Locale } from '@onething/engine/runtime';

/** A text in every locale. */
export type Text = Record<Locale, string>;

/**
 * Every text the SDK itself shows (the form's own texts come from `<ot-form>`, the service's
 * from its definition), in zh-CN and en.
 */
export const strings = {
  loading: { 'zh-CN': '正在加载办事表单…', en: 'Loading the application form…' },
  loadFailed: {
    'zh-CN': '无法加载办事表单，请检查网络后重试。',
    en: 'The application form could not be loaded. Check your connection and try again.',
  },
  retry: { 'zh-CN': '重试', en: 'Try again' },
  saving: { 'zh-CN': '正在保存…', en: 'Saving…' },
  saved: { 'zh-CN': '已自动保存草稿', en: 'Draft saved' },
  savedAt: { 'zh-CN': '草稿已于 {time} 自动保存', en: 'Draft saved at {time}' },
  offline: {
    'zh-CN': '网络连接已断开。您填写的内容已保存在本设备上，恢复联网后会自动同步，请不要清除浏览器数据。',
    en: 'You are offline. Everything you entered is kept on this device and will be saved to the service when the connection is back. Do not clear your browser data.',
  },
  offlineNoStorage: {
    'zh-CN': '网络连接已断开，且本浏览器不允许在本设备保存内容。请不要关闭或刷新本页面，恢复联网后会自动保存。',
    en: 'You are offline and this browser does not let us keep a copy on this device. Keep this page open; it will be saved when the connection is back.',
  },
  resumed: { 'zh-CN': '已恢复您上次未完成的填写。', en: 'We restored the application you started earlier.' },
  startOver: { 'zh-CN': '清空并重新填写', en: 'Clear and start again' },
  startOverConfirm: {
    'zh-CN': '确定清空已填写的内容并重新开始吗？此操作不能撤销。',
    en: 'Clear everything you entered and start again? This cannot be undone.',
  },
  submitting: { 'zh-CN': '正在提交…', en: 'Submitting…' },
  submitOffline: {
    'zh-CN': '提交失败：无法连接到服务。您填写的内容都已保留，请检查网络后再次提交。',
    en: 'Your application was not sent: the service cannot be reached. Everything you entered is kept; check your connection and submit again.',
  },
  submitFailed: {
    'zh-CN': '提交失败：{message}。您填写的内容都已保留。',
    en: 'Your application was not sent: {message}. Everything you entered is kept.',
  },
  serverInvalid: {
    'zh-CN': '服务端检查发现以下问题，请修改后再提交：',
    en: 'The service found these problems; fix them and submit again:',
  },
  sessionExpired: {
    'zh-CN': '登录已失效，内容已保存在本设备上。请重新登录后继续。',
    en: 'Your sign-in has expired. Your answers are kept on this device; sign in again to continue.',
  },
  submitted: { 'zh-CN': '申请已提交', en: 'Application submitted' },
  submittedBody: {
    'zh-CN': '我们已收到您的申请，办理进度会显示在下方。申请编号：',
    en: 'We have your application; its progress is shown below. Application number:',
  },
  prefilledFromToken: {
    'zh-CN': '已根据您的登录账号预填，请核对，可修改。',
    en: 'Filled in from your account. Check it; you can change it.',
  },
  prefilledFromHistory: {
    'zh-CN': '已根据您此前的申请预填，请核对，可修改。',
    en: 'Filled in from your earlier application. Check it; you can change it.',
  },
  prefilledSummary: {
    'zh-CN': '我们已为您预填 {count} 项内容（已标注），请核对。',
    en: 'We filled in {count} answers for you (marked). Please check them.',
  },
  // <ot-status>
  statusTitle: { 'zh-CN': '办理进度', en: 'Progress of your application' },
  statusLoading: { 'zh-CN': '正在加载办理进度…', en: 'Loading the progress…' },
  statusFailed: { 'zh-CN': '无法加载办理进度：{message}', en: 'The progress could not be loaded: {message}' },
  applicationNumber: { 'zh-CN': '申请编号', en: 'Application number' },
  currentState: { 'zh-CN': '当前状态', en: 'Status' },
  service: { 'zh-CN': '办理事项', en: 'Service' },
  timeline: { 'zh-CN': '办理记录', en: 'History' },
  items: { 'zh-CN': '各事项办理结果', en: 'Decision per service' },
  deadlines: { 'zh-CN': '办理时限', en: 'Time limits' },
  dueBy: { 'zh-CN': '{what}：{date}（含当日）前', en: '{what}: by the end of {date}' },
  supplementTitle: { 'zh-CN': '需要您补正', en: 'Corrections needed' },
  supplementIntro: {
    'zh-CN': '工作人员请您补正以下内容（一次性告知）。只需修改标出的内容，其余内容无需重新填写。',
    en: 'The reviewer asks you to correct the following (everything at once). Change only what is marked; nothing else needs to be entered again.',
  },
  supplementReason: { 'zh-CN': '原因', en: 'Reason' },
  supplementFields: { 'zh-CN': '需修改的内容', en: 'What to change' },
  supplementMaterials: { 'zh-CN': '需重新提供的材料', en: 'Documents to provide again' },
  supplementDue: { 'zh-CN': '请在 {date}（含当日）前补正，逾期视为撤回申请。', en: 'Please answer by the end of {date}; after that the application counts as withdrawn.' },
  supplementSent: { 'zh-CN': '补正内容已提交，等待工作人员审核。', en: 'Your corrections were sent; the reviewer will look at them.' },
  supplementAnswered: { 'zh-CN': '已于 {date} 补正', en: 'Corrected on {date}' },
  reload: { 'zh-CN': '刷新', en: 'Refresh' },
  by: { 'zh-CN': '办理人', en: 'By' },
  // <ot-rating>
  ratingTitle: { 'zh-CN': '评价本次服务（好差评）', en: 'Rate this service' },
  ratingIntro: { 'zh-CN': '您的评价会帮助我们改进服务。', en: 'Your rating helps us improve the service.' },
  ratingStars: { 'zh-CN': '满意程度', en: 'How satisfied are you?' },
  ratingStar: { 'zh-CN': '{n} 星', en: '{n} star' },
  ratingStarsN: { 'zh-CN': '{n} 星', en: '{n} stars' },
  ratingComment: { 'zh-CN': '意见和建议', en: 'Comments' },
  ratingSubmit: { 'zh-CN': '提交评价', en: 'Send rating' },
  ratingChoose: { 'zh-CN': '请选择 1 到 5 星', en: 'Choose from 1 to 5 stars' },
  ratingThanks: { 'zh-CN': '感谢您的评价！', en: 'Thank you for your rating!' },
  ratingGiven: { 'zh-CN': '您的评价：{n} 星', en: 'Your rating: {n} of 5' },
  ratingNotYet: { 'zh-CN': '办结后即可评价。', en: 'You can rate the service once it is completed.' },
  ratingFailed: { 'zh-CN': '评价未能提交：{message}', en: 'The rating was not sent: {message}' },
  networkError: { 'zh-CN': '无法连接到服务，请检查网络', en: 'the service cannot be reached; check your connection' },
  /** After a label, separator included (a full-width bracket needs no space before it). */
  optional: { 'zh-CN': '（选填）', en: ' (optional)' },
} satisfies Record<string, Text>;

/**
 * Fills `{name}` placeholders.
 * @example format(strings.savedAt, 'en', { time: '10:42' }) // 'Draft saved at 10:42'
 */
export function format(text: Text, locale: Locale, values: Record<string, string | number>): string {
  return text[locale].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}
