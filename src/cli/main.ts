/** The `parcelgrid` command: one entry, one sub-command per job. Errors print one line and exit 1. */
import { runDemo } from './demo.ts';
import { runKeys } from './keys.ts';
import { runMigrate } from './migrate.ts';
import { runOptimize } from './optimize.ts';
import { runPrivacy } from './privacy.ts';
import { runServe } from './serve.ts';
import { runStart } from './start.ts';
import { runTrack } from './track.ts';

const COMMANDS: Record<string, { summary: string; run: (args: string[]) => Promise<number> }> = {
  start: { summary: 'serve the platform with the Dalian demo simulated in it (what npm start runs)', run: runStart },
  serve: { summary: 'serve the API on the configured database ([--workers N|auto] on PostgreSQL)', run: runServe },
  demo: { summary: 'run simulated delivery days against a running server', run: runDemo },
  migrate: { summary: 'apply pending database migrations', run: () => runMigrate() },
  track: { summary: 'show the canonical timeline of a waybill', run: runTrack },
  keys: { summary: 'create, list or revoke API keys; rotate the data key', run: runKeys },
  privacy: { summary: 'erase personal data past retention (erase-expired)', run: runPrivacy },
  optimize: { summary: 'solve a vehicle-routing problem file (VROOM JSON, Solomon, CVRPLIB)', run: runOptimize },
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return `usage: parcelgrid <command> [options]\n\ncommands:\n${rows.join('\n')}\n`;
}

// A reader that stops early (`parcelgrid optimize x.vrp | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  process.stderr.write(name && name !== '--help' && name !== 'help' ? `unknown command "${name}"\n\n${usage()}` : usage());
  process.exit(name && name !== '--help' && name !== 'help' ? 2 : 0);
}
try {
  process.exitCode = await command.run(args);
} catch (error) {
  process.stderr.write(`parcelgrid ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
