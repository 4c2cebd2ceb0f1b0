/** `npm run prestart`: builds the web console when web/dist is missing or older than its sources. */
import { buildConsoleIfStale } from './web-build.ts';

const started = Date.now();
if (await buildConsoleIfStale()) {
  process.stderr.write(`built the web console in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
