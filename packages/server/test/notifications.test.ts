import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { text } from '@onething/engine';
import { call, memoryLogger, seed, startServer, STARTER_FORM, testClock, token, type TestServer } from './helpers.js';
import { createDispatcher, retryDelay } from '../src/notifications/dispatcher.js';
import { createTransports } from '../src/notifications/transports/index.js';
import { webhookSignature } from '../src/notifications/transports/webhook.js';
import { fill, notificationText } from '../src/notifications/texts.js';
import type { Notification } from '../src/notifications/notification.js';
import type { Transport } from '../src/notifications/transport.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { createStoreCatalog } from '../src/catalog/store-catalog.js';

let server: TestServer;
const clock = testClock();
const tokens: Record<string, string> = {};

beforeEach(async () => {
  clock.set('2025-03-03T02:00:00.000Z');
  server = await startServer({ clock });
  await seed(server.services.store);
  tokens.a = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
  tokens.clerk = await token({ sub: 'clerk-1', roles: ['clerk'], region: '310101', department: 'licensing-bureau' });
  tokens.otherClerk = await token({ sub: 'clerk-9', roles: ['clerk'], region: '310102', department: 'licensing-bureau' });
  tokens.reviewer = await token({ sub: 'rev-1', roles: ['reviewer:licensing-bureau'], region: '310101' });
});
afterEach(() => server.close());

/** A transport that records what it delivers and fails while `failing` is set. */
function recording(type = 'recording') {
  const seen: Notification[] = [];
  const transport = {
    type,
    failing: false,
    async deliver(n: Notification) {
      if (transport.failing) throw new Error('gateway down');
      seen.push(n);
    },
  };
  return Object.assign(transport, { seen });
}

function dispatcherFor(s: TestServer, transports: Transport[], extra: Partial<Parameters<typeof createDispatcher>[0]> = {}) {
  const { store, catalog, logger } = s.services;
  return createDispatcher({ store, catalog, clock, logger, transports, owner: 'test', ...extra });
}

async function submitted(): Promise<string> {
  const created = await call(`${server.url}/api/applications`, { token: tokens.a, headers: { 'idempotency-key': `n-${Math.random()}` }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
  expect(created.status).toBe(201);
  return created.body.application.id as string;
}

const send = (id: string, who: string, body: object) => call(`${server.url}/api/applications/${id}/events`, { token: tokens[who], body });

describe('notification delivery', () => {
  it('delivers a submission to the lead window’s inbox in its region, in both languages, once', async () => {
    const id = await submitted();
    const inbox = createTransports([{ type: 'inbox' }], server.services)[0]!;
    const dispatcher = dispatcherFor(server, [inbox]);
    expect(await dispatcher.tick()).toBe(1);
    expect(await dispatcher.tick()).toBe(0);
    const mine = await call(`${server.url}/api/inbox`, { token: tokens.clerk });
    expect(mine.body.items).toEqual([
      {
        id: expect.any(String),
        applicationId: id,
        at: '2025-03-03T02:00:00.000Z',
        template: 'onething.submitted',
        item: null,
        title: { 'zh-CN': '新的申请待签收', en: 'A new application awaits the window' },
        body: { 'zh-CN': '有一件“一件事”申请已提交，请签收并预审。', en: 'An application was submitted; please claim and pre-review it.' },
      },
    ]);
    // another region's clerk, the reviewer and the applicant see nothing of it
    for (const who of ['otherClerk', 'reviewer', 'a']) expect((await call(`${server.url}/api/inbox`, { token: tokens[who] })).body.items).toEqual([]);
    expect((await call(`${server.url}/api/inbox`)).status).toBe(401);
    // the clerk sees it in the application too
    const view = await call(`${server.url}/api/applications/${id}`, { token: tokens.clerk });
    expect(view.body.application.notifications.map((n: { template: string }) => n.template)).toEqual(['onething.submitted']);
  });

  it('texts an item decision with the item’s own text when the definition has one, else the server’s', async () => {
    const rejectedId = await submitted();
    const approvedId = await submitted();
    for (const id of [rejectedId, approvedId]) {
      await send(id, 'clerk', { type: 'CLAIM', revision: 1 });
      await send(id, 'clerk', { type: 'ACCEPT', revision: 2 });
    }
    expect((await send(rejectedId, 'reviewer', { type: 'REJECT', item: 'permit', revision: 3, payload: { reason: '经营范围不符' } })).status).toBe(200);
    expect((await send(approvedId, 'reviewer', { type: 'APPROVE', item: 'permit', revision: 3 })).status).toBe(200);
    await dispatcherFor(server, createTransports([{ type: 'inbox' }], server.services)).tick();
    const texts = async (id: string) =>
      (await call(`${server.url}/api/applications/${id}`, { token: tokens.a })).body.application.notifications.map((n: { template: string; body: { 'zh-CN': string; en: string } }) => [n.template, n.body['zh-CN'], n.body.en]).sort();
    const accepted = ['onething.accepted', '您的申请已受理，各部门将并联办理。', 'Your application was accepted; the departments now handle it in parallel.'];
    expect(await texts(rejectedId)).toEqual([
      accepted,
      ['onething.decided', '您的申请已办结，结果：不予办理。', 'Your application is finished: rejected.'],
      ['permit-refused', '“示例许可”未获批准：经营范围不符', '"Example permit" was refused: 经营范围不符'],
    ]);
    expect(await texts(approvedId)).toEqual([
      ['item-approved', '“示例许可”已办结，准予办理。', '"Example permit" was approved.'],
      accepted,
      ['onething.decided', '您的申请已办结，结果：办结。', 'Your application is finished: completed.'],
    ]);
  });

  it('retries a failed delivery after a backoff, without repeating the transports that delivered', async () => {
    await submitted();
    const inbox = recording('inbox');
    const gateway = recording('gateway');
    gateway.failing = true;
    const { logger, lines } = memoryLogger();
    const dispatcher = dispatcherFor(server, [inbox, gateway], { backoff: { baseMs: 60_000, attempts: 3 }, logger });
    expect(await dispatcher.tick()).toBe(0);
    expect([inbox.seen.length, gateway.seen.length]).toEqual([1, 0]);
    expect(lines().find((l) => l['msg'] === 'notification not delivered; will retry')).toMatchObject({ error: 'gateway: gateway down' });
    gateway.failing = false;
    expect(await dispatcher.tick()).toBe(0); // not due yet
    clock.advance(60_000);
    expect(await dispatcher.tick()).toBe(1);
    expect([inbox.seen.length, gateway.seen.length]).toEqual([1, 1]);
    const [message] = await server.services.store.outbox(gateway.seen[0]!.applicationId);
    expect(message).toMatchObject({ status: 'delivered', attempts: 2, delivered: ['inbox', 'gateway'], lastError: 'gateway: gateway down' });
  });

  it('gives up after the last attempt and logs it as an error', async () => {
    const id = await submitted();
    const gateway = recording('gateway');
    gateway.failing = true;
    const { logger, lines } = memoryLogger();
    const dispatcher = dispatcherFor(server, [gateway], { backoff: { baseMs: 1000, maxMs: 1000, attempts: 2 }, logger });
    await dispatcher.tick();
    clock.advance(1000);
    await dispatcher.tick();
    clock.advance(60_000);
    await dispatcher.tick();
    expect((await server.services.store.outbox(id))[0]).toMatchObject({ status: 'failed', attempts: 2, lastError: 'gateway: gateway down' });
    expect(lines().filter((l) => l['msg'] === 'notification failed; gave up')).toHaveLength(1);
  });

  it('waits twice as long after each failure, up to the longest wait, spread by up to a tenth', () => {
    const backoff = { baseMs: 30_000, maxMs: 3_600_000, attempts: 12 };
    expect([1, 2, 3, 8, 9].map((n) => retryDelay(n, backoff, 0))).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
    expect(retryDelay(1, backoff, 0.999)).toBe(27_003);
  });
});

describe('two processes delivering one store', () => {
  it('deliver each notification once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onething-notify-'));
    const file = join(dir, 'shared.sqlite');
    const first = await startServer({ store: new SqliteStore({ path: file }), clock });
    const second = new SqliteStore({ path: file });
    await second.migrate();
    try {
      await seed(first.services.store);
      for (let i = 0; i < 12; i++) {
        const r = await call(`${first.url}/api/applications`, { token: tokens.a, headers: { 'idempotency-key': `two-${i}-0000` }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
        expect(r.status).toBe(201);
      }
      const a = recording();
      const b = recording();
      const { logger } = memoryLogger();
      const one = createDispatcher({ store: first.services.store, catalog: first.services.catalog, clock, logger, transports: [a], owner: 'p1', batch: 5 });
      const two = createDispatcher({ store: second, catalog: createStoreCatalog(second, { logger }), clock, logger, transports: [b], owner: 'p2', batch: 5 });
      await one.tick();
      await two.tick();
      await Promise.all([one.tick(), two.tick(), one.tick(), two.tick()]);
      const ids = [...a.seen, ...b.seen].map((n) => n.id);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      expect(a.seen.length).toBeGreaterThan(0);
      expect(b.seen.length).toBeGreaterThan(0);
    } finally {
      await first.close();
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the webhook transport', () => {
  it('posts the notification signed with the shared secret, and a refusal is retried', async () => {
    const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
    let answer = 503;
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = answer;
        res.end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/notify`;
      const [webhook] = createTransports([{ type: 'webhook', url, secret: 'hook-secret' }], server.services);
      await submitted();
      const dispatcher = dispatcherFor(server, [webhook!], { backoff: { baseMs: 1000 } });
      expect(await dispatcher.tick()).toBe(0);
      answer = 204;
      clock.advance(1000);
      expect(await dispatcher.tick()).toBe(1);
      expect(received).toHaveLength(2);
      const { headers, body } = received[1]!;
      const notification = JSON.parse(body) as Notification;
      expect(notification).toMatchObject({ template: 'onething.submitted', to: 'clerk:licensing-bureau', target: { kind: 'clerk', subject: 'licensing-bureau', region: '310101' } });
      expect(headers['x-onething-delivery']).toBe(notification.id);
      const t = Number(/t=(\d+)/.exec(headers['x-onething-signature'] as string)![1]);
      expect(headers['x-onething-signature']).toBe(webhookSignature('hook-secret', body, t));
    } finally {
      hook.close();
    }
  });

  it('refuses a URL that is not http or https when configured', () => {
    expect(() => createTransports([{ type: 'webhook', url: 'file:///etc/passwd' }], server.services)).toThrow('webhook URL must be http or https');
    expect(() => createTransports([{ type: 'pigeon' }], server.services)).toThrow('unknown notification transport "pigeon"');
  });
});

describe('notification texts', () => {
  it('come from the definition first, then the server’s defaults, then the engine’s, then a generic text', () => {
    const own = { 'item-approved': { title: text('好了', 'Done'), body: text('拿证', 'Collect it') } };
    expect(notificationText('item-approved', [undefined, own]).title.en).toBe('Done');
    expect(notificationText('item-approved', [undefined]).title.en).toBe('Item approved');
    expect(notificationText('onething.accepted', []).title.en).toBe('Application accepted');
    expect(fill(notificationText('never-heard-of', []).body, { bundle: text('开办餐馆', 'Open a restaurant'), template: 'never-heard-of' })).toEqual({
      'zh-CN': '您的“开办餐馆”申请有新的进展（never-heard-of）。',
      en: 'Your application for "Open a restaurant" has an update (never-heard-of).',
    });
  });

  it('fill placeholders with words for engine codes, joined lists and empty unknowns', () => {
    expect(fill(text('第 {round} 次：{fields}；结果 {outcome}{missing}', 'Round {round}: {fields}; {outcome}{missing}'), { round: 2, fields: ['a', 'b'], outcome: 'partlyCompleted' })).toEqual({
      'zh-CN': '第 2 次：a、b；结果 部分办结',
      en: 'Round 2: a, b; partly completed',
    });
  });
});
