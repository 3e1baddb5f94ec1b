/** How a text stands against the most that is kept of it. */
export interface TextBudget {
  /** Characters still allowed (0 when over). */
  left: number;
  /** Characters past the limit (0 when within). */
  over: number;
  /** Close enough to the limit (or past it) that a screen reader should hear the count. */
  near: boolean;
}

/**
 * Counts a text against a limit the way the send check does (`flagProblem`: trimmed length), so
 * the count never says "fits" for a text the check refuses. Near: the last tenth (at least 20).
 * @example textBudget('a'.repeat(460), 500) // { left: 40, over: 0, near: true }
 */
export function textBudget(text: string, max: number): TextBudget {
  const length = text.trim().length;
  const left = Math.max(0, max - length);
  const over = Math.max(0, length - max);
  return { left, over, near: over > 0 || left <= Math.max(20, Math.floor(max / 10)) };
}
