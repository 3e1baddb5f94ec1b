import { html, type TemplateResult } from 'lit';
import type { Locale } from '@onething/engine';
import { t } from '../i18n/strings.js';
import { deadlineStatus } from '../model/deadlines.js';
import { lastDay } from '../model/format.js';

/**
 * A deadline as staff scan it: the last day, the working days left (or by how many it is
 * overdue, with an "Overdue" marker that is text, not only colour).
 * @example deadlineCell('zh-CN', '2025-03-05T16:00:00.000Z', new Date().toISOString())
 */
export function deadlineCell(locale: Locale, due: string | null | undefined, now: string): TemplateResult {
  if (!due) return html`<span class="muted">${t(locale, 'noDeadline')}</span>`;
  const s = deadlineStatus(due, now);
  const left = s.overdue
    ? t(locale, 'overdueBy', { n: s.overdueDays })
    : s.workingDaysLeft === 0
      ? t(locale, 'dueTodayShort')
      : s.workingDaysLeft === 1
        ? t(locale, 'oneWorkingDayLeft')
        : t(locale, 'workingDaysLeft', { n: s.workingDaysLeft });
  // only what is due today stands out; a one-day window limit would otherwise mark every row
  const level = s.overdue ? 'overdue' : s.workingDaysLeft === 0 ? 'soon' : 'ok';
  return html`<span class="deadline deadline--${level}">
    <time datetime=${due}>${t(locale, 'dueOn', { date: lastDay(due) })}</time>
    ${s.overdue ? html`<strong class="badge error">${t(locale, 'overdue')}</strong>` : ''}
    <span class="left">${left}</span>
  </span>`;
}
