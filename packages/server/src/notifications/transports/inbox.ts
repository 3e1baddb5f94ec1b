import { text } from '@onething/engine';
import type { TransportDescriptor } from '../transport.js';

/**
 * `inbox`: the in-app inbox. Each notification becomes one entry for its target (the
 * applicant, a department's clerks or reviewers in the region, the admins), read through
 * `GET /api/inbox` and in the application's `notifications`. Delivering it again writes nothing.
 * @example inboxTransport.create({}, { store, logger })
 */
export const inboxTransport: TransportDescriptor = {
  type: 'inbox',
  title: text('站内消息', 'In-app inbox'),
  create: (_options, { store }) => ({
    type: 'inbox',
    deliver: (n) =>
      store.addInbox([{ id: n.id, applicationId: n.applicationId, at: n.at, target: n.target, template: n.template, item: n.item, title: n.title, body: n.body }]),
  }),
};
