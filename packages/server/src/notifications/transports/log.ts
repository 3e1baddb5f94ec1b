import { text } from '@onething/engine';
import type { TransportDescriptor } from '../transport.js';

/**
 * `log`: writes each notification as a log line (development; `onething serve --demo`).
 * The logger masks ID and mobile numbers as everywhere.
 * @example logTransport.create({}, { store, logger })
 */
export const logTransport: TransportDescriptor = {
  type: 'log',
  title: text('日志', 'Log'),
  create: (_options, { logger }) => ({
    type: 'log',
    async deliver(n) {
      logger.info({ notification: n.id, applicationId: n.applicationId, to: n.to, template: n.template, title: n.title['zh-CN'], body: n.body['zh-CN'] }, 'notification');
    },
  }),
};
