// Web console load time and bundle sizes. Builds the console if stale, starts the platform on
// PGlite with demo data pushed through the API, then loads the overview in chromium (signed in
// through sessionStorage) and times it until the counters, the map and the charts are drawn.
// The first load uses an empty browser cache; later ones a warm cache, as a returning user.
// Usage: npm run bench -- console [loads=5] [parcelsPerMillionResidents=8]
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildConsoleIfStale, CONSOLE_DIST } from '../src/console/index.ts';
import { chromiumSkipReason, launchChromium } from '../test/browser/chromium.ts';
import { seedConsoleData } from '../test/browser/seed.ts';
import { startTestPlatform } from '../test/support/platform.ts';

const TARGET_MS = 2000;

/** Sizes of every built asset, raw and gzipped (what travels over a compressed link). */
function bundleSizes() {
  const assets = join(CONSOLE_DIST, 'assets');
  return readdirSync(assets)
    .map((file) => ({ file, bytes: statSync(join(assets, file)).size, gzip: gzipSync(readFileSync(join(assets, file))).length }))
    .sort((a, b) => b.bytes - a.bytes);
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

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
  try {
    await browser.context.addInitScript((key) => sessionStorage.setItem('parcelgrid.key', key), t.keys.regulator);
    const rows: { load: string; counters: number; map: number; charts: number }[] = [];
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
      await page.close();
    }

    console.log(`\nOverview load on loopback, ${waybills.length} parcels, regulator key (ms from navigation):`);
    console.table(rows);
    const first = rows[0];
    if (first) console.log(`first load fully drawn in ${Math.max(first.map, first.charts)} ms (target < ${TARGET_MS} ms): ${Math.max(first.map, first.charts) < TARGET_MS ? 'met' : 'MISSED'}`);

    const sizes = bundleSizes();
    console.log('\nBundle (web/dist/assets):');
    console.table(sizes.map((s) => ({ file: s.file, size: kib(s.bytes), gzip: kib(s.gzip) })));
    const entry = sizes.filter((s) => s.file.startsWith('index-'));
    console.log(`needed for sign-in (index chunks): ${kib(entry.reduce((n, s) => n + s.bytes, 0))} raw, ${kib(entry.reduce((n, s) => n + s.gzip, 0))} gzip`);
  } finally {
    await browser.close();
    await t.close();
  }
}
