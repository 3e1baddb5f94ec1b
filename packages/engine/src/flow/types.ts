import type { Json, Rule } from '../json.js';
import type { Text } from '../text.js';
import type { ProjectionEntry } from '../compose/types.js';
import type { HolidayCalendar } from './calendar/types.js';

export type { HolidayCalendar };

/**
 * The flow runtime's contract with the server: an application flow built once per composed
 * bundle version, and a pure step function over plain-JSON snapshots. No clock reads, no
 * timers, no I/O: the caller passes `now` and persists the snapshot, the effects (deadlines,
 * notifications) and the audit entry. See docs/flows.md.
 *
 *   createApplicationFlow(composed, registry, options?) → Result<ApplicationFlow | null>
 *   start(flow, { actor, now, answers?, data?, materials? }) → StepResult | StepRefusal
 *   step(flow, snapshot, event, actor, now) → StepResult | StepRefusal
 *   isRefusal(result) → result is StepRefusal
 *   deadlineEvent(deadlineEffect) → FlowEvent     // what the scheduler sends when a deadline is due
 */

/** Who sends an event. `department` scopes clerks and reviewers; `region` is informational. */
export interface Actor {
  id: string;
  role: ActorRole;
  department?: string;
  region?: string;
}

export type ActorRole = 'applicant' | 'clerk' | 'reviewer' | 'admin' | 'system';

/**
 * An event sent to an application. `type` is upper snake case (`ACCEPT`, `APPROVE`); `item`
 * names the item whose chart the event is for (absent: the bundle orchestration). Other
 * properties are the event's payload, readable by rules as `event.<name>`.
 *
 * The orchestration's events and their payloads:
 * - `SAVE` / `SUBMIT` (applicant, in `draft`): `{ answers?, data?, materials? }` replace the draft's.
 * - `WITHDRAW` (applicant, before acceptance).
 * - `CLAIM` (lead clerk, in `submitted`), `ACCEPT` / `REJECT` (lead clerk, in `preReview`; `reason?`).
 * - `REQUEST_SUPPLEMENT` (lead clerk, in `preReview`): `{ fields: Array<path | { path, reason? }>,
 *   materials: Array<id | { id, reason? }>, reason? }` — bundle-data paths and material ids, each with
 *   its own reason (≤ 500 characters) or under the overall `reason` (≤ 2000), which may be left out
 *   when every entry has its own; at most 200 entries per list, none twice.
 * - `SUPPLEMENT` (applicant, in `supplement`): `{ data?: <JSON merge patch of the bundle data>,
 *   materials?: { [id]: MaterialValue } }` — only the flagged fields and materials may change.
 * - `OVERDUE` (system): fires an informational deadline (`deadline: key`).
 * Item charts declare their own events; send them with `item`.
 */
export interface FlowEvent {
  type: string;
  item?: string;
  /** The deadline key, when the scheduler fires a deadline (`deadlineEvent(effect)` builds the event). */
  deadline?: string;
  [payload: string]: Json | undefined;
}

/** Which definition a flow or snapshot belongs to. `hash` covers the bundle, its items and the generator. */
export interface FlowDefinitionRef {
  id: string;
  version: string;
  hash: string;
}

/**
 * A bundle's flow, ready to step: the generated orchestration with every active item's chart
 * as a parallel region, as a plain-JSON XState machine config whose guards and actions name
 * catalog entries. Build it once per composed bundle version and reuse it; it survives
 * `JSON.stringify`/`parse` (the XState machine is rebuilt and cached on first use).
 */
export interface ApplicationFlow {
  format: 'onething.flow/1';
  definition: FlowDefinitionRef;
  /** The lead department (comprehensive window, 综窗). */
  lead: string;
  /** Bundle versions whose in-flight snapshots may be restored into this flow (`flow.migrations`). */
  migrations: string[];
  /** Every candidate item of the bundle, in bundle order. */
  items: FlowItem[];
  /** Bundle-data paths a supplement request may name (every field of the merged form). */
  fields: string[];
  /** Fields computed by a `value` rule: they may change along with flagged fields in a supplement. */
  computed: string[];
  /** Material ids a supplement request may name. */
  materials: string[];
  supplement: { maxRounds: number };
  /** The generated XState v5 machine config (JSON). */
  machine: MachineConfig;
  /** Working-day calendar used for deadlines. */
  calendar: HolidayCalendar;
}

export interface FlowItem {
  id: string;
  version: string;
  department: string;
  /** The bundle's condition over the guidance answers; absent: always active. */
  when?: Rule;
  /** How bundle data maps onto the item's own data (its chart's rules see item data). */
  projection: ProjectionEntry[];
  /** Material ids (of the composed bundle) the item asks for. */
  materials: string[];
  /** The initial context of the item's chart (`flow.context`). */
  context: { [key: string]: Json };
}

/** An XState machine config as JSON (see packages/engine/schemas/flow.schema.json for item charts). */
export type MachineConfig = { [key: string]: Json };

/** A state value as XState reports it: `'draft'` or `{ processing: { 'birth-cert': 'review' } }`. */
export type StateValue = string | { [region: string]: StateValue };

/** The decision on one item, from the `meta.outcome` of the final state its chart reached. */
export type ItemOutcome = 'approved' | 'rejected' | 'withdrawn';

/** The result of the whole application. */
export type ApplicationOutcome = 'completed' | 'partlyCompleted' | 'rejected' | 'withdrawn';

/**
 * A persisted application: plain JSON, safe to `JSON.stringify`, store and give back to `step`.
 * Restoring it into a flow with another version or hash is refused unless that flow declares
 * a migration from the snapshot's version.
 */
export interface ApplicationSnapshot {
  format: 'onething.flow-snapshot/1';
  definition: FlowDefinitionRef;
  status: 'active' | 'done';
  value: StateValue;
  context: ApplicationContext;
  /** XState history states: state id → the ids of the remembered child states. */
  history?: Record<string, string[]>;
  /** Time-limit clocks of states with `meta.limitDays`, keyed by state key. */
  clocks: Record<string, Clock>;
  /** Deadlines currently issued (the server's scheduler should hold exactly these). */
  deadlines: Record<string, Deadline>;
  /** Number of steps taken (start is 0). */
  seq: number;
  /** `now` of the last step. */
  updatedAt: string;
}

export interface ApplicationContext {
  /** The applicant's actor id (only they may send applicant events). */
  applicant: string;
  answers: { [key: string]: Json };
  data: { [key: string]: Json };
  materials: { [id: string]: Json };
  /** Item ids active for the answers, in bundle order (fixed at submission). */
  active: string[];
  /** Every supplement request and its answer, oldest first, bundle- and item-level alike. */
  supplements: SupplementRound[];
  /** Per item: the chart's own context and, once decided, its outcome. */
  items: { [itemId: string]: ItemState };
  /** The application's result, once done. */
  outcome?: ApplicationOutcome;
  /** Who claimed the application at the window. */
  claimedBy?: string;
  /** Reason given with the last REJECT or WITHDRAW, if any. */
  reason?: string;
}

export interface ItemState {
  context: { [key: string]: Json };
  outcome?: ItemOutcome;
  decidedAt?: string;
}

/**
 * One supplement (补正) round: what the reviewer flagged and why, and the applicant's answer.
 * `scope` is `bundle` for the window's pre-review, or the id of the item whose chart asked.
 */
export interface SupplementRound {
  /** 1 for the scope's first request, 2 for its second… (`maxRounds` counts per scope too). */
  round: number;
  scope: string;
  requestedBy: { id: string; role: ActorRole; department?: string };
  requestedAt: string;
  /** Bundle-data paths the applicant may change. */
  fields: string[];
  /** Material ids the applicant may replace. */
  materials: string[];
  /**
   * The round's overall reason, shown above the flagged entries. Absent when every flagged entry
   * has its own; rounds recorded before per-entry reasons always have it.
   */
  reason?: string;
  /** Per-field reasons (bundle-data path → reason), for the flagged fields that were given one. */
  fieldReasons?: { [path: string]: string };
  /** Per-material reasons (material id → reason), for the flagged materials that were given one. */
  materialReasons?: { [id: string]: string };
  answer?: {
    by: string;
    at: string;
    /** The data paths that actually changed. */
    fields: string[];
    materials: string[];
  };
}

/**
 * A time-limit clock of a state with `meta.limitDays` (its key is the state's path, e.g.
 * `reception` or `processing.hukou.review`; an item's region clock is `processing.<item>`).
 * It keeps only the time spent: the limit, the kind of days, the scope and the timeout event
 * are the flow's (the state's `meta`). `elapsedDays` counts whole days (working or calendar)
 * already spent; `since` is set while it runs.
 */
export interface Clock {
  elapsedDays: number;
  since?: string;
  /**
   * `running`; `held` while a pausing descendant state is active; `paused` while the state is
   * left for a pausing state (it resumes on return); `done` once the state is left for good
   * (kept as a record of the days spent).
   */
  status: 'running' | 'held' | 'paused' | 'done';
  /** Set when the limit passed (informational deadlines). */
  overdueAt?: string;
}

export interface Deadline {
  due: string;
  /** The event to send when due; `OVERDUE` for informational limits (no `meta.onTimeout`). */
  event: string;
  item?: string;
}

/** What the server must do after a step, in order. */
export type Effect = DeadlineEffect | CancelDeadlineEffect | NotifyEffect;

/**
 * Persist a deadline (replacing any with the same key) and, at `due`, send
 * `deadlineEvent(effect)` as a `system` actor.
 */
export interface DeadlineEffect {
  type: 'deadline';
  key: string;
  due: string;
  event: string;
  item?: string;
  /** True when the due date lies beyond the holiday calendar's published years (weekends only). */
  provisional?: boolean;
}

export interface CancelDeadlineEffect {
  type: 'cancelDeadline';
  key: string;
}

/**
 * Send a notification. `to` is a role (`applicant`, `clerk:<dept>`, `reviewer:<dept>`, `admin`);
 * `template` names a message template (built-ins in `notificationTemplates`).
 */
export interface NotifyEffect {
  type: 'notify';
  to: string;
  template: string;
  params: { [key: string]: Json };
  item?: string;
}

/** One audit entry per step; the server hash-chains and stores it. */
export interface AuditEntry {
  event: string;
  item?: string;
  actor: Actor;
  from: StateValue | null;
  to: StateValue;
  at: string;
  /** sha-256 (hex) of the canonical JSON of `{ answers, data, materials }`, when the step changed them. */
  dataHash?: string;
}

export interface StepResult {
  snapshot: ApplicationSnapshot;
  effects: Effect[];
  audit: AuditEntry;
}

/** Why `step` refused an event. Never thrown: returned as data. */
export interface StepRefusal {
  refused: Refusal;
}

export interface Refusal {
  code: RefusalCode;
  message: Text;
  /** Details for the caller, e.g. the fields a supplement may not change. */
  details?: { [key: string]: Json };
}

export type RefusalCode =
  | 'event-not-accepted'
  | 'role-forbidden'
  | 'version-mismatch'
  | 'migration-failed'
  | 'invalid-event'
  | 'invalid-actor'
  | 'invalid-snapshot'
  | 'invalid-time'
  | 'application-done'
  | 'unknown-item'
  | 'no-active-item'
  | 'field-not-editable'
  | 'material-not-editable'
  | 'no-open-supplement'
  | 'supplement-pending'
  | 'supplement-rounds-exhausted'
  | 'deadline-not-active'
  | 'deadline-not-due'
  | 'flow-error';

/** Options of `createApplicationFlow`. */
export interface ApplicationFlowOptions {
  /** A region's working-day calendar; default: the national calendar (`chinaCalendar`). */
  calendar?: HolidayCalendar;
}

/** What `start` needs: who applies, when, and the first draft. */
export interface StartInput {
  actor: Actor;
  now: string;
  answers?: { [key: string]: Json };
  data?: { [key: string]: Json };
  materials?: { [id: string]: Json };
}
