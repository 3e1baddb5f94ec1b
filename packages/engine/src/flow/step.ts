import semver from 'semver';
import type { Json } from '../json.js';
import { hashDefinition } from '../definitions/hash.js';
import { compile, Refused, Run, type Compiled } from './machine.js';
import type { TransitionDefinition } from './xstate.js';
import { Ledger } from './clocks.js';
import { isRefusal, refuse } from './refusals.js';
import { allows, isActor } from './roles.js';
import { isObject } from './data.js';
import type {
  Actor,
  ApplicationContext,
  ApplicationFlow,
  ApplicationSnapshot,
  AuditEntry,
  DeadlineEffect,
  FlowEvent,
  RefusalCode,
  StartInput,
  StateValue,
  StepRefusal,
  StepResult,
} from './types.js';

const EVENT_TYPE = /^[A-Z][A-Z0-9_]*$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_DEPTH = 32;
const MAX_NODES = 100_000;

/** Is this a date-time `step` can count with? */
function validTime(now: unknown): now is string {
  return typeof now === 'string' && DATE_TIME.test(now) && !Number.isNaN(Date.parse(now));
}

/** Why a value is not plain, bounded JSON (undefined when it is). */
function jsonProblem(value: unknown): string | undefined {
  let nodes = 0;
  const visit = (v: unknown, depth: number): string | undefined => {
    if (++nodes > MAX_NODES) return 'too large';
    if (depth > MAX_DEPTH) return 'nested too deeply';
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return undefined;
    if (typeof v === 'number') return Number.isFinite(v) ? undefined : 'a number is not finite';
    if (Array.isArray(v)) {
      for (const x of v) {
        const p = visit(x, depth + 1);
        if (p) return p;
      }
      return undefined;
    }
    const proto: unknown = typeof v === 'object' ? Object.getPrototypeOf(v) : undefined;
    if (proto === Object.prototype || proto === null) {
      for (const x of Object.values(v as object)) {
        if (x === undefined) continue;
        const p = visit(x, depth + 1);
        if (p) return p;
      }
      return undefined;
    }
    return `not JSON (${typeof v})`;
  };
  return visit(value, 0);
}

function eventProblem(event: unknown): string | undefined {
  if (!isObject(event as Json)) return 'an event is an object';
  const e = event as FlowEvent;
  if (typeof e.type !== 'string' || !EVENT_TYPE.test(e.type)) return 'type must be upper snake case, e.g. ACCEPT';
  if (e.item !== undefined && typeof e.item !== 'string') return 'item must be an item id';
  if (e.deadline !== undefined && typeof e.deadline !== 'string') return 'deadline must be a deadline key';
  return jsonProblem(event);
}

function snapshotProblem(s: unknown): string | undefined {
  if (!isObject(s as Json)) return 'not an object';
  const snap = s as ApplicationSnapshot;
  if (snap.format !== 'onething.flow-snapshot/1') return 'unknown format';
  const d = snap.definition;
  if (!isObject(d as never) || typeof d.id !== 'string' || typeof d.version !== 'string' || typeof d.hash !== 'string') return 'definition must name id, version and hash';
  if (typeof snap.value !== 'string' && !isObject(snap.value as Json)) return 'value must be a state value';
  const c = snap.context;
  if (
    !isObject(c as never) ||
    typeof c.applicant !== 'string' ||
    !isObject(c.answers) ||
    !isObject(c.data) ||
    !isObject(c.materials) ||
    !Array.isArray(c.active) ||
    !Array.isArray(c.supplements) ||
    !isObject(c.items as never)
  ) {
    return 'context is incomplete';
  }
  if (!isObject(snap.clocks as never) || !isObject(snap.deadlines as never)) return 'clocks and deadlines must be objects';
  if (!Number.isInteger(snap.seq) || !validTime(snap.updatedAt)) return 'seq and updatedAt are required';
  if (snap.history !== undefined && !isObject(snap.history as never)) return 'history must be an object';
  // Not walked deeply: snapshots are what `step` produced and the server stored, and a deep
  // walk of every snapshot would cost more than the step. Anything odd inside fails as a refusal.
  return undefined;
}

/**
 * Options of `start` and `step`.
 * @example step(flow, snapshot, event, actor, now, { hash: (v) => sha256Hex(canonicalJson(v)) })
 */
export interface StepOptions {
  /**
   * The hash of the audit entry's `dataHash`: sha-256 (hex) of the value's canonical JSON
   * (RFC 8785) — it must give what `hashDefinition` gives. Default: `hashDefinition` (pure
   * JavaScript, runs anywhere); a server passes a native sha-256 (about 10 µs less per step that
   * changes the data).
   */
  hash?: (value: unknown) => string;
}

function dataHash(context: ApplicationContext, hash: (value: unknown) => string): string {
  return hash({ answers: context.answers, data: context.data, materials: context.materials });
}

/** The roles of a transition on an event (every one has the `@allowed` guard the rewriter put there). */
function rolesOf(t: TransitionDefinition): string[] | undefined {
  const guard = t.guard as { type: string; params?: { params?: { roles?: string[] } } } | undefined;
  return guard?.type === '@allowed' ? guard.params?.params?.roles : undefined;
}

function persist(flow: ApplicationFlow, run: Run, status: string, value: StateValue, history: Record<string, string[]> | undefined, seq: number): ApplicationSnapshot {
  return {
    format: 'onething.flow-snapshot/1',
    definition: flow.definition,
    status: status === 'done' ? 'done' : 'active',
    value,
    context: run.context,
    ...(history ? { history } : {}),
    clocks: run.ledger.clocks,
    deadlines: run.ledger.deadlines,
    seq,
    updatedAt: run.now,
  };
}

function audit(
  event: FlowEvent,
  actor: Actor,
  from: StateValue | null,
  to: StateValue,
  at: string,
  before: ApplicationContext | undefined,
  after: ApplicationContext,
  hash: (value: unknown) => string,
): AuditEntry {
  const entry: AuditEntry = { event: event.type, ...(event.item !== undefined ? { item: event.item } : {}), actor, from, to, at };
  if (!before || before.answers !== after.answers || before.data !== after.data || before.materials !== after.materials) entry.dataHash = dataHash(after, hash);
  return entry;
}

function failure(error: unknown): StepRefusal {
  return refuse('flow-error', { problem: error instanceof Error ? error.message : String(error) });
}

/**
 * Starts an application in `draft` for the applicant. Pure: `now` is given, nothing is stored.
 * @example
 * const r = start(flow, { actor: { id: 'u1', role: 'applicant' }, now: '2025-03-03T02:00:00Z', answers: { settleInHubei: true } });
 * if (!isRefusal(r)) await store.save(r.snapshot, r.effects, r.audit);
 */
export function start(flow: ApplicationFlow, input: StartInput, options: StepOptions = {}): StepResult | StepRefusal {
  if (!validTime(input?.now)) return refuse('invalid-time');
  if (!isActor(input.actor)) return refuse('invalid-actor');
  if (input.actor.role !== 'applicant') return refuse('role-forbidden', { event: 'START' });
  const problem = jsonProblem({ answers: input.answers ?? {}, data: input.data ?? {}, materials: input.materials ?? {} });
  if (problem) return refuse('invalid-event', { problem });
  for (const key of ['answers', 'data', 'materials'] as const) {
    if (input[key] !== undefined && !isObject(input[key] as Json)) return refuse('invalid-event', { problem: `${key} must be an object` });
  }
  const context: ApplicationContext = {
    applicant: input.actor.id,
    answers: input.answers ?? {},
    data: input.data ?? {},
    materials: input.materials ?? {},
    active: [],
    supplements: [],
    items: {},
  };
  const event: FlowEvent = { type: 'START' };
  try {
    const compiled = compile(flow);
    const run = new Run(flow, input.actor, input.now, event, context, new Ledger(flow.calendar, input.now, { clocks: {}, deadlines: {} }, compiled.clocks));
    const xs = compiled.step(run, () => compiled.xstate.initial());
    if (xs instanceof Refused) return { refused: xs.refusal };
    const effects = run.ledger.finish((scope) => xs.hasTag(`@pausing:${scope}`));
    const snapshot = persist(flow, run, xs.status, xs.value as StateValue, compiled.xstate.history(xs), 0);
    return { snapshot, effects, audit: audit(event, input.actor, null, snapshot.value, input.now, undefined, snapshot.context, options.hash ?? hashDefinition) };
  } catch (error) {
    return failure(error);
  }
}

/**
 * Applies one event to a persisted application. Pure: restores the snapshot into the flow's
 * cached machine, takes the transition, and returns the next snapshot, the effects for the
 * server (deadlines to persist or cancel, notifications) and the audit entry — or a typed
 * refusal. Never throws on bad input.
 * @example
 * const r = step(flow, snapshot, { type: 'ACCEPT' }, { id: 'c1', role: 'clerk', department: 'window' }, new Date().toISOString());
 * if (isRefusal(r)) return res.status(409).json(r.refused);
 */
export function step(flow: ApplicationFlow, snapshot: ApplicationSnapshot, event: FlowEvent, actor: Actor, now: string, options: StepOptions = {}): StepResult | StepRefusal {
  if (!validTime(now)) return refuse('invalid-time');
  if (!isActor(actor)) return refuse('invalid-actor');
  const eventIssue = eventProblem(event);
  if (eventIssue) return refuse('invalid-event', { problem: eventIssue });
  const snapshotIssue = snapshotProblem(snapshot);
  if (snapshotIssue) return refuse('invalid-snapshot', { problem: snapshotIssue });
  if (snapshot.status === 'done') return refuse('application-done');

  const def = snapshot.definition;
  const migrating = def.version !== flow.definition.version || def.hash !== flow.definition.hash;
  if (def.id !== flow.definition.id || (migrating && !flow.migrations.some((range) => semver.valid(def.version) && semver.satisfies(def.version, range)))) {
    return refuse('version-mismatch', { snapshot: `${def.id}@${def.version}`, flow: `${flow.definition.id}@${flow.definition.version}` });
  }
  if (event.item !== undefined && !flow.items.some((i) => i.id === event.item)) return refuse('unknown-item', { item: event.item });

  // A scheduler firing a deadline names it; the deadline must still be issued and be due.
  if (event.deadline !== undefined) {
    const d = snapshot.deadlines[event.deadline];
    if (!d || d.event !== event.type || d.item !== event.item) return refuse('deadline-not-active', { deadline: event.deadline });
    if (Date.parse(d.due) > Date.parse(now)) return refuse('deadline-not-due', { deadline: event.deadline, due: d.due });
  }

  const hash = options.hash ?? hashDefinition;
  try {
    const compiled = compile(flow);
    const fresh = () => new Ledger(flow.calendar, now, snapshot, compiled.clocks);
    if (event.type === 'OVERDUE') {
      if (actor.role !== 'system') return refuse('role-forbidden', { event: event.type });
      if (event.deadline === undefined) return refuse('invalid-event', { problem: 'OVERDUE names its deadline' });
      return lapse(flow, snapshot, event, event.deadline, actor, now, fresh(), hash);
    }
    const result = take(flow, compiled, snapshot, event, actor, now, fresh(), migrating, hash);
    // A due deadline the application cannot take (a state left without clearing it, a guard
    // that no longer holds) lapses rather than stays issued forever: it is consumed, its clock
    // marked overdue and supervisors told — as an informational limit would be.
    if (isRefusal(result) && event.deadline !== undefined && actor.role === 'system' && !UNLAPSING.has(result.refused.code)) {
      return lapse(flow, snapshot, event, event.deadline, actor, now, fresh(), hash);
    }
    return result;
  } catch (error) {
    return failure(error);
  }
}

/** Refusals that say nothing about the deadline's event: the snapshot or the flow is at fault. */
const UNLAPSING = new Set<RefusalCode>(['flow-error', 'invalid-snapshot', 'migration-failed']);

/** Restores the snapshot, takes the event and persists the result (the checks of `step` passed). */
function take(
  flow: ApplicationFlow,
  compiled: Compiled,
  snapshot: ApplicationSnapshot,
  event: FlowEvent,
  actor: Actor,
  now: string,
  ledger: Ledger,
  migrating: boolean,
  hash: (value: unknown) => string,
): StepResult | StepRefusal {
  let restored;
  try {
    restored = compiled.xstate.restore(snapshot.value, snapshot.history);
  } catch (error) {
    return migrating
      ? refuse('migration-failed', { flow: flow.definition.version })
      : refuse('invalid-snapshot', { problem: error instanceof Error ? error.message : String(error) });
  }

  // A decided item takes no more events, whatever its chart says (see `forXState`).
  if (event.item !== undefined && snapshot.context.items[event.item]?.outcome !== undefined) return refuse('event-not-accepted', { event: event.type });
  const type = event.item === undefined ? event.type : `${event.item}/${event.type}`;
  const candidates = compiled.xstate.candidates(restored, type);
  if (candidates.length === 0) return refuse('event-not-accepted', { event: event.type });
  if (!candidates.some((t) => allows(rolesOf(t) ?? [], actor, snapshot.context))) return refuse('role-forbidden', { event: event.type });

  // The transition's actions run as XState takes it; a payload check (a supplement touching
  // unflagged fields…) refuses the event before the step returns anything.
  const run = new Run(flow, actor, now, event, snapshot.context, ledger);
  const next = compiled.step(run, () => compiled.xstate.transition(restored.snapshot, type));
  if (next instanceof Refused) return { refused: next.refusal };
  if (run.refused) return { refused: run.refused };
  if (!run.taken) return refuse('event-not-accepted', { event: event.type, reason: 'guard' });
  if (event.deadline !== undefined) ledger.consume(event.deadline);
  const effects = ledger.finish((scope) => next.hasTag(`@pausing:${scope}`));
  const persisted = persist(flow, run, next.status, next.value as StateValue, compiled.xstate.history(next), snapshot.seq + 1);
  return { snapshot: persisted, effects, audit: audit(event, actor, snapshot.value, persisted.value, now, snapshot.context, persisted.context, hash) };
}

/**
 * A deadline passed without moving the application: an informational limit (`OVERDUE`), or a
 * deadline whose event the application cannot take. The deadline is consumed, its clock marked
 * overdue and supervisors are told (督办); the state does not change.
 */
function lapse(flow: ApplicationFlow, snapshot: ApplicationSnapshot, event: FlowEvent, key: string, actor: Actor, now: string, ledger: Ledger, hash: (value: unknown) => string): StepResult {
  const item = snapshot.deadlines[key]?.item;
  ledger.consume(key);
  ledger.overdue(key);
  ledger.notify({ to: 'admin', template: 'onething.overdue', params: { deadline: key, ...(item ? { item } : {}) }, ...(item ? { item } : {}) });
  const effects = ledger.finish(() => true);
  const persisted: ApplicationSnapshot = { ...snapshot, definition: flow.definition, clocks: ledger.clocks, deadlines: ledger.deadlines, seq: snapshot.seq + 1, updatedAt: now };
  return { snapshot: persisted, effects, audit: audit(event, actor, snapshot.value, snapshot.value, now, snapshot.context, snapshot.context, hash) };
}

/**
 * The event a scheduler sends (as a `system` actor) when a deadline is due.
 * @example step(flow, snapshot, deadlineEvent(effect), { id: 'scheduler', role: 'system' }, now)
 */
export function deadlineEvent(deadline: Pick<DeadlineEffect, 'key' | 'event' | 'item'>): FlowEvent {
  return deadline.item === undefined ? { type: deadline.event, deadline: deadline.key } : { type: deadline.event, item: deadline.item, deadline: deadline.key };
}
