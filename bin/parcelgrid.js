#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
// Server commands run in a node with the server's heap options (src/cli/server-process.ts);
// deciding that before the CLI loads keeps the waiting parent small.
const { relaunchServerCommand } = await import('../src/cli/server-process.ts');
const relaunched = relaunchServerCommand(process.argv.slice(2));
if (relaunched) process.exitCode = await relaunched;
else await import('../src/cli/main.ts');
