import type { Json } from '../json.js';
import type { ComposedBundle } from '../compose/types.js';
import type { Registry } from '../definitions/registry-types.js';
import type { Diagnostic, Result } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { flowDefinitionNotFound, flowInvalidCalendar, flowInvalidChart } from '../diagnostics/codes/flow.js';
import { hashDefinition } from '../definitions/hash.js';
import { checkCalendar, chinaCalendar } from './calendar/calendar.js';
import { orchestrationChart, orchestrationSettings } from './orchestration/chart.js';
import { rewriteChart } from './rewrite.js';
import { compile } from './machine.js';
import type { ApplicationFlow, ApplicationFlowOptions, FlowItem, MachineConfig } from './types.js';

/** Version of the generated orchestration; part of every flow's hash. */
export const ORCHESTRATION_VERSION = 'onething.orchestration/1';

type Config = { [key: string]: Json };

/**
 * Builds a bundle's application flow: the generated orchestration (with the bundle's `flow`
 * overrides) and, in its `processing` state, one parallel region per candidate item running
 * that item's chart — an item the guidance answers leave out finishes its region at once.
 * The result is plain JSON; build it once per composed bundle version and reuse it.
 * @example
 * const { value: flow, diagnostics } = createApplicationFlow(composed, registry);
 * if (flow) snapshot = (start(flow, { actor, now }) as StepResult).snapshot;
 */
export function createApplicationFlow(composed: ComposedBundle, registry: Registry, options: ApplicationFlowOptions = {}): Result<ApplicationFlow | null> {
  const diagnostics: Diagnostic[] = [];
  const calendar = options.calendar ?? chinaCalendar;
  for (const problem of checkCalendar(calendar)) diagnostics.push(report(flowInvalidCalendar, { pointer: '' }, { problem }));

  const header = composed.bundle;
  const bundle = registry.bundle(header.id, header.version);
  if (!bundle) diagnostics.push(report(flowDefinitionNotFound, { pointer: '' }, { kind: 'bundle', id: header.id, version: header.version }));
  const overrides = bundle?.definition.flow ?? {};
  const settings = orchestrationSettings(header.limits, overrides);
  const root = rewriteChart(orchestrationChart(settings), {
    scope: 'bundle',
    keyPrefix: '',
    eventPrefix: '',
    department: header.lead.id,
    chartId: 'application',
    nodeId: 'application',
    holds: [],
    internal: true,
    ...(bundle ? { file: bundle.file } : {}),
    pointer: '/flow',
  });
  diagnostics.push(...root.diagnostics);

  const regions: Config = {};
  const items: FlowItem[] = [];
  for (const composedItem of composed.items) {
    const loaded = registry.items.get(composedItem.id)?.get(composedItem.version);
    if (!loaded) {
      diagnostics.push(report(flowDefinitionNotFound, { pointer: '' }, { kind: 'item', id: composedItem.id, version: composedItem.version }));
      continue;
    }
    const { id } = composedItem;
    const chart = loaded.definition.flow;
    const key = `processing.${id}`;
    const rewritten = rewriteChart(chart, {
      scope: id,
      keyPrefix: key,
      eventPrefix: `${id}/`,
      department: composedItem.department.id,
      ...(chart.id !== undefined ? { chartId: chart.id } : {}),
      nodeId: `application.processing.${id}`,
      holds: [key],
      internal: false,
      file: loaded.file,
      pointer: '/flow',
    });
    diagnostics.push(...rewritten.diagnostics);
    const limitDays = composedItem.limits.promisedDays;
    const days = composedItem.limits.days ?? 'working';
    regions[id] = {
      initial: '@check',
      meta: { title: composedItem.title as unknown as Json, limitDays, days },
      entry: [{ type: '@enter', params: { key, scope: id, limitDays, days, event: 'OVERDUE' } }],
      exit: [{ type: '@exit', params: { key, scope: id, timed: true } }],
      states: {
        '@check': {
          always: [
            {
              target: chart.initial,
              guard: { type: '@active', params: { scope: id, params: {} } },
              actions: [{ type: '@effects', params: { action: 'notify', scope: id, params: { to: 'reviewer', template: 'onething.dispatched' } } }],
            },
            { target: '@skipped' },
          ],
        },
        '@skipped': { type: 'final' },
        ...rewritten.states,
      },
      ...(rewritten.on ? { on: rewritten.on } : {}),
    };
    items.push({
      id,
      version: composedItem.version,
      department: composedItem.department.id,
      ...(composedItem.when !== undefined ? { when: composedItem.when } : {}),
      projection: composed.projection[id] ?? [],
      materials: composed.materials.filter((m) => m.items.includes(id)).map((m) => m.id),
      context: (chart.context ?? {}) as { [key: string]: Json },
    });
  }
  (root.states.processing as Config).states = regions;

  const machine: MachineConfig = { id: 'application', initial: 'draft', states: root.states };
  const behaviour = {
    lead: header.lead.id,
    migrations: [...(overrides.migrations ?? [])],
    items,
    fields: Object.keys(composed.fields),
    computed: Object.entries(composed.rules)
      .filter(([, rules]) => rules.value !== undefined)
      .map(([path]) => path),
    materials: composed.materials.map((m) => m.id),
    supplement: { maxRounds: settings.maxRounds },
    machine,
  };
  const flow: ApplicationFlow = {
    format: 'onething.flow/1',
    // The hash covers everything that decides behaviour (not the calendar, which only dates
    // deadlines): two flows with one hash run the same machine, which `compile` relies on.
    definition: { id: header.id, version: header.version, hash: hashDefinition({ generator: ORCHESTRATION_VERSION, ...behaviour }) },
    ...behaviour,
    calendar,
  };
  if (diagnostics.some((d) => d.severity === 'error')) return { value: null, diagnostics };
  try {
    compile(flow);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    const item = /application\.processing\.([a-z0-9-]+)/.exec(problem)?.[1] ?? header.id;
    diagnostics.push(report(flowInvalidChart, { pointer: '' }, { item, problem }));
    return { value: null, diagnostics };
  }
  return { value: flow, diagnostics };
}
