import type { Text } from '@onething/engine';
import type { AllowedEvent } from '../api/types.js';

/**
 * What an action is called on its button: the branch it takes now when the server knows it
 * (材料合格，安排现场核查 rather than both branches' titles), else its title.
 * @example actionTitle({ type: 'PASS', title: t('A / B'), branches: [{ title: t('A') }, { title: t('B') }], next: 1 }) // t('B')
 */
export function actionTitle(event: AllowedEvent): Text {
  const taken = event.next !== undefined ? event.branches?.[event.next] : undefined;
  return taken?.title ?? event.title ?? { 'zh-CN': event.type, en: event.type };
}

/**
 * The states an action may lead to: the one it takes now when known, else every branch's.
 * @example actionTargets(event) // [{ 'zh-CN': '现场核查', en: 'On-site inspection' }]
 */
export function actionTargets(event: AllowedEvent): Text[] {
  const branches = event.next !== undefined && event.branches?.[event.next] ? [event.branches[event.next]!] : (event.branches ?? []);
  const targets = branches.map((b) => b.target?.title).filter((x): x is Text => x !== undefined);
  return [...new Map(targets.map((x) => [x['zh-CN'], x])).values()];
}

/**
 * Does an action go without a confirmation? Only one that decides nothing, carries nothing and
 * stays within the application's current stage (claiming at the window); every other action asks.
 * @example needsConfirmation({ type: 'CLAIM', branches: [{ target: { path: 'reception.preReview', final: false } }] }, 'reception') // false
 */
export function needsConfirmation(event: AllowedEvent, stage: string): boolean {
  if (event.input || event.item !== undefined) return true;
  const targets = event.branches ?? [];
  return !targets.length || targets.some((b) => !b.target || b.target.final || b.target.path.split('.')[0] !== stage);
}

