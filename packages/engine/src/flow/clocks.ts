import type { HolidayCalendar } from './calendar/types.js';
import { daysBetween, dueAfter } from './calendar/calendar.js';
import type { ApplicationSnapshot, Clock, Deadline, Effect, NotifyEffect } from './types.js';

/**
 * The bookkeeping of one step: clocks, issued deadlines and effects. The step function feeds
 * it the `@enter` / `@exit` markers XState returns, in order, and `finish` settles it.
 *
 * - Entering a timed state starts its clock — or resumes it, when the state was left for a
 *   pausing state (`meta.pausesClock`) and is now re-entered — and issues its deadline with
 *   the days remaining.
 * - Entering a pausing state holds the clocks of the timed states around it (the item's
 *   region); leaving it resumes them.
 * - Leaving a timed state stops its clock and cancels its deadline. The clock stays `paused`
 *   if the same step entered a pausing state of the same scope; else it is `done`.
 * - A top-level final state of an item chart stops the item's clocks for good.
 */

export interface EnterMarker {
  key: string;
  scope: string;
  limitDays?: number;
  days?: 'working' | 'calendar';
  event?: string;
  pausing?: boolean;
  holds?: string[];
  stops?: string[];
}

export interface ExitMarker {
  key: string;
  scope: string;
  timed?: boolean;
  pausing?: boolean;
  holds?: string[];
}

export class Ledger {
  readonly clocks: Record<string, Clock>;
  readonly deadlines: Record<string, Deadline>;
  private readonly effects: Effect[] = [];
  private readonly before: Set<string>;
  private readonly stopped = new Set<string>();
  private readonly enteredPausing = new Set<string>();
  private readonly exitedPausing = new Set<string>();
  readonly issued = new Set<string>();

  constructor(
    private readonly calendar: HolidayCalendar,
    private readonly now: string,
    snapshot: Pick<ApplicationSnapshot, 'clocks' | 'deadlines'>,
  ) {
    this.clocks = { ...snapshot.clocks };
    this.deadlines = { ...snapshot.deadlines };
    this.before = new Set(Object.keys(snapshot.deadlines));
  }

  notify(effect: Omit<NotifyEffect, 'type'>): void {
    this.effects.push({ type: 'notify', ...effect });
  }

  /** Issues a deadline `days` counted days from now (or due now when `days` < 0). */
  deadline(key: string, days: number, kind: 'working' | 'calendar', event: string, item?: string): void {
    const { due, provisional } = days < 0 ? { due: new Date(Date.parse(this.now)).toISOString(), provisional: false } : dueAfter(this.calendar, this.now, days, kind);
    this.deadlines[key] = item === undefined ? { due, event } : { due, event, item };
    this.issued.add(key);
    this.effects.push({ type: 'deadline', key, due, event, ...(item !== undefined ? { item } : {}), ...(provisional ? { provisional } : {}) });
  }

  cancel(key: string): void {
    if (!(key in this.deadlines)) return;
    delete this.deadlines[key];
    this.issued.delete(key);
    this.effects.push({ type: 'cancelDeadline', key });
  }

  /** A deadline the scheduler has just fired is done with, unless this step issued it anew. */
  consume(key: string): void {
    if (!this.issued.has(key)) this.cancel(key);
  }

  private set(key: string, clock: Clock): Clock {
    this.clocks[key] = clock;
    return clock;
  }

  /** Adds the days a running clock spent since it (re)started. */
  private accrue(clock: Clock): Clock {
    if (clock.status !== 'running' || clock.since === undefined) return clock;
    const { since, ...rest } = clock;
    return { ...rest, elapsedDays: clock.elapsedDays + daysBetween(this.calendar, since, this.now, clock.days) };
  }

  private issue(key: string, clock: Clock): void {
    this.set(key, clock);
    if (clock.event === undefined && clock.overdueAt !== undefined) return; // reported once is enough
    this.deadline(key, clock.limitDays - clock.elapsedDays, clock.days, clock.event ?? 'OVERDUE', clock.scope === 'bundle' ? undefined : clock.scope);
  }

  enter(m: EnterMarker, active: readonly string[]): void {
    if (m.scope !== 'bundle' && !active.includes(m.scope)) return;
    for (const key of m.stops ?? []) {
      const clock = this.clocks[key];
      if (clock && clock.status !== 'done') {
        this.set(key, { ...this.accrue(clock), status: 'done' });
        this.cancel(key);
      }
    }
    if (m.pausing) {
      this.enteredPausing.add(m.scope);
      for (const key of m.holds ?? []) {
        const clock = this.clocks[key];
        if (clock?.status === 'running') {
          this.set(key, { ...this.accrue(clock), status: 'held' });
          this.cancel(key);
        }
      }
    }
    if (m.limitDays !== undefined) {
      const old = this.clocks[m.key];
      const clock: Clock =
        old?.status === 'paused'
          ? { ...old, status: 'running', since: this.now }
          : {
              limitDays: m.limitDays,
              days: m.days ?? 'working',
              elapsedDays: 0,
              since: this.now,
              status: 'running',
              scope: m.scope,
              ...(m.event !== undefined && m.event !== 'OVERDUE' ? { event: m.event } : {}),
            };
      this.issue(m.key, clock);
    }
  }

  exit(m: ExitMarker, active: readonly string[]): void {
    if (m.scope !== 'bundle' && !active.includes(m.scope)) return;
    if (m.pausing) {
      this.exitedPausing.add(m.scope);
      for (const key of m.holds ?? []) {
        const clock = this.clocks[key];
        if (clock?.status === 'held') this.issue(key, { ...clock, status: 'running', since: this.now });
      }
    }
    if (m.timed) {
      const clock = this.clocks[m.key];
      if (clock && (clock.status === 'running' || clock.status === 'held')) {
        this.set(m.key, { ...this.accrue(clock), status: 'paused' });
        this.cancel(m.key);
        this.stopped.add(m.key);
      }
    }
  }

  /** Marks a clock overdue (its informational deadline fired). */
  overdue(key: string): void {
    const clock = this.clocks[key];
    if (clock) this.set(key, { ...clock, overdueAt: this.now });
  }

  /**
   * Settles paused clocks and returns the effects, deadline operations coalesced per key (the
   * last one wins; nothing is said about a deadline issued and cancelled within the step).
   */
  finish(pausingActive: (scope: string) => boolean): Effect[] {
    for (const [key, clock] of Object.entries(this.clocks)) {
      if (clock.status !== 'paused') continue;
      const settle = this.stopped.has(key) ? !this.enteredPausing.has(clock.scope) : this.exitedPausing.has(clock.scope) && !pausingActive(clock.scope);
      if (settle) this.set(key, { ...clock, status: 'done' });
    }
    const last = new Map<string, number>();
    this.effects.forEach((e, i) => {
      if (e.type !== 'notify') last.set(e.key, i);
    });
    return this.effects.filter((e, i) => {
      if (e.type === 'notify') return true;
      if (last.get(e.key) !== i) return false;
      return e.type === 'deadline' || this.before.has(e.key);
    });
  }
}
