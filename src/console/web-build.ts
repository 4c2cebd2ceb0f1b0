/**
 * Where the built console lives and whether it needs rebuilding. The console is built with
 * Vite from web/; `npm start` runs `buildConsoleIfStale` first (the `prestart` script), so a
 * fresh clone serves it without a separate step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));
export const CONSOLE_DIST = join(WEB_ROOT, 'dist');
const BUILT_MARKER = join(CONSOLE_DIST, 'index.html');

/** Newest modification time of the console's sources (src/, index.html, vite.config.ts). */
function newestSourceMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestSourceMtime(join(path, name))), 0);
}

/** True when web/dist is missing or older than any console source file. */
export function isConsoleStale(): boolean {
  if (!existsSync(BUILT_MARKER)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((name) => join(WEB_ROOT, name)).filter((path) => existsSync(path));
  return Math.max(...sources.map(newestSourceMtime)) > statSync(BUILT_MARKER).mtimeMs;
}

/** Builds the console with Vite (a dev dependency, loaded only when a build is needed). */
export async function buildConsole(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), root: WEB_ROOT, logLevel: 'warn' });
}

/** Builds the console unless web/dist is up to date; returns whether it built. */
export async function buildConsoleIfStale(): Promise<boolean> {
  if (!isConsoleStale()) return false;
  await buildConsole();
  return true;
}
