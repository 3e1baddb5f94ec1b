import type { ApplicationFlow, HolidayCalendar, Json } from '@onething/engine';
import type { Logger } from '../logging.js';
import type { Store } from '../store/port.js';
import type { Catalog } from './catalog.js';

const bodies = new WeakMap<ApplicationFlow, Json>();

/**
 * A flow as the store keeps it: all of it but the working-day calendar. The calendar only dates
 * deadlines and is not part of the flow's hash; a stored flow runs with the calendar of the day
 * (holiday notices published since the application started count).
 * @example store.putFlow(runtime.hash, storedFlowBody(runtime.flow), now)
 */
export function storedFlowBody(flow: ApplicationFlow): Json {
  let body = bodies.get(flow);
  if (!body) {
    const { calendar: _calendar, ...rest } = flow;
    bodies.set(flow, (body = rest as unknown as Json));
  }
  return body;
}

/**
 * The flow a stored body stands for, with today's calendar; undefined when the body is not a
 * flow stored under `hash` (a damaged row is never run).
 * @example const flow = flowFromStored(await store.getFlow(hash), hash, runtime.flow.calendar)
 */
export function flowFromStored(body: Json | null, hash: string, calendar: HolidayCalendar): ApplicationFlow | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const flow = body as unknown as ApplicationFlow;
  if (flow.format !== 'onething.flow/1' || flow.definition?.hash !== hash || typeof flow.machine !== 'object' || !Array.isArray(flow.items)) return undefined;
  return { ...flow, calendar };
}

/**
 * Stores the flow the engine generates now for every published bundle version (items resolved
 * now), so that applications created before flows were stored with each application keep theirs
 * across a later engine upgrade. Run at start; returns how many flows it handed to the store.
 * @example await storeCurrentFlows(store, catalog, logger, new Date())
 */
export async function storeCurrentFlows(store: Store, catalog: Catalog, logger: Logger, at: Date): Promise<number> {
  let stored = 0;
  for (const bundle of await store.listDefinitions({ kind: 'bundle', status: 'published' })) {
    try {
      const runtime = await catalog.current(bundle.id, bundle.version);
      if (!runtime) continue;
      await store.putFlow(runtime.hash, storedFlowBody(runtime.flow), at.toISOString());
      stored++;
    } catch (error) {
      logger.warn({ bundle: `${bundle.id}@${bundle.version}`, err: error }, 'could not store the flow of a published bundle');
    }
  }
  return stored;
}
