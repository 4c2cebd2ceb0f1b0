/**
 * The web console in a real browser (Debian's chromium through playwright-core) against a
 * platform on PGlite with data pushed through the API: sign in, the map with 10 districts and
 * live counters, find a waybill in the list, open its timeline, switch language, and the clear
 * messages for a wrong key, an unknown waybill, a revoked key and a lost connection. Any page
 * error or console error fails the test, except the browser's own "Failed to load resource"
 * line for a request a step makes fail on purpose. Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { buildConsoleIfStale } from '../../src/console/index.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { chromiumSkipReason, launchChromium } from './chromium.ts';
import { seedConsoleData } from './seed.ts';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

describe('web console in chromium', async () => {
  const skip = chromiumSkipReason();
  let t: TestPlatform;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let url: string;
  let waybills: string[];
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

  before(async () => {
    if (skip) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    await buildConsoleIfStale();
    t = await startTestPlatform('pglite');
    waybills = await seedConsoleData(t, 4);
    url = await t.platform.http.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    watch(page);
  });

  after(async () => {
    await browser?.close();
    await t?.close();
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

  it('is readable on a phone', { skip }, async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.fill('input[name=key]', t.keys.shop);
    await page.keyboard.press('Enter');
    await page.locator('.map[data-map-state=loaded]').waitFor({ timeout: 20_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
    await shot('10-overview-phone');
    assert.deepEqual(errors, []);
  });
});
