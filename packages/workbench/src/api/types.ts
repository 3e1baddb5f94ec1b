import type { Json, MaterialValue, StateValue, SupplementRound, Text } from '@onething/engine';

/** An application as the queue lists it (no form data). */
export interface ApplicationSummary {
  id: string;
  revision: number;
  bundle: { id: string; version: string; hash: string };
  status: 'draft' | 'open' | 'closed';
  /** The top-level flow state (`reception`, `supplement`, `processing`, …). */
  state: string;
  region: string;
  departments: string[];
  nextDeadline: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** The applicant's name as the server masks it for lists (王*), when the server sends it. */
  applicantName?: string | null;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/**
 * A supplement round as the server returns it (the engine's `SupplementRound`): the flagged
 * paths and ids, each entry's own reason in `fieldReasons` / `materialReasons`, and the overall
 * `reason` (absent when every entry has its own; rounds recorded before per-entry reasons have only it).
 */
export type SupplementRoundView = SupplementRound;

/** The flow part of an application. */
export interface FlowView {
  value: StateValue;
  status: 'active' | 'done';
  active: string[];
  outcome: string | null;
  reason: string | null;
  items: Record<string, { outcome: string | null; decidedAt: string | null }>;
  supplements: SupplementRoundView[];
  openSupplement: SupplementRoundView | null;
  deadlines: Record<string, { due: string; event: string; item?: string }>;
}

/** One audit entry of the timeline: who did what, when, from which state to which. */
export interface TimelineEntry {
  seq: number;
  at: string;
  actor: { sub?: string; role: string; department?: string };
  event: string;
  item?: string;
  from: StateValue | null;
  to: StateValue;
  /** Payload facts the server keeps (a supplement request's `fields` and `materials` as sent: paths, ids or `{ path | id, reason }`). */
  detail?: { reason?: string; fields?: Json; materials?: Json; comment?: string; deadline?: string; [key: string]: Json | undefined };
}

/**
 * An event the caller may send now, as the server computes it from the flow (the engine's
 * `availableEvents`): the event, the item whose chart takes it, its title, where it may lead
 * and what it carries. The workbench offers exactly these and never guesses others.
 */
export interface AllowedEvent {
  type: string;
  item?: string;
  title?: Text;
  /** Each transition the event may take (a guarded event has one per condition). */
  branches?: Array<{ title: Text; target?: { path: string; title: Text; final: boolean; outcome?: string } }>;
  /** `reason`: it takes a reason; `supplement`: fields, materials and a reason. */
  input?: 'reason' | 'supplement';
  /** The flow refuses it without a reason. */
  reasonRequired?: boolean;
  /** The branch it takes now, when that does not depend on what it carries (index into `branches`). */
  next?: number;
}

/** One application with its timeline, deadlines and files — what the application view shows. */
export interface ApplicationView extends ApplicationSummary {
  answers: Record<string, Json>;
  data: Record<string, Json>;
  materials: Record<string, MaterialValue>;
  flow: FlowView | null;
  timeline: TimelineEntry[];
  deadlines: Array<{ key: string; due: string; event: string; status: string }>;
  attachments: Array<{ materialId: string; sha256: string; name: string; size: number; type: string; at: string }>;
  /** The events this caller may send now (from the server; the workbench never guesses them). */
  allowedEvents?: AllowedEvent[];
  /** The title of every state of the application's flow, by path (`reception.preReview`, `processing.<item>.review`). */
  stateTitles?: Record<string, Text>;
  /** The title of every event of the flow, by `<TYPE>` or `<item>/<TYPE>`. */
  eventTitles?: Record<string, Text>;
}
