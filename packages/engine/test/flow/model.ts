import fc from 'fast-check';
import { expect } from 'vitest';
import type { Json, JsonSchema } from '../../src/json.js';
import { deadlineEvent, start, step } from '../../src/flow/step.js';
import type { Actor, ApplicationFlow, ApplicationSnapshot, Effect, FlowEvent, StepRefusal, StepResult } from '../../src/flow/types.js';

/**
 * A model-based test harness for any application flow (fast-check `fc.commands`): random
 * sequences of allowed and forbidden events by random actors, run twice side by side —
 * - `live`: the uninterrupted run, snapshots passed on as objects;
 * - `restored`: after every step the snapshot is persisted (JSON.stringify), read back
 *   (JSON.parse) and restored into a flow that was itself rebuilt from JSON;
 * and after every step both must agree exactly (snapshot, effects, audit, or refusal). A
 * third party, the scheduler, applies the deadline effects; it must always hold exactly the
 * deadlines the snapshot says are issued.
 */

interface Real {
  flow: ApplicationFlow;
  restoredFlow: ApplicationFlow;
  live: ApplicationSnapshot;
  stored: string;
  /** The scheduler's table, built only from effects. */
  scheduled: Map<string, { due: string; event: string; item?: string }>;
  now: number;
  steps: number;
  refusals: Map<string, number>;
  /** Supplement rounds recorded: with entries' own reasons, and with no overall reason. */
  rounds: { ownReasons: number; noOverall: number };
}

type Model = Record<string, never>;

/** What a random event is, before it meets the current snapshot. */
type EventSpec =
  | { kind: 'plain'; type: string; item?: string; reason?: string }
  | { kind: 'save'; type: 'SAVE' | 'SUBMIT'; answers: { [key: string]: Json } }
  /** `own[i]`: the i-th flagged entry's own reason (absent: the bare path or id); `fill`: give the overall reason when one is needed. */
  | { kind: 'request'; item?: string; fields: number[]; materials: number[]; reason?: string; own?: Array<string | undefined>; fill?: boolean }
  | { kind: 'supplement'; item?: string; fields: number[]; flagged: boolean; value: string; material?: number }
  | { kind: 'deadline'; pick: number; early: boolean }
  /** An event the current state takes, sent by someone its roles allow (with a payload that fits, mostly). */
  | { kind: 'guided'; pick: number; answers: { [key: string]: Json }; request: EventSpec & { kind: 'request' }; supplement: EventSpec & { kind: 'supplement' } };

const clean = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

function applyEffects(scheduled: Real['scheduled'], effects: Effect[]) {
  for (const e of effects) {
    if (e.type === 'deadline') scheduled.set(e.key, e.item === undefined ? { due: e.due, event: e.event } : { due: e.due, event: e.event, item: e.item });
    else if (e.type === 'cancelDeadline') scheduled.delete(e.key);
  }
}


type Enabled = { type: string; item?: string; roles: string[] };

/** The events the active states of a snapshot handle, with the roles their transitions allow. */
function enabledEvents(flow: ApplicationFlow, value: unknown): Enabled[] {
  const found: Enabled[] = [];
  const visit = (node: { on?: Record<string, unknown>; states?: Record<string, unknown> }, v: unknown) => {
    for (const [key, transitions] of Object.entries(node.on ?? {})) {
      const slash = key.indexOf('/');
      const roles = ([] as Array<{ guard?: { params?: { params?: { roles?: string[] } } } }>)
        .concat(transitions as never)
        .flatMap((t) => t.guard?.params?.params?.roles ?? []);
      found.push({ type: slash === -1 ? key : key.slice(slash + 1), ...(slash === -1 ? {} : { item: key.slice(0, slash) }), roles });
    }
    if (typeof v === 'string') {
      const child = node.states?.[v];
      if (child) visit(child as never, undefined);
    } else if (v && typeof v === 'object') {
      for (const [k, sub] of Object.entries(v)) {
        const child = node.states?.[k];
        if (child) visit(child as never, sub);
      }
    }
  };
  visit(flow.machine as never, value);
  return found;
}

function actorFor(roles: string[], actors: Actor[], pick: number): Actor | undefined {
  const fits = actors.filter((a) =>
    roles.some((r) => {
      const [role, dept] = r.split(':');
      return role === a.role && (dept === undefined || dept === a.department) && a.id !== 'stranger';
    }),
  );
  return fits.length ? fits[pick % fits.length] : undefined;
}

function resolve(spec: EventSpec, flow: ApplicationFlow, snapshot: ApplicationSnapshot, now: number, actors: Actor[]): { event: FlowEvent; at: number; actor?: Actor } {
  const pick = <T>(list: readonly T[], indexes: number[]) => [...new Set(indexes.filter(() => list.length > 0).map((i) => list[i % list.length]!))];
  switch (spec.kind) {
    case 'plain':
      return { event: { type: spec.type, ...(spec.item ? { item: spec.item } : {}), ...(spec.reason ? { reason: spec.reason } : {}) }, at: now };
    case 'save':
      return { event: { type: spec.type, answers: spec.answers }, at: now };
    case 'request': {
      const item = flow.items.find((i) => i.id === spec.item);
      const fields = item ? flow.fields.filter((f) => item.projection.some((p) => p.from === f)) : flow.fields;
      const materials = item ? item.materials : flow.materials;
      // Entries with their own reason where `own` gives one (fields first, then materials).
      const own = spec.own ?? [];
      const flaggedFields = pick(fields, spec.fields);
      const flaggedMaterials = pick(materials, spec.materials);
      // a guided request (`fill`) never gives an empty reason of its own
      const reasonAt = (i: number) => (i < own.length && !(spec.fill && own[i] === '') ? own[i] : undefined);
      const fieldEntries: Json[] = flaggedFields.map((path, i) => (reasonAt(i) === undefined ? path : { path, reason: reasonAt(i)! }));
      const materialEntries: Json[] = flaggedMaterials.map((id, i) => (reasonAt(flaggedFields.length + i) === undefined ? id : { id, reason: reasonAt(flaggedFields.length + i)! }));
      const covered = [...flaggedFields, ...flaggedMaterials].every((_, i) => reasonAt(i)?.trim());
      const reason = spec.fill && !spec.reason && !covered ? 'incomplete' : spec.reason;
      return {
        event: {
          type: 'REQUEST_SUPPLEMENT',
          ...(spec.item ? { item: spec.item } : {}),
          fields: fieldEntries,
          materials: materialEntries,
          ...(reason !== undefined ? { reason } : {}),
        },
        at: now,
      };
    }
    case 'supplement': {
      const scope = spec.item ?? 'bundle';
      const open = [...snapshot.context.supplements].reverse().find((r) => r.scope === scope && !r.answer);
      const fields = spec.flagged && open ? open.fields : flow.fields;
      let data: { [key: string]: Json } = {};
      for (const path of pick(fields, spec.fields)) {
        const segments = path.split('.');
        const patch: { [key: string]: Json } = {};
        let cursor = patch;
        segments.forEach((s, i) => {
          cursor[s] = i === segments.length - 1 ? spec.value : {};
          cursor = cursor[s] as { [key: string]: Json };
        });
        data = { ...data, ...patch };
      }
      const materialIds = spec.flagged && open ? open.materials : flow.materials;
      const material = spec.material !== undefined && materialIds.length ? materialIds[spec.material % materialIds.length] : undefined;
      return {
        event: {
          type: 'SUPPLEMENT',
          ...(spec.item ? { item: spec.item } : {}),
          data,
          ...(material ? { materials: { [material]: { eLicense: { type: 'id-card', number: spec.value } } } } : {}),
        },
        at: now,
      };
    }
    case 'guided': {
      // Mostly move forward: events that end things (withdraw, reject) are picked one time in five.
      const all = enabledEvents(flow, snapshot.value);
      const forward = all.filter((e) => !['WITHDRAW', 'REJECT'].includes(e.type));
      const enabled = spec.pick % 5 === 0 || forward.length === 0 ? all : forward;
      if (enabled.length === 0) return { event: { type: 'ACCEPT' }, at: now };
      const e = enabled[spec.pick % enabled.length]!;
      const actor = actorFor(e.roles, actors, spec.pick);
      const base = { ...(actor ? { actor } : {}) };
      if (e.type === 'SAVE' || e.type === 'SUBMIT') return { event: { type: e.type, answers: spec.answers }, at: now, ...base };
      if (e.type === 'REQUEST_SUPPLEMENT') return { ...resolve({ ...spec.request, ...(e.item ? { item: e.item } : {}), fill: true }, flow, snapshot, now, actors), ...base };
      if (e.type === 'SUPPLEMENT') return { ...resolve({ ...spec.supplement, ...(e.item ? { item: e.item } : {}) }, flow, snapshot, now, actors), ...base };
      const deadline = Object.entries(snapshot.deadlines).find(([, d]) => d.event === e.type && d.item === e.item);
      if (deadline && e.roles.includes('system')) return { ...resolve({ kind: 'deadline', pick: 0, early: false }, flow, { ...snapshot, deadlines: { [deadline[0]]: deadline[1] } }, now, actors), ...base };
      return { event: { type: e.type, ...(e.item ? { item: e.item } : {}), reason: 'checked' }, at: now, ...base };
    }
    case 'deadline': {
      const keys = Object.keys(snapshot.deadlines).sort();
      if (keys.length === 0) return { event: { type: 'OVERDUE', deadline: 'nothing' }, at: now };
      const key = keys[spec.pick % keys.length]!;
      const d = snapshot.deadlines[key]!;
      const due = Date.parse(d.due);
      return { event: deadlineEvent({ key, event: d.event, ...(d.item ? { item: d.item } : {}) }), at: spec.early ? Math.min(now, due - 1000) : Math.max(now, due) };
    }
  }
}

class StepCommand implements fc.Command<Model, Real> {
  constructor(
    readonly spec: EventSpec,
    readonly actor: Actor,
    readonly hours: number,
    readonly actors: Actor[],
  ) {}
  check = () => true;
  run(_: Model, real: Real): void {
    const now = real.now + this.hours * 3_600_000;
    const resolved = resolve(this.spec, real.flow, real.live, now, this.actors);
    const { event, at } = resolved;
    const actor = resolved.actor ?? this.actor;
    // Time never runs backwards for an application: an early deadline fires "before" but not before the last step.
    const when = new Date(Math.max(at, Date.parse(real.live.updatedAt))).toISOString();
    const live = step(real.flow, real.live, event, actor, when);
    const restored = step(real.restoredFlow, JSON.parse(real.stored) as ApplicationSnapshot, JSON.parse(JSON.stringify(event)) as FlowEvent, actor, when);
    expect(clean(restored)).toEqual(clean(live));
    if ('refused' in live) {
      const code = (live as StepRefusal).refused.code;
      real.refusals.set(code, (real.refusals.get(code) ?? 0) + 1);
      expect(code).not.toBe('flow-error');
      // A deadline the scheduler fires on time is always consumed: it never stays issued in the snapshot.
      if (event.deadline !== undefined && actor.role === 'system') expect(['deadline-not-due', 'deadline-not-active', 'application-done']).toContain(code);
      return;
    }
    const result = live as StepResult;
    expect(clean(result.snapshot)).toEqual(result.snapshot);
    expect(result.snapshot.seq).toBe(real.live.seq + 1);
    applyEffects(real.scheduled, result.effects);
    expect(Object.fromEntries(real.scheduled)).toEqual(result.snapshot.deadlines);
    // A running clock always has its deadline out (or has been reported overdue); a stopped one never.
    for (const [key, clock] of Object.entries(result.snapshot.clocks)) {
      if (clock.status === 'running') expect(key in result.snapshot.deadlines || clock.overdueAt !== undefined, key).toBe(true);
      else expect(key in result.snapshot.deadlines, key).toBe(false);
    }
    if (result.snapshot.status === 'done') expect(result.snapshot.deadlines).toEqual({});
    if (event.type === 'REQUEST_SUPPLEMENT') {
      const round = result.snapshot.context.supplements.at(-1)!;
      if (round.fieldReasons || round.materialReasons) real.rounds.ownReasons++;
      if (round.reason === undefined) real.rounds.noOverall++;
      // every flagged entry has a reason: its own or the overall one
      for (const path of round.fields) expect(round.fieldReasons?.[path] ?? round.reason).toBeTruthy();
      for (const id of round.materials) expect(round.materialReasons?.[id] ?? round.reason).toBeTruthy();
    }
    real.live = result.snapshot;
    real.stored = JSON.stringify(result.snapshot);
    real.now = Math.max(now, Date.parse(when));
    real.steps++;
  }
  toString = () => `${JSON.stringify(this.spec)} by ${this.actor.id} +${this.hours}h`;
}

/** Every event type the flow's machine handles: `[item | undefined, TYPE]`. */
function eventsOf(flow: ApplicationFlow): Array<[string | undefined, string]> {
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { on?: object; states?: object };
    for (const key of Object.keys(n.on ?? {})) found.add(key);
    for (const child of Object.values(n.states ?? {})) walk(child);
  };
  walk(flow.machine);
  return [...found].sort().map((key) => {
    const slash = key.indexOf('/');
    return slash === -1 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  });
}

/** Answers for the guidance questions: booleans and enums of the questions schema. */
function answersArbitrary(questions: JsonSchema): fc.Arbitrary<{ [key: string]: Json }> {
  const props: Record<string, fc.Arbitrary<Json>> = {};
  for (const [name, schema] of Object.entries(questions.properties ?? {})) {
    if (schema.type === 'boolean') props[name] = fc.boolean();
    else if (Array.isArray(schema.enum) && schema.enum.length) props[name] = fc.constantFrom(...schema.enum);
  }
  return fc.record(props) as fc.Arbitrary<{ [key: string]: Json }>;
}

/** Everyone who might send an event: the applicant, a stranger, clerks and reviewers of every department, admin, system. */
function actorsOf(flow: ApplicationFlow): Actor[] {
  const departments = [...new Set([flow.lead, ...flow.items.map((i) => i.department)])];
  return [
    { id: 'applicant', role: 'applicant' },
    { id: 'stranger', role: 'applicant' },
    { id: 'admin', role: 'admin' },
    { id: 'scheduler', role: 'system' },
    ...departments.flatMap((d): Actor[] => [
      { id: `clerk@${d}`, role: 'clerk', department: d },
      { id: `reviewer@${d}`, role: 'reviewer', department: d },
    ]),
  ];
}

/**
 * Runs the model-based test; returns how many steps were taken and refused, by code, so a
 * caller can check that the runs reached deep into the flow.
 */
export function checkFlowModel(
  flow: ApplicationFlow,
  questions: JsonSchema,
  data: { [key: string]: Json },
  numRuns: number,
  seed?: number,
): { runs: number; steps: number; refusals: Map<string, number>; states: Set<string>; rounds: Real['rounds'] } {
  const actors = actorsOf(flow);
  const events = eventsOf(flow);
  const actor = fc.constantFrom(...actors);
  const hours = fc.constantFrom(0, 1, 4, 24, 72, 240);
  const reason = fc.option(fc.constantFrom('材料不清晰', 'missing stamp', ''), { nil: undefined });
  const item = fc.option(fc.constantFrom(...flow.items.map((i) => i.id)), { nil: undefined });
  const indexes = fc.array(fc.nat(50), { maxLength: 3 });
  const plain = fc.constantFrom(...events).chain(([it, type]) => reason.map((r): EventSpec => ({ kind: 'plain', type, ...(it ? { item: it } : {}), ...(r ? { reason: r } : {}) })));
  const save = fc.record({ type: fc.constantFrom('SAVE' as const, 'SUBMIT' as const), answers: answersArbitrary(questions) }).map((s): EventSpec => ({ kind: 'save', ...s }));
  const own = fc.array(
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: fc.constantFrom('照片不清晰', 'wrong check digit'), weight: 6 }, { arbitrary: fc.constant(''), weight: 1 }),
    { maxLength: 6 },
  );
  const request = fc
    .record({ item, fields: indexes, materials: indexes, reason, own })
    .map((r): EventSpec => ({ kind: 'request', fields: r.fields, materials: r.materials, own: r.own, ...(r.item ? { item: r.item } : {}), ...(r.reason !== undefined ? { reason: r.reason } : {}) }));
  const supplement = fc
    .record({ item, fields: indexes, flagged: fc.boolean(), value: fc.string({ maxLength: 8 }), material: fc.option(fc.nat(10), { nil: undefined }) })
    .map((s): EventSpec => ({ kind: 'supplement', fields: s.fields, flagged: s.flagged, value: s.value, ...(s.item ? { item: s.item } : {}), ...(s.material !== undefined ? { material: s.material } : {}) }));
  const deadline = fc.record({ pick: fc.nat(20), early: fc.boolean() }).map((d): EventSpec => ({ kind: 'deadline', ...d }));
  const guided = fc
    .record({ pick: fc.nat(1000), answers: answersArbitrary(questions), request, supplement })
    .map((g): EventSpec => ({ kind: 'guided', ...g }) as EventSpec);
  const spec = fc.oneof(
    { arbitrary: guided, weight: 12 },
    { arbitrary: plain, weight: 4 },
    { arbitrary: save, weight: 1 },
    { arbitrary: request, weight: 1 },
    { arbitrary: supplement, weight: 2 },
    { arbitrary: deadline, weight: 2 },
  );
  const command = fc.tuple(spec, actor, hours).map(([s, a, h]) => new StepCommand(s, a, h, actors));

  const totals = { runs: 0, steps: 0, refusals: new Map<string, number>(), states: new Set<string>(), rounds: { ownReasons: 0, noOverall: 0 } };
  const restoredFlow = JSON.parse(JSON.stringify(flow)) as ApplicationFlow;
  fc.assert(
    fc.property(fc.commands([command], { maxCommands: 60, size: 'large' }), answersArbitrary(questions), (commands, answers) => {
      const t0 = Date.parse('2025-09-25T01:00:00.000Z');
      const started = start(flow, { actor: actors[0]!, now: new Date(t0).toISOString(), answers, data });
      if ('refused' in started) throw new Error(started.refused.message.en);
      const real: Real = {
        flow,
        restoredFlow,
        live: started.snapshot,
        stored: JSON.stringify(started.snapshot),
        scheduled: new Map(),
        now: t0,
        steps: 0,
        refusals: totals.refusals,
        rounds: totals.rounds,
      };
      fc.modelRun(() => ({ model: {}, real }), commands);
      totals.runs++;
      totals.steps += real.steps;
      totals.states.add(JSON.stringify(real.live.value));
    }),
    { numRuns, ...(seed !== undefined ? { seed } : {}) },
  );
  return totals;
}
