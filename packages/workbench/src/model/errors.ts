import type { Locale, Text } from '@onething/engine';
import { ApiError } from '../api/client.js';
import { t } from '../i18n/strings.js';

/** What the workbench says when an action was not done. */
export interface ActionProblem {
  /** `conflict`: someone changed the application first (reload); `session`: sign in again; `error`: anything else. */
  kind: 'conflict' | 'session' | 'error';
  text: string;
}

/** The first detail the server gave: a refusal's `problem`, or a validation error's message. */
function detailOf(error: ApiError, locale: Locale): string | undefined {
  const first = error.errors[0] as { problem?: unknown; message?: unknown } | undefined;
  if (typeof first?.problem === 'string') return first.problem;
  const message = first?.message as Text | string | undefined;
  if (typeof message === 'string') return message;
  return message?.[locale];
}

/**
 * Why an action was not done, in the person's language: a revision conflict asks for a reload;
 * 401 ends the session; 403 says it is not theirs to do; anything else gives the server's message
 * (already in their language) and its first detail.
 * @example actionProblem(new ApiError(409, 'revision-conflict', '…'), 'en') // { kind: 'conflict', text: 'Someone else just changed this application — reload it and try again.' }
 */
export function actionProblem(error: unknown, locale: Locale): ActionProblem {
  const e = error instanceof ApiError ? error : new ApiError(0, 'network', String(error));
  if (e.code === 'revision-conflict') return { kind: 'conflict', text: t(locale, 'conflict') };
  if (e.status === 401) return { kind: 'session', text: t(locale, 'sessionEnded') };
  if (e.status === 0) return { kind: 'error', text: t(locale, 'refused', { reason: t(locale, 'networkError') }) };
  const detail = detailOf(e, locale);
  const reason = `${e.message}${detail ? ` — ${detail}` : ''}`;
  return { kind: 'error', text: t(locale, e.status === 403 ? 'forbidden' : 'refused', { reason }) };
}
