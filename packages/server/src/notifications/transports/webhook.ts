import { createHmac } from 'node:crypto';
import { text } from '@onething/engine';
import type { TransportDescriptor } from '../transport.js';

/** Options of the webhook transport. */
export interface WebhookOptions {
  /** Where to POST each notification (http or https). */
  url: string;
  /** Signs each delivery (HMAC-SHA256) so the receiver can tell it came from this server. */
  secret?: string;
  /** Give up on one attempt after this long (default 5 s); the dispatcher retries later. */
  timeoutMs?: number;
}

/**
 * The signature header of a webhook body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 * A receiver recomputes it with the shared secret and refuses old timestamps (replays).
 * @example webhookSignature('s3cret', '{"id":"…"}', 1767225600) // 't=1767225600,v1=…'
 */
export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

/**
 * `webhook`: POSTs each notification as JSON to the operator's URL — the notification's id
 * in `X-Onething-Delivery` (deliveries are at least once: receivers drop an id they saw),
 * the signature in `X-Onething-Signature`. A 2xx answer is delivered; anything else, a
 * redirect or a timeout is retried with backoff.
 * @example webhookTransport.create({ url: 'https://sms-gateway.example.gov.cn/onething', secret }, context)
 */
export const webhookTransport: TransportDescriptor<WebhookOptions> = {
  type: 'webhook',
  title: text('Webhook（短信、政务 App 等网关）', 'Webhook (SMS, government app gateways)'),
  create(options) {
    const url = new URL(options.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`webhook URL must be http or https: ${options.url}`);
    const timeoutMs = options.timeoutMs ?? 5000;
    return {
      type: 'webhook',
      async deliver(n) {
        const body = JSON.stringify(n);
        const headers: Record<string, string> = { 'content-type': 'application/json', 'x-onething-delivery': n.id, 'user-agent': 'onething-server' };
        if (options.secret) headers['x-onething-signature'] = webhookSignature(options.secret, body, Math.floor(Date.now() / 1000));
        const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
        if (response.status < 200 || response.status > 299) throw new Error(`webhook answered ${response.status}`);
      },
    };
  },
};
