import type { HolidayCalendar } from './calendar/types.js';
import { daysBetween, dueAfter } from './calendar/calendar.js';
import { copyObject } from './data.js';
import type { Json } from '../json.js';

type JsonObject = { [key: string]: Json };
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

/** A timed state's limit, from the flow (the clock in the snapshot keeps only the time spent). */
export interface ClockSpec {
  limitDays: number;
  days: 'working' | 'calendar';
  /** `bundle` or an item id. */
  scope: string;
  /** The event its deadline sends (`meta.onTimeout`); absent: `OVERDUE`. */
  event?: string;
}

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
  /** Issued deadlines; a cancelled one is `undefined` until `deadlines` copies the rest (deleting keys is slow). */
  private table: Record<string, Deadline | undefined>;
  private clockTable: Record<string, Clock>;
  /** Whether the tables are this step's copies yet (they are copied on the first change). */
  private ownsTable = false;
  private ownsClocks = false;
  private readonly effects: Effect[] = [];
  /** The deadlines issued before the step. */
  private readonly before: Readonly<Record<string, Deadline>>;
  private readonly stopped = new Set<string>();
  private readonly enteredPausing = new Set<string>();
  private readonly exitedPausing = new Set<string>();
  readonly issued = new Set<string>();

  constructor(
    private readonly calendar: HolidayCalendar,
    private readonly now: string,
    snapshot: Pick<ApplicationSnapshot, 'clocks' | 'deadlines'>,
    private readonly specs: ReadonlyMap<string, ClockSpec>,
  ) {
    this.clockTable = snapshot.clocks;
    this.table = snapshot.deadlines;
    this.before = snapshot.deadlines;
  }

  /** The clocks after the step. */
  get clocks(): Readonly<Record<string, Clock>> {
    return this.clockTable;
  }

  /** The deadlines issued after the step, as the snapshot keeps them. */
  get deadlines(): Record<string, Deadline> {
    if (!this.ownsTable) return this.table as Record<string, Deadline>;
    const out: Record<string, Deadline> = {};
    for (const key in this.table) if (this.table[key] !== undefined) out[key] = this.table[key];
    return out;
  }

  private writableTable(): Record<string, Deadline | undefined> {
    if (!this.ownsTable) {
      this.table = copyObject(this.table as unknown as JsonObject) as unknown as Record<string, Deadline>;
      this.ownsTable = true;
    }
    return this.table;
  }

  notify(effect: Omit<NotifyEffect, 'type'>): void {
    this.effects.push({ type: 'notify', ...effect });
  }

  /** Issues a deadline `days` counted days from now (or due now when `days` < 0). */
  deadline(key: string, days: number, kind: 'working' | 'calendar', event: string, item?: string): void {
    const { due, provisional } = days < 0 ? { due: new Date(Date.parse(this.now)).toISOString(), provisional: false } : dueAfter(this.calendar, this.now, days, kind);
    this.writableTable()[key] = item === undefined ? { due, event } : { due, event, item };
    this.issued.add(key);
    this.effects.push({ type: 'deadline', key, due, event, ...(item !== undefined ? { item } : {}), ...(provisional ? { provisional } : {}) });
  }

  cancel(key: string): void {
    if (this.table[key] === undefined) return;
    this.writableTable()[key] = undefined;
    this.issued.delete(key);
    this.effects.push({ type: 'cancelDeadline', key });
  }

  /** A deadline the scheduler has just fired is done with, unless this step issued it anew. */
  consume(key: string): void {
    if (!this.issued.has(key)) this.cancel(key);
  }

  private set(key: string, clock: Clock): Clock {
    if (!this.ownsClocks) {
      // Copied with copyObject, not a spread: keys are added (see data.ts).
      this.clockTable = copyObject(this.clockTable as unknown as JsonObject) as unknown as Record<string, Clock>;
      this.ownsClocks = true;
    }
    this.clockTable[key] = clock;
    return clock;
  }

  /**
   * The limit of a clock, from the flow. A clock of a state the flow no longer has (a migrated
   * application) keeps its record but is never issued again.
   */
  private spec(key: string): ClockSpec | undefined {
    return this.specs.get(key);
  }

  /** The scope of a clock key: `processing.<item>…` belongs to the item, the rest to the bundle. */
  private scopeOf(key: string): string {
    return this.spec(key)?.scope ?? (key.startsWith('processing.') ? key.split('.')[1]! : 'bundle');
  }

  /** A clock stopped now: the days it spent since it (re)started are added. */
  private stop(key: string, clock: Clock, status: 'held' | 'paused' | 'done'): void {
    const elapsedDays = clock.status === 'running' && clock.since !== undefined ? clock.elapsedDays + daysBetween(this.calendar, clock.since, this.now, this.spec(key)?.days ?? 'working') : clock.elapsedDays;
    this.set(key, { elapsedDays, status, ...(clock.overdueAt !== undefined ? { overdueAt: clock.overdueAt } : {}) });
  }

  /** Starts (or resumes) a clock now and issues its deadline with the days left. */
  private run(key: string, elapsedDays: number, overdueAt?: string): void {
    this.set(key, { elapsedDays, since: this.now, status: 'running', ...(overdueAt !== undefined ? { overdueAt } : {}) });
    const spec = this.spec(key);
    if (!spec) return;
    if (spec.event === undefined && overdueAt !== undefined) return; // reported once is enough
    this.deadline(key, spec.limitDays - elapsedDays, spec.days, spec.event ?? 'OVERDUE', spec.scope === 'bundle' ? undefined : spec.scope);
  }

  enter(m: EnterMarker, active: readonly string[]): void {
    if (m.scope !== 'bundle' && !active.includes(m.scope)) return;
    for (const key of m.stops ?? []) {
      const clock = this.clocks[key];
      if (clock && clock.status !== 'done') {
        this.stop(key, clock, 'done');
        this.cancel(key);
      }
    }
    if (m.pausing) {
      this.enteredPausing.add(m.scope);
      for (const key of m.holds ?? []) {
        const clock = this.clocks[key];
        if (clock?.status === 'running') {
          this.stop(key, clock, 'held');
          this.cancel(key);
        }
      }
    }
    if (m.limitDays !== undefined) {
      const old = this.clocks[m.key];
      if (old?.status === 'paused') this.run(m.key, old.elapsedDays, old.overdueAt);
      else this.run(m.key, 0);
    }
  }

  exit(m: ExitMarker, active: readonly string[]): void {
    if (m.scope !== 'bundle' && !active.includes(m.scope)) return;
    if (m.pausing) {
      this.exitedPausing.add(m.scope);
      for (const key of m.holds ?? []) {
        const clock = this.clocks[key];
        if (clock?.status === 'held') this.run(key, clock.elapsedDays, clock.overdueAt);
      }
    }
    if (m.timed) {
      const clock = this.clocks[m.key];
      if (clock && (clock.status === 'running' || clock.status === 'held')) {
        this.stop(m.key, clock, 'paused');
        this.cancel(m.key);
        this.stopped.add(m.key);
      }
    }
  }

  /** Marks a clock overdue (its informational deadline fired). */
  overdue(key: string): void {
    const clock = this.clocks[key];
    if (clock) this.set(key, Object.assign({}, clock, { overdueAt: this.now }));
  }

  /**
   * Settles paused clocks and returns the effects, deadline operations coalesced per key (the
   * last one wins; nothing is said about a deadline issued and cancelled within the step).
   */
  finish(pausingActive: (scope: string) => boolean): Effect[] {
    // A clock settles only when this step stopped it or left a pausing state.
    const settling = this.stopped.size > 0 || this.exitedPausing.size > 0;
    for (const [key, clock] of settling ? Object.entries(this.clocks) : []) {
      if (clock.status !== 'paused') continue;
      const scope = this.scopeOf(key);
      const settle = this.stopped.has(key) ? !this.enteredPausing.has(scope) : this.exitedPausing.has(scope) && !pausingActive(scope);
      if (settle) this.set(key, { ...clock, status: 'done' });
    }
    const last = new Map<string, number>();
    this.effects.forEach((e, i) => {
      if (e.type !== 'notify') last.set(e.key, i);
    });
    return this.effects.filter((e, i) => {
      if (e.type === 'notify') return true;
      if (last.get(e.key) !== i) return false;
      return e.type === 'deadline' || Object.hasOwn(this.before, e.key);
    });
  }
}
