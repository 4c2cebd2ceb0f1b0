/**
 * The web console in a real browser (Debian's chromium through playwright-core) against a
 * platform on PGlite with data pushed through the API: sign in, the map with 10 districts and
 * live counters, find a waybill in the list, open its timeline, reveal its contacts for a stated
 * purpose (audited), switch language, manage a webhook subscription against a loopback receiver,
 * and the clear messages for a wrong key, an unknown waybill, a rate-limited reveal, a revoked key
 * and a lost connection. Any page error or console error fails the test, except the browser's own
 * "Failed to load resource" line for a request a step makes fail on purpose. Screenshots go to
 * test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { buildConsoleIfStale } from '../../src/console/index.ts';
import { verifyWebhookSignature } from '../../src/webhooks/verify.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { chromiumSkipReason, launchChromium } from './chromium.ts';
import { seedConsoleData } from './seed.ts';

interface Received {
  readonly signature: string;
  readonly body: string;
}

/** A webhook endpoint on loopback that records what it is sent and answers 204. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ signature: String(request.headers['x-signature'] ?? ''), body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/parcelgrid`, received, server };
}

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

describe('web console in chromium', async () => {
  const skip = chromiumSkipReason();
  let t: TestPlatform;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let url: string;
  let waybills: string[];
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const errors: string[] = [];
  let failedRequestsExpected = false;

  /** Runs a step in which requests fail on purpose, so the browser's resource errors are expected. */
  async function withFailingRequests(step: () => Promise<void>) {
    failedRequestsExpected = true;
    try {
      await step();
    } finally {
      failedRequestsExpected = false;
    }
  }

  function watch(target: Page) {
    target.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    target.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (failedRequestsExpected && message.text().startsWith('Failed to load resource')) return;
      errors.push(`console.error: ${message.text()}`);
    });
  }

  const shot = (name: string, target = page) => target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  /** Signs in from the sign-in page; the console then shows whichever page the address names. */
  async function signInWith(key: string) {
    await page.fill('input[name=key]', key);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '退出' }).waitFor();
  }

  /** How many CSS pixels the page is wider than the window (0 or less: no sideways scrolling). */
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  before(async () => {
    if (skip) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    await buildConsoleIfStale();
    // The webhook receiver listens on loopback, which only a development setting admits.
    t = await startTestPlatform('pglite', { webhooks: { allowPrivateTargets: true } });
    receiver = await startReceiver();
    waybills = await seedConsoleData(t, 4);
    url = await t.platform.http.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    watch(page);
  });

  after(async () => {
    await browser?.close();
    await t?.close();
    receiver?.server.close();
    if (!skip) assert.deepEqual(errors, [], 'the console logged errors');
  });

  it('refuses a wrong key with a message, then signs in with a real one', { skip }, async () => {
    await page.goto(url);
    await page.getByRole('heading', { name: '使用 API 密钥登录' }).waitFor();
    await shot('01-sign-in');
    await withFailingRequests(async () => {
      await page.fill('input[name=key]', 'pgk_test_not_a_real_key');
      await page.keyboard.press('Enter');
      await page.getByText('密钥无效、已过期或已被吊销').waitFor();
    });
    await page.fill('input[name=key]', t.keys.regulator);
    await page.keyboard.press('Enter');
    await page.locator('.counters').waitFor();
    assert.deepEqual(errors, []);
  });

  it('shows the city map with 10 districts and counters that update without reload', { skip }, async () => {
    await page.locator('.map[data-map-state=loaded]').waitFor({ timeout: 20_000 });
    assert.equal(await page.getAttribute('.map', 'data-district-features'), '10');
    assert.equal(await page.locator('.legend tbody tr').count(), 10);
    assert.match((await page.locator('.legend').textContent()) ?? '', /甘井子区/);
    await page.locator('.chart canvas').first().waitFor();
    const created = page.locator('[data-counter=created] .counter-value');
    const before = Number(((await created.textContent()) ?? '').replace(/\D/g, ''));
    assert.equal(before, waybills.length);
    waybills.push(...(await seedConsoleData(t, 1)));
    await page.waitForFunction((expected) => document.querySelector('[data-counter=created] .counter-value')?.textContent?.replace(/\D/g, '') === String(expected), waybills.length, { timeout: 15_000 });
    await shot('02-overview');
    assert.deepEqual(errors, []);
  });

  it('finds a waybill in the filtered parcel list and opens its timeline', { skip }, async () => {
    await page.getByRole('link', { name: '包裹' }).click();
    await page.locator('table.parcels tbody tr').first().waitFor();
    await page.selectOption('select[name=district]', '210211');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('table.parcels tbody tr td:nth-child(4)')].every((cell) => cell.textContent === '甘井子区'));
    await shot('03-parcels');
    const first = waybills[0] ?? '';
    await page.getByRole('button', { name: '清除' }).click();
    await page.getByRole('link', { name: first }).click();
    await page.locator(`.timeline[data-waybill="${first}"]`).waitFor();
    assert.ok((await page.locator('.event.anomalous').count()) >= 1, 'the impossible scan is flagged');
    assert.match((await page.locator('.event .raw').first().getAttribute('title')) ?? '', /^kuaidi100 · /);
    assert.equal(await page.getByText('王小明').count(), 0, 'no personal data on the timeline');
    await shot('04-tracking');
    assert.deepEqual(errors, []);
  });

  it('explains an unknown waybill', { skip }, async () => {
    await withFailingRequests(async () => {
      await page.fill('input[name=waybill]', 'NOSUCH123');
      await page.keyboard.press('Enter');
      await page.getByText('未找到运单 NOSUCH123').waitFor();
    });
    await shot('05-tracking-unknown');
  });

  it('reveals a parcel\'s contacts for a stated purpose and says it was audited', { skip }, async () => {
    const first = waybills[0] ?? '';
    await page.goto(`${url}/#/tracking/${first}`);
    await page.locator(`.timeline[data-waybill="${first}"]`).waitFor();
    await page.getByRole('button', { name: '查看完整联系信息' }).click();
    // A regulator names one of its two purposes and the case file; the form is keyboard-driven.
    await page.selectOption('select[name=purpose]', 'regulatory_inspection');
    await page.fill('input[name=case_ref]', 'DL-2026-118');
    await page.fill('input[name=actor_id]', 'INSP-07');
    await page.fill('input[name=actor_name]', '赵检查');
    await shot('05a-reveal-form');
    await page.keyboard.press('Enter');
    await page.locator('.revealed').waitFor();
    const audited = (await page.locator('.audited').textContent()) ?? '';
    assert.match(audited, /^已审计/);
    assert.match(audited, /监管核查/);
    const auditId = /编号 (\S+)，/.exec(audited)?.[1];
    assert.ok(auditId, audited);
    assert.equal(await page.getByText('王小明').count(), 1, 'the recipient in plaintext');
    assert.equal(await page.getByText('13812341234').count(), 1);
    await shot('05b-revealed');
    const log = await t.call(t.keys.regulator, 'GET', '/v1/privacy/audit?limit=100');
    const entry = log.body.data.find((row: { id: string }) => row.id === auditId);
    assert.equal(entry?.actor_id, 'INSP-07', 'the page names the audit entry the server wrote');
    assert.equal(entry?.case_ref, 'DL-2026-118');
    await page.getByRole('button', { name: '隐藏' }).click();
    assert.equal(await page.getByText('王小明').count(), 0, 'hidden again');
    assert.deepEqual(errors, []);
  });

  it('explains a rate-limited reveal in a sentence', { skip }, async () => {
    const regulator = await t.platform.tenancy.findPartyByCode('DLPOST');
    assert.ok(regulator);
    const order = (await t.call(t.keys.shop, 'GET', '/v1/orders?limit=1')).body.data[0].id as string;
    await page.getByRole('button', { name: '查看完整联系信息' }).click();
    await page.selectOption('select[name=purpose]', 'law_enforcement');
    await page.fill('input[name=case_ref]', 'DL-2026-119');
    assert.equal(await page.inputValue('input[name=actor_id]'), 'INSP-07', 'the acting person is remembered for the session');
    // The key may decrypt 10 times a minute: use up the rest through the API, then ask from the page.
    let status = 200;
    for (let call = 0; call < 20 && status === 200; call += 1) {
      status = (await t.call(t.keys.regulator, 'POST', '/v1/privacy/decrypt', { purpose: 'regulatory_inspection', case_ref: 'DL-2026-118', actor: { id: 'INSP-07' }, items: [{ order_id: order }] })).status;
    }
    assert.equal(status, 429);
    await withFailingRequests(async () => {
      await page.getByRole('button', { name: '查看', exact: true }).click();
      await page.getByText(/查看过于频繁.*秒后重试/).waitFor();
    });
    await shot('05c-reveal-rate-limited');
    await page.getByRole('button', { name: '取消' }).click();
  });

  it('offers no reveal to a key without the pii:decrypt scope', { skip }, async () => {
    const regulator = await t.platform.tenancy.findPartyByCode('DLPOST');
    assert.ok(regulator);
    const narrow = await t.platform.tenancy.issueKey(regulator, { label: 'read only', scopes: ['tracking:read', 'parcels:read'] });
    await page.getByRole('button', { name: '退出' }).click();
    await signInWith(narrow.key);
    const first = waybills[0] ?? '';
    await page.goto(`${url}/#/tracking/${first}`);
    await page.locator(`.timeline[data-waybill="${first}"]`).waitFor();
    assert.equal(await page.getByRole('button', { name: '查看完整联系信息' }).count(), 0);
    await page.getByRole('button', { name: '退出' }).click();
    await signInWith(t.keys.regulator);
  });

  it('switches to English and back', { skip }, async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'City overview' }).click();
    await page.getByRole('heading', { name: /City overview/ }).waitFor();
    await page.locator('.map[data-map-state=loaded]').waitFor({ timeout: 20_000 });
    assert.match((await page.locator('.legend').textContent()) ?? '', /Ganjingzi District/);
    await shot('06-overview-en');
    await page.getByRole('link', { name: 'Account & settings' }).click();
    await page.locator('table.keys tbody tr').first().waitFor();
    await shot('07-settings-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('link', { name: '城市概览' }).waitFor();
  });

  it('shows a banner while the server is unreachable and recovers', { skip }, async () => {
    await page.goto(`${url}/#/overview`);
    await page.locator('.counters').waitFor();
    await withFailingRequests(async () => {
      await page.route('**/v1/**', (route) => route.abort('connectionrefused'));
      await page.getByText('与服务器的连接已断开').first().waitFor({ timeout: 15_000 });
      await shot('08-offline');
      await page.unroute('**/v1/**');
      await page.locator('.banner').waitFor({ state: 'detached', timeout: 15_000 });
    });
  });

  it('signs out with a message when the key is revoked', { skip }, async () => {
    const regulator = await t.platform.tenancy.findPartyByCode('DLPOST');
    assert.ok(regulator);
    const issued = await t.platform.tenancy.issueKey(regulator, { label: 'to revoke' });
    await page.getByRole('button', { name: '退出' }).click();
    await page.fill('input[name=key]', issued.key);
    await page.keyboard.press('Enter');
    await page.locator('.counters').waitFor();
    await withFailingRequests(async () => {
      await t.platform.tenancy.revokeKey(regulator.id, issued.record.id);
      await page.getByText('您的密钥已失效').waitFor({ timeout: 15_000 });
    });
    await shot('09-key-revoked');
  });

  it('manages a webhook subscription: create, test-fire, delivery log, replay, pause, re-enable, rotate', { skip }, async () => {
    await signInWith(t.keys.shop);
    await page.getByRole('link', { name: '账户与设置' }).click();
    await page.getByRole('heading', { name: 'Webhook 订阅' }).waitFor();
    await page.fill('input[name=webhook_url]', receiver.url);
    await page.fill('input[name=webhook_description]', '仓库系统');
    await page.getByRole('button', { name: '创建订阅' }).click();
    const secret = ((await page.locator('.new-key code').textContent()) ?? '').trim();
    assert.match(secret, /^whsec_/, 'the signing secret is shown once');
    const card = page.locator('.webhook').first();
    await card.waitFor();
    assert.equal(await card.getAttribute('data-status'), 'active');

    await card.getByRole('button', { name: '发送测试事件' }).click();
    await card.getByText('测试事件已送达：HTTP 204').waitFor();
    await card.locator('.deliveries tbody tr[data-outcome=delivered]').first().waitFor();
    assert.match((await card.locator('.deliveries tbody tr').first().textContent()) ?? '', /测试事件/);
    const test = receiver.received.at(-1);
    assert.ok(test && verifyWebhookSignature(secret, test.signature, test.body), 'the receiver can verify the test event with the secret shown');
    assert.equal(JSON.parse(test.body).type, 'webhook.test');

    await card.getByRole('button', { name: '重放' }).click();
    await card.getByText(/已重新排队 [1-9]\d* 个事件/).waitFor();
    await shot('11-webhooks');

    await card.getByRole('button', { name: '暂停' }).click();
    await page.locator('.webhook[data-status=disabled]').waitFor();
    await card.getByRole('button', { name: '重新启用' }).click();
    await page.locator('.webhook[data-status=active]').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: '轮换签名密钥' }).click();
    await card.locator('.new-key code').waitFor();
    assert.notEqual(((await card.locator('.new-key code').textContent()) ?? '').trim(), secret);
    await card.getByText('旧签名密钥在').waitFor();
    await shot('12-webhook-rotated');
    assert.deepEqual(errors, []);
  });

  it('is readable on a phone', { skip }, async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: '城市概览' }).click();
    await page.locator('.map[data-map-state=loaded]').waitFor({ timeout: 20_000 });
    assert.ok((await overflow()) <= 0, `overview is ${await overflow()}px wider than the phone screen`);
    await shot('10-overview-phone');
    await page.getByRole('link', { name: '账户与设置' }).click();
    await page.locator('.webhook').first().waitFor();
    assert.ok((await overflow()) <= 0, `settings are ${await overflow()}px wider than the phone screen`);
    await shot('13-settings-phone');
    const first = waybills[0] ?? '';
    await page.goto(`${url}/#/tracking/${first}`);
    await page.getByRole('button', { name: '查看完整联系信息' }).click();
    await page.selectOption('select[name=purpose]', 'delivery');
    await page.fill('input[name=actor_id]', 'GULL-0815');
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await page.locator('.revealed').waitFor();
    assert.ok((await overflow()) <= 0, `tracking is ${await overflow()}px wider than the phone screen`);
    await shot('14-reveal-phone');
    assert.deepEqual(errors, []);
  });
});
