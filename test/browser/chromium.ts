/**
 * Launching Debian's chromium (package `chromium`, binary /usr/bin/chromium) for the console
 * test and benchmark, headless with a throwaway profile.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Why the browser test cannot run here, or undefined when it can; in CI a missing browser is a failure, not a skip. */
export function chromiumSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  if (process.env['CI'] === 'true') throw new Error(`${CHROMIUM_PATH} is missing in CI; install the Debian package "chromium"`);
  return `${CHROMIUM_PATH} not found; install it with "apt-get install -y chromium" to run the console browser test`;
}

/** Starts headless chromium with a fresh profile (Playwright passes it as --user-data-dir); closing removes it. */
export async function launchChromium(viewport = { width: 1366, height: 768 }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'parcelgrid-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
