import type { ItemDefinition, Json, NotifyEffect, Text } from '@onething/engine';
import type { ApplicationRecord, InboxEntry, OutboxRecord } from '../store/types.js';
import type { BundleRuntime, Catalog } from '../catalog/catalog.js';
import { fill, notificationText } from './texts.js';
import { supplementParams } from './supplement-params.js';

/** A notification ready to deliver: who it is for and its texts in every locale. */
export interface Notification {
  /** The outbox message's id: a transport that sees it twice can tell (deliveries are at least once). */
  id: string;
  applicationId: string;
  at: string;
  template: string;
  /** The flow's recipient: `applicant`, `admin`, `clerk:<department>` or `reviewer:<department>`. */
  to: string;
  target: InboxEntry['target'];
  /** The item whose chart sent it, if any. */
  item: string | null;
  title: Text;
  body: Text;
  params: Record<string, Json>;
  application: { id: string; bundle: { id: string; version: string }; state: string; region: string };
}

/**
 * The inbox target of a recipient: the applicant (by token subject, or by application for a
 * citizen who never logged in), a department's clerks or reviewers in the application's
 * region, or the admins.
 * @example targetOf('reviewer:huarong-health', app) // { kind: 'reviewer', subject: 'huarong-health', region: '420703' }
 */
export function targetOf(to: string, app: Pick<ApplicationRecord, 'id' | 'owner' | 'region'>): InboxEntry['target'] {
  const [role = '', department = ''] = to.split(':', 2);
  const region = app.region;
  if (role === 'applicant') return app.owner ? { kind: 'applicant', subject: app.owner, region } : { kind: 'application', subject: app.id, region };
  if (role === 'clerk' || role === 'reviewer') return { kind: role, subject: department, region };
  return { kind: 'admin', subject: '', region };
}

/**
 * Renders an outbox message of an application: its template's text (the item's or bundle's
 * own, else the server's default, else the engine's), filled with the effect's params and
 * `{item}`, `{bundle}`, `{template}`; a supplement's fields and materials by their titles, each
 * with its own reason (`params` keeps them as the flow sent them).
 * @example const n = await renderNotification(message, app, runtime, catalog)
 */
export async function renderNotification(message: OutboxRecord, app: ApplicationRecord, runtime: BundleRuntime, catalog: Catalog): Promise<Notification> {
  const effect = message.effect as unknown as NotifyEffect;
  const item = effect.item ?? null;
  const composedItem = item ? runtime.composed.items.find((i) => i.id === item) : undefined;
  const itemDefinition = item ? ((await catalog.registry()).items.get(item)?.get(runtime.ref.items[item] ?? '')?.definition as ItemDefinition | undefined) : undefined;
  const texts = notificationText(effect.template, [itemDefinition?.notifications, runtime.loaded.definition.notifications]);
  const params: Record<string, Json | Text> = {
    bundle: runtime.composed.bundle.title,
    ...(composedItem ? { item: composedItem.title } : {}),
    template: effect.template,
    ...supplementParams(effect.template, effect.params, runtime.composed),
  };
  return {
    id: message.id,
    applicationId: app.id,
    at: message.at,
    template: effect.template,
    to: effect.to,
    target: targetOf(effect.to, app),
    item,
    title: fill(texts.title, params),
    body: fill(texts.body, params),
    params: effect.params,
    application: { id: app.id, bundle: { id: app.bundle.id, version: app.bundle.version }, state: app.state, region: app.region },
  };
}
