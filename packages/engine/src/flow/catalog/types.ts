import type { Json, JsonSchema } from '../../json.js';
import type { EvaluateOptions } from '../../rules/index.js';
import type { Text } from '../../text.js';
import type { Actor, ApplicationContext, ApplicationFlow, FlowEvent, NotifyEffect, Refusal } from '../types.js';

/** What a rule in a chart sees: the scope's data, its context and the event's payload. */
export interface RuleScope {
  /** The item's own data (projected from the bundle data); the bundle data at bundle scope. */
  data: { [key: string]: Json };
  /** The guidance answers. */
  answers: { [key: string]: Json };
  /** The item chart's own context; the application context at bundle scope. */
  context: { [key: string]: Json };
  event: FlowEvent;
}

/** Everything a guard or an action may read. Built per call from XState's arguments. */
export interface CatalogArgs<P> {
  params: P;
  /** `bundle` for the orchestration, else the id of the item whose chart names the entry. */
  scope: string;
  context: ApplicationContext;
  event: FlowEvent;
  actor: Actor;
  now: string;
  flow: ApplicationFlow;
  /** The data rules see at this scope (built lazily, once per step while the context stays the same). */
  rules(): RuleScope;
  /** Options for `evaluate`: `now` as a moment, read at the calendar's UTC offset (so `today` is the local date). */
  evaluateOptions(): EvaluateOptions;
}

/** Where effect-producing actions put what the server must do. */
export interface EffectSink {
  notify(effect: Omit<NotifyEffect, 'type'>): void;
  /** Issues (or re-issues) a deadline `days` counted days after now. */
  deadline(key: string, days: number, kind: 'working' | 'calendar', event: string, item?: string): void;
  cancel(key: string): void;
}

interface Descriptor {
  /** The name charts use: `{ "type": "<type>", "params": { … } }`. */
  type: string;
  title: Text;
  description: Text;
  /** JSON Schema of `params`; the linter checks charts against it. */
  params: JsonSchema;
  /** Example params, shown by the designer and the docs. */
  example: { [key: string]: Json };
}

/** A guard of the catalog: a condition on a transition. */
export interface GuardDescriptor<P = any> extends Descriptor {
  test(args: CatalogArgs<P>): boolean;
}

/**
 * An action of the catalog. Actions run in order as XState takes the transition (exit
 * actions, the transition's, entry actions), each seeing the context the ones before it left.
 * `check` runs first and may refuse the event (a payload that does not fit): the step then
 * returns the refusal and nothing changes. `assign` changes the application context (later
 * actions and guards see it); `effects` tells the server what to do.
 */
export interface ActionDescriptor<P = any> extends Descriptor {
  check?(args: CatalogArgs<P>): Refusal | undefined;
  assign?(args: CatalogArgs<P>): ApplicationContext;
  effects?(args: CatalogArgs<P>, sink: EffectSink): void;
}
