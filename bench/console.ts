// Web console load time and bundle sizes. Builds the console if stale, starts the platform on
// PGlite with demo data pushed through the API, then loads the overview in chromium (signed in
// through sessionStorage) and times it until the counters, the map and the charts are drawn.
// The first load uses an empty browser cache; later ones a warm cache, as a returning user.
// For the first load it also prints where the time went: when each download finished and the
// console's own performance marks (web/src/load-marks.ts), in ms from navigation start.
// Usage: npm run bench -- console [loads=5] [parcelsPerMillionResidents=8]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildConsoleIfStale, CONSOLE_DIST } from '../src/console/index.ts';
import { chromiumSkipReason, launchChromium } from '../test/browser/chromium.ts';
import { seedConsoleData } from '../test/browser/seed.ts';
import { startTestPlatform } from '../test/support/platform.ts';

const TARGET_MS = 2000;

/** Every built asset: raw, gzipped, and as served (the build's .br beside it, which browsers take). */
function bundleSizes() {
  const assets = join(CONSOLE_DIST, 'assets');
  return readdirSync(assets)
    .filter((file) => !/\.(br|gz)$/.test(file))
    .map((file) => {
      const path = join(assets, file);
      return { file, bytes: statSync(path).size, gzip: gzipSync(readFileSync(path)).length, brotli: existsSync(`${path}.br`) ? statSync(`${path}.br`).size : undefined };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

const kib = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KiB`);
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');

/** Where the page's time went: each request's finish and each mark, ms from navigation start. */
async function breakdown(page: Page) {
  // Plain data out of the page (the bundler's helpers do not exist in there); named here.
  const { origin, requests, marks } = await page.evaluate(() => ({
    origin: location.origin,
    requests: performance.getEntriesByType('resource').map((entry) => [entry.name, (entry as PerformanceResourceTiming).encodedBodySize, entry.startTime, (entry as PerformanceResourceTiming).responseEnd] as const),
    marks: performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime] as const),
  }));
  const shortName = (name: string) => name.replace(origin, '').replace(/-[\w-]{8}\.(m?js|css)$/, '.$1');
  return [
    ...requests.map(([name, bytes, started, done]) => ({ what: `${shortName(name)} (${(bytes / 1024).toFixed(0)} KiB sent)`, started: Math.round(started), done: Math.round(done) })),
    ...marks.map(([name, at]) => ({ what: name, started: Math.round(at), done: Math.round(at) })),
  ].sort((a, b) => a.done - b.done);
}

export default async function consoleBench(args: string[]): Promise<void> {
  const loads = Number(args[0] ?? 5);
  const perMillion = Number(args[1] ?? 8);
  const skip = chromiumSkipReason();
  if (skip) throw new Error(skip);

  const buildStarted = Date.now();
  const built = await buildConsoleIfStale();
  console.log(built ? `built the console in ${((Date.now() - buildStarted) / 1000).toFixed(1)} s` : 'console build is up to date');

  const t = await startTestPlatform('pglite');
  const waybills = await seedConsoleData(t, perMillion);
  const url = await t.platform.http.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium();
  const loadBefore = load();
  try {
    await browser.context.addInitScript((key) => sessionStorage.setItem('parcelgrid.key', key), t.keys.regulator);
    const rows: { load: string; counters: number; map: number; charts: number }[] = [];
    let firstBreakdown: Awaited<ReturnType<typeof breakdown>> = [];
    for (let i = 0; i < loads; i += 1) {
      const page = await browser.context.newPage();
      const started = performance.now();
      await page.goto(`${url}/#/overview`);
      const at = async (selector: string) => {
        await page.locator(selector).first().waitFor({ timeout: 30_000 });
        return Math.round(performance.now() - started);
      };
      const counters = await at('.counters');
      const [map, charts] = await Promise.all([at('.map[data-map-state=loaded]'), at('.chart canvas')]);
      rows.push({ load: i === 0 ? 'first (cold cache)' : `${i + 1} (warm cache)`, counters, map, charts });
      if (i === 0) firstBreakdown = await breakdown(page);
      await page.close();
    }

    console.log(`\nOverview load on loopback, ${waybills.length} parcels, regulator key (ms from navigation; map = drawn, MapLibre idle):`);
    console.table(rows);
    const first = rows[0];
    if (first) console.log(`first load fully drawn in ${Math.max(first.map, first.charts)} ms (target < ${TARGET_MS} ms): ${Math.max(first.map, first.charts) < TARGET_MS ? 'met' : 'MISSED'}`);
    console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${load()} after; figures on a loaded machine are inflated`);

    console.log('\nFirst load, in the page (ms from navigation start):');
    console.table(firstBreakdown);

    const sizes = bundleSizes();
    console.log('\nBundle (web/dist/assets):');
    console.table(sizes.map((s) => ({ file: s.file, size: kib(s.bytes), gzip: kib(s.gzip), 'served (br)': kib(s.brotli) })));
    const entry = sizes.filter((s) => s.file.startsWith('index-'));
    const total = (pick: (s: (typeof sizes)[number]) => number | undefined) => kib(entry.reduce((n, s) => n + (pick(s) ?? 0), 0));
    console.log(`needed for sign-in (index chunks): ${total((s) => s.bytes)} raw, ${total((s) => s.gzip)} gzip, ${total((s) => s.brotli)} brotli`);
  } finally {
    await browser.close();
    await t.close();
  }
}
