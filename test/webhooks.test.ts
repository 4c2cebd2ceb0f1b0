/**
 * Signed webhooks end to end on both storage drivers, with a real HTTP receiver on loopback that
 * checks every signature the documented way (verify.ts): events made through the API arrive
 * signed; failures are retried with backoff; repeated failures disable the subscription; events
 * meanwhile are not sent until it is re-enabled and replayed; rotation signs with both secrets.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createKeyring, generateMasterKey } from '../src/privacy/crypto/keyring.ts';
import { reencryptWebhookSecrets, verifyWebhookSignature } from '../src/webhooks/index.ts';
import { activeSecrets } from '../src/webhooks/secrets.ts';
import { createWebhookStore } from '../src/webhooks/store.ts';
import { DRIVERS, postgresSkipReason } from './support/databases.ts';
import { orderBody, startTestPlatform, type TestPlatform } from './support/platform.ts';

interface Received {
  /** Each subscription in a test gets its own path, so answers can differ per subscription. */
  readonly path: string;
  readonly eventId: string;
  readonly type: string;
  readonly attempt: number;
  readonly signature: string;
  readonly body: string;
  readonly envelope: { id: string; type: string; audience?: unknown; data: Record<string, unknown> };
}

/** A webhook receiver on 127.0.0.1 that answers with `status(delivery)` and keeps every request. */
class Receiver {
  readonly received: Received[] = [];
  status: (delivery: Received) => number = () => 204;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const delivery: Received = {
          path: request.url ?? '',
          eventId: String(request.headers['x-event-id']),
          type: String(request.headers['x-event-type']),
          attempt: Number(request.headers['x-delivery-attempt']),
          signature: String(request.headers['x-signature']),
          body,
          envelope: JSON.parse(body),
        };
        this.received.push(delivery);
        response.writeHead(this.status(delivery)).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  ofType(type: string): Received[] {
    return this.received.filter((r) => r.type === type);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** What the running suite's receiver has seen, for the timeout message. */
let receivedSoFar: () => unknown = () => null;
/** Polls until `condition` holds; fails with `what` after `seconds`. */
async function waitFor(what: string, condition: () => boolean | Promise<boolean>, seconds = 20): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; received ${JSON.stringify(receivedSoFar())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// Millisecond backoff so retries happen within the test: 10 ms, 20 ms, 40 ms (capped 50 ms).
const FAST_DELIVERY = {
  allowPrivateTargets: true,
  firstRetrySeconds: 0.01,
  retryFactor: 2,
  maxRetrySeconds: 0.05,
  disableAfterFailures: 4,
  pollSeconds: 0.05,
  // Generous: the receiver shares this process's event loop with the embedded database.
  requestTimeoutSeconds: 10,
};

for (const driver of DRIVERS) {
  describe(`webhooks on ${driver}`, async () => {
    const skip = driver === 'postgres' ? await postgresSkipReason() : undefined;
    let t: TestPlatform;
    const receiver = new Receiver();
    before(async () => {
      if (skip) return;
      t = await startTestPlatform(driver, { webhooks: FAST_DELIVERY, outboxPollMs: 50 });
      await receiver.start();
      t.platform.stream.start();
      t.platform.webhookDelivery.start();
      receivedSoFar = () => receiver.received.map((r) => [r.type, r.attempt]);
    });
    after(async () => {
      await t?.close();
      await receiver.stop();
    });

    async function subscribe(key: string, eventTypes: string[], path: string) {
      const reply = await t.call(key, 'POST', '/v1/webhooks', { url: `${receiver.url}${path}`, event_types: eventTypes, description: 'test receiver' });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      return reply.body as { id: string; secret: string; status: string };
    }

    async function pushOrder(): Promise<string> {
      const order = await t.call(t.keys.shop, 'POST', '/v1/orders', orderBody());
      assert.equal(order.status, 201, JSON.stringify(order.body));
      return order.body.id;
    }

    const orderEvents = (orderId: string, path: string) => receiver.ofType('order.created').filter((r) => r.path === path && r.envelope.data['order_id'] === orderId);
    const answer = (path: string, status: (delivery: Received) => number) => {
      receiver.status = (delivery) => (delivery.path === path ? status(delivery) : 204);
    };

    it('delivers events made through the API, signed, to the parties in their audience', { skip }, async () => {
      const shop = await subscribe(t.keys.shop, ['order.*', 'waybill.created', 'parcel.*'], '/shop');
      const carrier = await subscribe(t.keys.carrier, ['parcel.tracking_updated'], '/carrier');
      const orderId = await pushOrder();
      const request = await t.call(t.keys.shop, 'POST', '/v1/shipping-requests', { order_id: orderId, carrier: 'GULL', service_level: 'standard' });
      const waybill = await t.call(t.keys.carrier, 'POST', '/v1/waybills', { shipping_request_id: request.body.id });
      const no = waybill.body.waybill_no;
      const scans = await t.call(t.keys.carrier, 'POST', '/v1/events/batch', { events: [{ event_id: `${no}-1`, waybill_no: no, occurred_at: '2026-11-28T08:00:00Z', code: '1' }] });
      assert.equal(scans.status, 200, JSON.stringify(scans.body));

      await waitFor('order, waybill and tracking events', () => receiver.ofType('parcel.tracking_updated').length >= 2 && orderEvents(orderId, '/shop').length === 1);
      const now = Math.floor(Date.now() / 1000);
      for (const delivery of receiver.received) {
        const secret = delivery.path === '/carrier' ? carrier.secret : shop.secret;
        assert.equal(verifyWebhookSignature(secret, delivery.signature, delivery.body, now), true, `signature of ${delivery.type}`);
        assert.equal(delivery.envelope.id, delivery.eventId);
        assert.equal(delivery.envelope.audience, undefined, 'routing data stays out of the body');
      }
      assert.equal(receiver.ofType('waybill.created').length, 1);
      assert.equal(receiver.ofType('shipping_request.created').length, 0, 'filtered out');
      assert.match(receiver.ofType('order.created')[0]?.signature ?? '', /^t=\d+,v1=[0-9a-f]{64}$/);
      await t.call(t.keys.shop, 'DELETE', `/v1/webhooks/${shop.id}`);
      await t.call(t.keys.carrier, 'DELETE', `/v1/webhooks/${carrier.id}`);
    });

    it('retries a failing receiver with backoff and logs every attempt', { skip }, async () => {
      const subscription = await subscribe(t.keys.shop, ['order.created'], '/retry');
      answer('/retry', (delivery) => (delivery.attempt <= 2 ? 503 : 200));
      const orderId = await pushOrder();
      const logOf = (query: string) => t.call(t.keys.shop, 'GET', `/v1/webhooks/${subscription.id}/deliveries${query}`);
      // The receiver sees an attempt just before the worker logs it, so wait for the log.
      await waitFor('the third attempt in the log', async () => (await logOf('')).body.data.length === 3);
      assert.deepEqual(orderEvents(orderId, '/retry').map((r) => r.attempt), [1, 2, 3]);

      const log = await logOf('?limit=2');
      assert.equal(log.status, 200, JSON.stringify(log.body));
      assert.deepEqual(log.body.data.map((d: { attempt: number; outcome: string; status_code: number }) => [d.attempt, d.outcome, d.status_code]), [[3, 'delivered', 200], [2, 'failed', 503]]);
      assert.equal(log.body.has_more, true);
      const rest = await logOf(`?cursor=${log.body.next_cursor}`);
      assert.deepEqual(rest.body.data.map((d: { attempt: number; error: string }) => [d.attempt, d.error]), [[1, 'receiver answered HTTP 503']]);
      assert.equal((await t.call(t.keys.shop, 'GET', `/v1/webhooks/${subscription.id}`)).body.consecutive_failures, 0);
      await t.call(t.keys.shop, 'DELETE', `/v1/webhooks/${subscription.id}`);
    });

    it('disables after repeated failures, holds events back, and replays them after re-enabling', { skip }, async () => {
      const subscription = await subscribe(t.keys.shop, ['order.created'], '/down');
      const replayFrom = new Date().toISOString();
      answer('/down', () => 500);
      const failing = await pushOrder();
      await waitFor('auto-disable', async () => (await t.call(t.keys.shop, 'GET', `/v1/webhooks/${subscription.id}`)).body.status === 'disabled');
      const disabled = await t.call(t.keys.shop, 'GET', `/v1/webhooks/${subscription.id}`);
      assert.match(disabled.body.disabled_reason, /4 deliveries failed in a row; the last: receiver answered HTTP 500/);
      assert.equal(orderEvents(failing, '/down').length, 4);

      answer('/down', () => 204);
      const missed = await pushOrder();
      await t.platform.stream.drain();
      await t.platform.webhookDelivery.drain();
      assert.equal(orderEvents(missed, '/down').length, 0, 'nothing is sent while disabled');
      const refused = await t.call(t.keys.shop, 'POST', `/v1/webhooks/${subscription.id}/replay`, { from: replayFrom });
      assert.equal(refused.status, 409, 'replay needs an enabled subscription');

      const enabled = await t.call(t.keys.shop, 'POST', `/v1/webhooks/${subscription.id}/enable`);
      assert.deepEqual([enabled.body.status, enabled.body.disabled_reason, enabled.body.consecutive_failures], ['active', null, 0]);
      const replay = await t.call(t.keys.shop, 'POST', `/v1/webhooks/${subscription.id}/replay`, { from: replayFrom });
      assert.equal(replay.status, 202, JSON.stringify(replay.body));
      assert.deepEqual(replay.body, { replayed: 2, has_more: false, next_after_sequence: null });
      await waitFor('the missed and the failed event', () => orderEvents(missed, '/down').length === 1 && orderEvents(failing, '/down').length >= 5);
      await t.call(t.keys.shop, 'DELETE', `/v1/webhooks/${subscription.id}`);
    });

    it('signs with both secrets during a rotation', { skip }, async () => {
      const subscription = await subscribe(t.keys.shop, ['order.created'], '/rotation');
      const rotated = await t.call(t.keys.shop, 'POST', `/v1/webhooks/${subscription.id}/rotate-secret`, { grace_seconds: 3600 });
      assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
      assert.notEqual(rotated.body.secret, subscription.secret);
      assert.ok(Date.parse(rotated.body.previous_secret_expires_at) > Date.now() + 3500_000);
      const orderId = await pushOrder();
      await waitFor('the event after rotation', () => orderEvents(orderId, '/rotation').length === 1);
      const delivery = orderEvents(orderId, '/rotation')[0];
      assert.ok(delivery);
      assert.match(delivery.signature, /^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
      assert.equal(verifyWebhookSignature(rotated.body.secret, delivery.signature, delivery.body), true, 'new secret');
      assert.equal(verifyWebhookSignature(subscription.secret, delivery.signature, delivery.body), true, 'old secret');
      await t.call(t.keys.shop, 'DELETE', `/v1/webhooks/${subscription.id}`);
    });

    it('test-fires a signed webhook.test event and reports the answer', { skip }, async () => {
      const subscription = await subscribe(t.keys.shop, ['order.created'], '/other');
      const fired = await t.call(t.keys.shop, 'POST', `/v1/webhooks/${subscription.id}/test`);
      assert.equal(fired.status, 200, JSON.stringify(fired.body));
      assert.deepEqual([fired.body.delivered, fired.body.status_code, fired.body.error], [true, 204, null]);
      const delivery = receiver.received.find((r) => r.eventId === fired.body.event_id);
      assert.equal(delivery?.type, 'webhook.test');
      assert.equal(verifyWebhookSignature(subscription.secret, delivery.signature, delivery.body), true);
      const log = await t.call(t.keys.shop, 'GET', `/v1/webhooks/${subscription.id}/deliveries`);
      assert.equal(log.body.data[0].event_id, fired.body.event_id);
      await t.call(t.keys.shop, 'DELETE', `/v1/webhooks/${subscription.id}`);
    });

    it("answers 404 for another party's subscription and 400 for bad filters or URLs", { skip }, async () => {
      const subscription = await subscribe(t.keys.shop, ['order.created'], '/other');
      for (const [method, path] of [['GET', ''], ['POST', '/enable'], ['POST', '/test'], ['GET', '/deliveries'], ['DELETE', '']] as const) {
        const reply = await t.call(t.keys.otherShop, method, `/v1/webhooks/${subscription.id}${path}`);
        assert.equal(reply.status, 404, `${method} ${path}`);
      }
      const badFilter = await t.call(t.keys.shop, 'POST', '/v1/webhooks', { url: receiver.url, event_types: ['parcel*'] });
      assert.equal(badFilter.status, 400);
      assert.match(badFilter.body.detail, /parcel\*/);
      const badUrl = await t.call(t.keys.shop, 'POST', '/v1/webhooks', { url: 'ftp://example.com/x', event_types: ['*'] });
      assert.equal(badUrl.status, 400);
      const list = await t.call(t.keys.shop, 'GET', '/v1/webhooks');
      assert.ok(list.body.data.some((s: { id: string }) => s.id === subscription.id));
      assert.ok(list.body.data.every((s: { secret?: string }) => s.secret === undefined), 'the secret is shown only once');
      assert.equal((await t.call(t.keys.regulator, 'GET', '/v1/webhooks')).status, 403);
    });
  });
}

describe('webhooks with default settings on pglite', () => {
  const first = generateMasterKey(new Date());
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform('pglite', { keyring: createKeyring([first], first.id, first.id) });
  });
  after(async () => t.close());

  it('refuses loopback, private and link-local URLs at creation', async () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://10.0.0.7/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/hook', 'http://[::ffff:127.0.0.1]/hook']) {
      const reply = await t.call(t.keys.shop, 'POST', '/v1/webhooks', { url, event_types: ['*'] });
      assert.equal(reply.status, 422, url);
      assert.equal(reply.body.code, 'webhook_target_refused', url);
    }
  });

  it('re-encrypts signing secrets under a rotated key, keeping them usable', async () => {
    const created = await t.call(t.keys.shop, 'POST', '/v1/webhooks', { url: 'https://93.184.215.14/hook', event_types: ['*'] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const second = generateMasterKey(new Date());
    const rotated = createKeyring([first, second], second.id, first.id);
    const db = t.platform.database.db;
    assert.equal(await reencryptWebhookSecrets(db, rotated), 1);
    assert.equal(await reencryptWebhookSecrets(db, rotated), 0, 'already under the active key');
    const row = await createWebhookStore(db).findSubscription(created.body.id, (await t.platform.tenancy.findPartyByCode('SHOPA'))?.id ?? '');
    assert.ok(row);
    assert.deepEqual(activeSecrets(createKeyring([second], second.id, second.id), row, new Date()), [created.body.secret]);
  });
});
