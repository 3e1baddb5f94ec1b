import type { Json } from '../json.js';
import { text, type Text } from '../text.js';
import type { Refusal, RefusalCode, StepRefusal } from './types.js';

type Details = { [key: string]: Json };
const list = (v: Json | undefined) => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));

/** The message of every refusal code, built from its details. Stable codes; see docs/flows.md. */
export const refusalMessages: { readonly [C in RefusalCode]: (d: Details) => Text } = {
  'event-not-accepted': (d) =>
    d.reason === 'guard'
      ? text(`当前条件下不能执行“${d.event}”`, `"${d.event}" is not allowed under the current conditions`)
      : text(`办件当前状态不能接受“${d.event}”`, `The application cannot take "${d.event}" in its current state`),
  'role-forbidden': (d) => text(`您的角色无权执行“${d.event}”`, `Your role may not send "${d.event}"`),
  'version-mismatch': (d) =>
    text(
      `办件属于版本 ${d.snapshot}，当前流程版本为 ${d.flow}，且未声明迁移`,
      `The application belongs to version ${d.snapshot}; the flow is version ${d.flow} and declares no migration from it`,
    ),
  'migration-failed': (d) =>
    text(`办件无法迁移到版本 ${d.flow}：状态在新版本中不存在`, `The application cannot be migrated to version ${d.flow}: its state does not exist there`),
  'invalid-event': (d) => text(`事件无效：${d.problem}`, `Invalid event: ${d.problem}`),
  'invalid-actor': () => text('操作人无效：需要 id 和角色（applicant、clerk、reviewer、admin、system）', 'Invalid actor: an id and a role (applicant, clerk, reviewer, admin, system) are required'),
  'invalid-snapshot': (d) => text(`办件快照无效：${d.problem}`, `Invalid application snapshot: ${d.problem}`),
  'invalid-time': () => text('时间无效：需要 ISO 8601 日期时间', 'Invalid time: an ISO 8601 date-time is required'),
  'application-done': () => text('办件已办结，不再接受事件', 'The application is finished and takes no more events'),
  'unknown-item': (d) => text(`本事项组合中没有事项“${d.item}”`, `The bundle has no item "${d.item}"`),
  'no-active-item': () => text('按情形引导的回答，没有任何适用的事项', 'No item applies for the guidance answers'),
  'field-not-editable': (d) =>
    text(`补正只能修改被指出的字段，以下字段不可修改：${list(d.fields)}`, `A supplement may change only the flagged fields; these may not change: ${list(d.fields)}`),
  'material-not-editable': (d) =>
    text(`补正只能更换被指出的材料，以下材料不可更换：${list(d.materials)}`, `A supplement may replace only the flagged materials; these may not change: ${list(d.materials)}`),
  'no-open-supplement': () => text('没有待答复的补正要求', 'There is no open supplement request'),
  'supplement-pending': () => text('上一次补正要求尚未答复', 'The previous supplement request is still open'),
  'supplement-rounds-exhausted': (d) =>
    text(`补正已达 ${d.max} 次上限，请一次性告知全部问题`, `The limit of ${d.max} supplement rounds is reached; name every problem at once`),
  'deadline-not-active': (d) => text(`期限“${d.deadline}”已不存在或已变更`, `Deadline "${d.deadline}" is no longer active or has changed`),
  'deadline-not-due': (d) => text(`期限“${d.deadline}”尚未到期（${d.due}）`, `Deadline "${d.deadline}" is not due yet (${d.due})`),
  'flow-error': (d) => text(`流程执行出错：${d.problem}`, `The flow failed: ${d.problem}`),
};

/**
 * The HTTP status an API answers each refusal code with (the table in docs/flows.md lists
 * them; a server test keeps the two in step). `500`: only a server bug can cause it; `null`:
 * only the deadline scheduler meets it, never a request. Plain data: the engine does no HTTP.
 * @example refusalStatus['role-forbidden'] // 403
 */
export const refusalStatus: { readonly [C in RefusalCode]: 400 | 403 | 409 | 422 | 500 | null } = {
  'event-not-accepted': 409,
  'role-forbidden': 403,
  'application-done': 409,
  'version-mismatch': 409,
  'migration-failed': 409,
  'invalid-event': 400,
  'unknown-item': 400,
  'no-active-item': 422,
  'field-not-editable': 422,
  'material-not-editable': 422,
  'no-open-supplement': 409,
  'supplement-pending': 409,
  'supplement-rounds-exhausted': 409,
  'deadline-not-active': null,
  'deadline-not-due': null,
  'invalid-actor': 500,
  'invalid-time': 500,
  'invalid-snapshot': 500,
  'flow-error': 500,
};

/**
 * A refusal as data.
 * @example refusal('role-forbidden', { event: 'ACCEPT' }).message.en // 'Your role may not send "ACCEPT"'
 */
export function refusal(code: RefusalCode, details: Details = {}): Refusal {
  const r: Refusal = { code, message: refusalMessages[code](details) };
  if (Object.keys(details).length > 0) r.details = details;
  return r;
}

/** `{ refused: refusal(code, details) }`. */
export function refuse(code: RefusalCode, details: Details = {}): StepRefusal {
  return { refused: refusal(code, details) };
}

/**
 * Tells a refusal from a step result.
 * @example const r = step(flow, snap, event, actor, now); if (isRefusal(r)) reply(409, r.refused)
 */
export function isRefusal(result: object): result is StepRefusal {
  return 'refused' in result;
}
