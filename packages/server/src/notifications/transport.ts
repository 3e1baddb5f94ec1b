import type { Text } from '@onething/engine';
import type { Logger } from '../logging.js';
import type { Store } from '../store/port.js';
import type { Notification } from './notification.js';

/** A configured way of delivering notifications. `deliver` throws when it failed (the dispatcher retries). */
export interface Transport {
  /** The descriptor's type; a message remembers which transports delivered it. */
  readonly type: string;
  deliver(notification: Notification): Promise<void>;
}

/** What a transport may use. */
export interface TransportContext {
  store: Store;
  logger: Logger;
}

/**
 * A kind of transport, registered by `type` (see `notificationTransports`): its title and a
 * factory from the operator's options. Deliveries are at least once, so a transport must
 * cope with a notification twice (the inbox keeps one entry per id; webhook receivers get
 * the id in `X-Onething-Delivery`).
 * @example const log: TransportDescriptor<{}> = { type: 'log', title: text('日志', 'Log'), create: (_, { logger }) => ({ type: 'log', deliver: async (n) => logger.info(n) }) };
 */
export interface TransportDescriptor<Options = Record<string, unknown>> {
  type: string;
  title: Text;
  create(options: Options, context: TransportContext): Transport;
}
