import { eventTitles, stateTitles, type ApplicationFlow, type ApplicationSnapshot, type Json, type Text } from '@onething/engine';
import type { Services } from '../services.js';
import type { ApplicationRecord } from '../store/types.js';
import { isStaff } from '../auth/principal.js';
import { actorsFor, applicationInboxTargets, type Access } from './access.js';
import { allowedEvents } from './allowed-events.js';
import { maskedApplicantName } from './applicant-name.js';

/** What lists show of an application (no form data; the applicant's name masked). */
export function summaryView(app: ApplicationRecord) {
  return {
    id: app.id,
    revision: app.revision,
    bundle: { id: app.bundle.id, version: app.bundle.version, hash: app.bundle.hash },
    status: app.status,
    state: app.state,
    region: app.region,
    departments: app.departments,
    nextDeadline: app.nextDeadline,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    submittedAt: app.submittedAt,
    applicantName: maskedApplicantName(app.data),
  };
}

const titlesOf = new WeakMap<ApplicationFlow, { stateTitles: Record<string, Text>; eventTitles: Record<string, Text> }>();

/** The titles of a flow's states (by path) and events (by `<item>/<TYPE>`), built once per flow. */
function flowTitles(flow: ApplicationFlow) {
  let titles = titlesOf.get(flow);
  if (!titles) titlesOf.set(flow, (titles = { stateTitles: stateTitles(flow), eventTitles: eventTitles(flow) }));
  return titles;
}

/** The flow as clients need it: state, items and their outcomes, supplement rounds. */
function flowView(snapshot: ApplicationSnapshot | null) {
  if (!snapshot) return null;
  const c = snapshot.context;
  return {
    value: snapshot.value,
    status: snapshot.status,
    active: c.active,
    outcome: c.outcome ?? null,
    reason: c.reason ?? null,
    items: Object.fromEntries(Object.entries(c.items).map(([id, s]) => [id, { outcome: s.outcome ?? null, decidedAt: s.decidedAt ?? null }])),
    supplements: c.supplements,
    openSupplement: c.supplements.find((s) => !s.answer) ?? null,
    deadlines: snapshot.deadlines,
  };
}

/** One application as a change returns it: summary, form data and flow (no store reads). */
export function recordView(app: ApplicationRecord) {
  return {
    ...summaryView(app),
    answers: app.answers,
    data: app.data,
    materials: app.materials,
    flow: flowView(app.flow as unknown as ApplicationSnapshot | null) as unknown as Json,
  };
}

/**
 * One application with its timeline (audit trail), pending deadlines, uploaded files, rating,
 * the caller's notifications about it (newest 50), the events the caller may send now, and the
 * titles of the flow's states and events (to name where it stands and what happened).
 * Applicants see staff actors by role and department only.
 * @example res.json(await fullView(app, services, access))
 */
export async function fullView(app: ApplicationRecord, services: Pick<Services, 'store' | 'catalog'>, access: Access) {
  const { store } = services;
  const staff = isStaff(access.principal);
  const [trail, deadlines, attachments, rating, inbox, runtime] = await Promise.all([
    store.auditTrail(app.id),
    store.deadlines(app.id),
    store.attachments(app.id),
    store.getRating(app.id),
    store.inbox({ targets: applicationInboxTargets(access, app), applicationId: app.id, limit: 50 }),
    app.flow ? services.catalog.pinned(app.bundle) : null,
  ]);
  const timeline = trail.map((e) => ({
    ...e,
    actor: staff || e.actor.role === 'applicant' ? e.actor : { role: e.actor.role, ...(e.actor.department ? { department: e.actor.department } : {}) },
  }));
  const snapshot = app.flow as unknown as ApplicationSnapshot | null;
  return {
    ...recordView(app),
    timeline,
    deadlines: deadlines.filter((d) => d.status === 'pending').map(({ key, due, event, status }) => ({ key, due, event, status })),
    attachments: attachments.map(({ materialId, sha256, name, size, type, at }) => ({ materialId, sha256, name, size, type, at })),
    rating: rating ? { applicationId: rating.applicationId, score: rating.score, comment: rating.comment, at: rating.at } : null,
    notifications: inbox.items.map(({ id, at, template, item, title, body }) => ({ id, at, template, item, title, body })),
    allowedEvents:
      app.status === 'draft' || !runtime || !snapshot ? [] : allowedEvents(runtime.flow, snapshot, actorsFor(access, app, snapshot.context.applicant)),
    ...(runtime ? flowTitles(runtime.flow) : { stateTitles: {}, eventTitles: {} }),
  };
}
