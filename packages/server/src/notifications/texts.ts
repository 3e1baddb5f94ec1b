import { notificationTemplates, text, type Json, type Locale, type Notifications, type Text } from '@onething/engine';

/** A notification's texts: a title and a body, each in every locale, with `{param}` placeholders. */
export interface NotificationText {
  title: Text;
  body: Text;
}

/**
 * The server's texts for the template names item charts use across regions. A definition's
 * own `notifications` win over these; the engine's `onething.*` templates (the generated
 * orchestration's) are the engine's. `{item}` is the item's title, `{bundle}` the bundle's.
 */
export const defaultNotificationTexts: Readonly<Record<string, NotificationText>> = {
  'item-approved': {
    title: text('事项已办结', 'Item approved'),
    body: text('“{item}”已办结，准予办理。', '"{item}" was approved.'),
  },
  'item-rejected': {
    title: text('事项不予办理', 'Item rejected'),
    body: text('“{item}”不予办理。{reason}', '"{item}" was rejected. {reason}'),
  },
  'supplement-expired': {
    title: text('补正逾期', 'Supplement period expired'),
    body: text('“{item}”未在期限内补正，视为撤回。', '"{item}" was not supplemented in time and is deemed withdrawn.'),
  },
  'inspection-scheduled': {
    title: text('已安排现场核查', 'Inspection scheduled'),
    body: text('“{item}”材料合格，工作人员将与您联系安排现场核查。', 'The documents for "{item}" are in order; staff will contact you to schedule the on-site inspection.'),
  },
  'rectification-required': {
    title: text('需要整改', 'Rectification required'),
    body: text('“{item}”现场核查发现问题，请按要求整改后申请复查。', 'The inspection for "{item}" found problems; please rectify them and ask for a re-inspection.'),
  },
};

/** When no one has a text for a template: say that something changed, and where. */
const FALLBACK: NotificationText = {
  title: text('办理进度更新', 'Application update'),
  body: text('您的“{bundle}”申请有新的进展（{template}）。', 'Your application for "{bundle}" has an update ({template}).'),
};

/**
 * The text of a template: the first of the definitions' own `notifications` (the item's, then
 * the bundle's), the server's defaults, the engine's `onething.*` templates, a generic text.
 * @example notificationText('item-approved', [item.notifications, bundle.notifications])
 */
export function notificationText(template: string, own: ReadonlyArray<Notifications | undefined>): NotificationText {
  for (const texts of own) {
    const found = texts && Object.hasOwn(texts, template) ? texts[template] : undefined;
    if (found) return found;
  }
  if (Object.hasOwn(defaultNotificationTexts, template)) return defaultNotificationTexts[template]!;
  if (Object.hasOwn(notificationTemplates, template)) return notificationTemplates[template]!;
  return FALLBACK;
}

/** Words for parameter values the engine sends as codes. */
const VALUE_WORDS: Readonly<Record<string, Text>> = {
  completed: text('办结', 'completed'),
  partlyCompleted: text('部分办结', 'partly completed'),
  rejected: text('不予办理', 'rejected'),
  approved: text('准予', 'approved'),
  withdrawn: text('撤回', 'withdrawn'),
};

function word(value: Json | Text, locale: Locale): string {
  if (value === null) return '';
  if (typeof value === 'string') return Object.hasOwn(VALUE_WORDS, value) ? VALUE_WORDS[value]![locale] : value;
  if (Array.isArray(value)) return value.map((v) => word(v, locale)).join(locale === 'en' ? ', ' : '、');
  if (typeof value === 'object') return Object.hasOwn(value, locale) && typeof (value as Text)[locale] === 'string' ? (value as Text)[locale] : JSON.stringify(value);
  return String(value);
}

/**
 * Fills `{name}` placeholders from `params` (a Text param picks its locale, a list is joined,
 * engine codes such as `completed` become words); an unknown placeholder becomes empty.
 * @example fill(text('第 {round} 次补正', 'Round {round}'), { round: 2 }) // { 'zh-CN': '第 2 次补正', en: 'Round 2' }
 */
export function fill(template: Text, params: Readonly<Record<string, Json | Text>>): Text {
  const one = (locale: Locale) =>
    template[locale].replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (_, name: string) => (Object.hasOwn(params, name) ? word(params[name]!, locale) : '')).trim();
  return { 'zh-CN': one('zh-CN'), en: one('en') };
}
