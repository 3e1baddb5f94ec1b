import type { TransportContext, Transport, TransportDescriptor } from '../transport.js';
import { inboxTransport } from './inbox.js';
import { logTransport } from './log.js';
import { webhookTransport } from './webhook.js';

/** Every transport kind, keyed by `type`: `inbox` (in-app), `webhook` (an operator's gateway), `log` (development). */
export const notificationTransports: readonly TransportDescriptor<never>[] = [inboxTransport, webhookTransport, logTransport] as TransportDescriptor<never>[];

/** A transport to configure: its `type` and that type's options. */
export type TransportConfig = { type: string } & Record<string, unknown>;

/**
 * Builds the configured transports; an unknown type or bad options throw (at start, not at delivery).
 * @example createTransports([{ type: 'inbox' }, { type: 'webhook', url, secret }], { store, logger })
 */
export function createTransports(configs: readonly TransportConfig[], context: TransportContext): Transport[] {
  return configs.map(({ type, ...options }) => {
    const descriptor = notificationTransports.find((d) => d.type === type);
    if (!descriptor) throw new Error(`unknown notification transport "${type}" (known: ${notificationTransports.map((d) => d.type).join(', ')})`);
    return (descriptor as unknown as TransportDescriptor<Record<string, unknown>>).create(options, context);
  });
}
