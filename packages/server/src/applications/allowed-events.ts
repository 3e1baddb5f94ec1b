import { availableEvents, type Actor, type ApplicationFlow, type ApplicationSnapshot, type AvailableEvent } from '@onething/engine';

/** Drafts have their own routes (save, submit); the events route never takes these. */
const DRAFT_EVENTS = new Set(['SAVE', 'SUBMIT']);

/**
 * The events the caller may send now: what the flow offers each of the caller's actors in the
 * current state (`availableEvents` of the engine — states and roles; conditions on data or on
 * the payload are checked when the event is sent), once per event, the first actor's view
 * winning (the one `POST …/events` would act as).
 * @example allowedEvents(runtime.flow, snapshot, actorsFor(access, app, applicant)) // [{ type: 'CLAIM', title: { … }, branches: [ … ] }]
 */
export function allowedEvents(flow: ApplicationFlow, snapshot: ApplicationSnapshot, actors: readonly Actor[]): AvailableEvent[] {
  const events = new Map<string, AvailableEvent>();
  for (const actor of actors) {
    for (const event of availableEvents(flow, snapshot, actor)) {
      const key = `${event.item ?? ''}/${event.type}`;
      if (!DRAFT_EVENTS.has(event.type) && !events.has(key)) events.set(key, event);
    }
  }
  return [...events.values()];
}
