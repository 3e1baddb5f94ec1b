import type { ComposedBundle } from '@onething/engine/runtime';
import type { Text } from '../i18n/strings.js';

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

/** Application states (the server's `state` summary) as people say them. */
export const stateLabels: Record<string, Text> = {
  draft: t('草稿', 'Draft'),
  submitted: t('已提交，等待受理', 'Submitted, waiting for the service centre'),
  preReview: t('窗口预审中', 'Being checked at the service centre'),
  reception: t('等待受理', 'Waiting for the service centre'),
  supplement: t('待补正', 'Waiting for your corrections'),
  accepted: t('已受理', 'Accepted'),
  processing: t('各部门并联办理中', 'Being handled by the departments'),
  decided: t('汇总办理结果', 'Collecting the decisions'),
  completed: t('已办结', 'Completed'),
  partlyCompleted: t('部分办结', 'Partly completed'),
  rejected: t('不予办理', 'Refused'),
  withdrawn: t('已撤回', 'Withdrawn'),
};

/** Timeline events (the flow's event names) as people say them; others show their name. */
export const eventLabels: Record<string, Text> = {
  START: t('开始填写', 'Started'),
  SUBMIT: t('提交申请', 'Submitted'),
  CLAIM: t('窗口开始预审', 'The service centre started checking'),
  ACCEPT: t('受理', 'Accepted'),
  REQUEST_SUPPLEMENT: t('要求补正', 'Corrections requested'),
  SUPPLEMENT: t('提交补正', 'Corrections sent'),
  SUPPLEMENT_EXPIRED: t('补正逾期，视为撤回', 'No corrections in time: withdrawn'),
  REJECT: t('不予受理', 'Refused'),
  WITHDRAW: t('撤回申请', 'Withdrawn'),
  APPROVE: t('准予', 'Approved'),
  OVERDUE: t('超过办理时限', 'Time limit passed'),
};

/** Outcomes of an item. */
export const outcomeLabels: Record<string, Text> = {
  approved: t('准予办理', 'Approved'),
  rejected: t('不予办理', 'Refused'),
  withdrawn: t('已撤回', 'Withdrawn'),
  pending: t('办理中', 'In progress'),
  waiting: t('待受理', 'Waiting for acceptance'),
};

/** Roles in the timeline. */
export const roleLabels: Record<string, Text> = {
  applicant: t('申请人', 'You'),
  clerk: t('综合窗口', 'Service centre'),
  reviewer: t('审批部门', 'Department'),
  admin: t('管理员', 'Administrator'),
  system: t('系统', 'System'),
};

/** What a deadline is for: an item's limit, the supplement's, or the window's acceptance. */
export function deadlineLabel(composed: ComposedBundle | undefined, key: string, deadline: { event: string; item?: string }): Text {
  const item = deadline.item && composed?.items.find((i) => i.id === deadline.item);
  if (item) return item.title;
  if (deadline.event === 'SUPPLEMENT_EXPIRED' || /supplement/i.test(key)) return t('补正期限', 'Corrections due');
  if (/reception|preReview|accept/i.test(key)) return t('窗口受理期限', 'Acceptance at the service centre');
  return t('办理时限', 'Time limit');
}

/** The department title of a timeline actor, when the bundle names it. */
export function departmentTitle(composed: ComposedBundle | undefined, id: string | undefined): Text | undefined {
  if (!id || !composed) return undefined;
  if (composed.bundle.lead.id === id) return composed.bundle.lead.title;
  return composed.items.find((i) => i.department.id === id)?.department.title;
}
