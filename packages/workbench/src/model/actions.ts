import type { AllowedEvent } from '../api/types.js';

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

