import type { ApplicationSnapshot, Effect, Json, StateValue, StepResult } from '@onething/engine';
import type { ApplicationChange } from '../store/port.js';
import type { ApplicationRecord, DeadlineRecord, OutboxRecord, StoredResponse } from '../store/types.js';
import { outboxDefaults } from '../store/outbox.js';
import { auditHeadAfter, chainAudit, type AuditInput } from '../store/audit.js';
import { canonicalHash } from '../util/hash.js';
import { timeOrderedId } from '../util/ids.js';
import type { BundleRuntime } from '../catalog/catalog.js';
import { storedFlowBody } from '../catalog/stored-flow.js';

/** The top-level state of a state value: `'draft'`, or `'processing'` for `{ processing: {…} }`. */
export function stateName(value: StateValue): string {
  return typeof value === 'string' ? value : (Object.keys(value)[0] ?? 'unknown');
}

/** The departments whose queues show an application: the lead window and every active item's department. */
export function departmentsOf(runtime: BundleRuntime, snapshot: ApplicationSnapshot): string[] {
  const departments = new Set([runtime.flow.lead]);
  for (const item of runtime.flow.items) if (snapshot.context.active.includes(item.id)) departments.add(item.department);
  return [...departments];
}

/** The earliest deadline a snapshot has issued. */
function nextDeadline(snapshot: ApplicationSnapshot): string | null {
  const dues = Object.values(snapshot.deadlines).map((d) => d.due).sort();
  return dues[0] ?? null;
}

/** Event payload facts worth keeping in the audit trail (never form data). */
const AUDITED_PAYLOAD = ['reason', 'fields', 'materials', 'deadline', 'comment'] as const;

/**
 * The store change for one or more flow steps: the new record (revision + 1), the
 * hash-chained audit entries, deadlines to persist or cancel, and notifications.
 * @example const change = applicationChange(app, runtime, [result], { now, payloads: [event] })
 */
export function applicationChange(
  previous: ApplicationRecord | null,
  base: Pick<ApplicationRecord, 'id' | 'owner' | 'continuation' | 'createdAt'> & { submittedAt?: string | null },
  runtime: BundleRuntime,
  steps: Array<{ result: StepResult; payload?: Record<string, Json | undefined> }>,
  now: Date,
  extra: { idempotency?: { scope: string; key: string; requestHash: string; response: StoredResponse }; fire?: { id: string; owner: string } } = {},
): ApplicationChange {
  const last = steps.at(-1);
  if (!last) throw new Error('applicationChange needs a step');
  const snapshot = last.result.snapshot;
  const at = now.toISOString();
  const context = snapshot.context;
  // The engine hashes the canonical { answers, data, materials } in each step that changed them:
  // the last such hash is the current one. Without one (no step changed the data) it is hashed here.
  const dataHash =
    steps.findLast((s) => s.result.audit.dataHash !== undefined)?.result.audit.dataHash ??
    canonicalHash({ answers: context.answers, data: context.data, materials: context.materials });
  const inputs: AuditInput[] = steps.map(({ result, payload }) => {
    const a = result.audit;
    const detail: Record<string, Json> = {};
    for (const key of AUDITED_PAYLOAD) if (payload?.[key] !== undefined) detail[key] = payload[key] as Json;
    const input: AuditInput = {
      applicationId: base.id,
      at: a.at,
      actor: { sub: a.actor.id, role: a.actor.role, ...(a.actor.department ? { department: a.actor.department } : {}) },
      event: a.event,
      from: a.from as Json,
      to: a.to as Json,
      dataHash,
    };
    if (a.item !== undefined) input.item = a.item;
    if (Object.keys(detail).length) input.detail = detail;
    return input;
  });
  const audit = chainAudit(previous?.auditHead ?? null, inputs);
  const state = stateName(snapshot.value);
  const submitted = state !== 'draft';
  const next: ApplicationRecord = {
    id: base.id,
    revision: (previous?.revision ?? 0) + 1,
    bundle: { id: runtime.ref.id, version: runtime.ref.version, hash: runtime.hash, items: runtime.ref.items },
    status: snapshot.status === 'done' ? 'closed' : submitted ? 'open' : 'draft',
    state,
    owner: base.owner,
    region: runtime.composed.bundle.region,
    departments: departmentsOf(runtime, snapshot),
    continuation: base.continuation,
    answers: context.answers,
    data: context.data,
    materials: context.materials,
    flow: snapshot as unknown as Json,
    nextDeadline: nextDeadline(snapshot),
    createdAt: base.createdAt,
    updatedAt: at,
    submittedAt: previous?.submittedAt ?? base.submittedAt ?? (submitted ? at : null),
    auditHead: auditHeadAfter(previous?.auditHead ?? null, audit),
  };
  const cancel: string[] = [];
  const add: DeadlineRecord[] = [];
  const outbox: OutboxRecord[] = [];
  const effects: Effect[] = steps.flatMap((s) => s.result.effects);
  for (const effect of effects) {
    if (effect.type === 'deadline') {
      cancel.push(effect.key);
      for (let i = add.length - 1; i >= 0; i--) if (add[i]?.key === effect.key) add.splice(i, 1);
      add.push({
        id: timeOrderedId(),
        applicationId: base.id,
        key: effect.key,
        due: effect.due,
        event: effect.event,
        ...(effect.item !== undefined ? { payload: { item: effect.item } } : {}),
        status: 'pending',
        leaseOwner: null,
        leaseUntil: null,
        firedAt: null,
      });
    } else if (effect.type === 'cancelDeadline') {
      cancel.push(effect.key);
      for (let i = add.length - 1; i >= 0; i--) if (add[i]?.key === effect.key) add.splice(i, 1);
    } else {
      outbox.push(outboxDefaults({ id: timeOrderedId(), applicationId: base.id, at, effect: effect as unknown as Json }));
    }
  }
  // The flow it ran on, stored by its hash with the change (the store skips what it holds already).
  const change: ApplicationChange = { next, expectedRevision: previous?.revision ?? null, audit, flow: { hash: runtime.hash, body: storedFlowBody(runtime.flow) } };
  if (cancel.length || add.length || extra.fire) {
    change.deadlines = { ...(cancel.length ? { cancel } : {}), ...(add.length ? { add } : {}), ...(extra.fire ? { fire: { ...extra.fire, at } } : {}) };
  }
  if (outbox.length) change.outbox = outbox;
  if (extra.idempotency) change.idempotency = extra.idempotency;
  return change;
}
