// `parcelgrid serve` runs the server in a node with the server's heap options, and a signal sent
// to the command it was started as stops the server cleanly, once. With `--workers` on PostgreSQL
// a primary runs that many server processes on one port and stops them all the same way.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, postgresSkipReason, reopenableTestDatabase } from '../../test/support/databases.ts';
import { closedLoopbackPort } from '../../test/support/ports.ts';
import { waitUntil } from '../../test/support/wait.ts';
import { SERVER_NODE_OPTIONS } from './server-process.ts';

const BIN = new URL('../../bin/parcelgrid.js', import.meta.url).pathname;

/** `parcelgrid serve` with these arguments and settings, its stderr collected. */
async function startServe(args: readonly string[], env: Record<string, string>) {
  const port = await closedLoopbackPort();
  // stdout unread would fill its pipe and block the server's logging (pipes are synchronous on Linux).
  const command = spawn(process.execPath, [BIN, 'serve', ...args], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  command.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => command.on('exit', resolve));
  return {
    command,
    exited,
    stderr: () => stderr,
    /** Whether stderr says `pattern` within a minute. */
    said: (pattern: RegExp) => waitUntil(() => pattern.test(stderr), 60_000),
    /** Stops it if a failed assertion left it running, so the test process can end. */
    async cleanUp(): Promise<void> {
      if (command.exitCode !== null) return;
      command.kill('SIGTERM');
      await exited;
    },
    /** Whether /healthz answered within about half a minute. */
    healthy: () => waitUntil(() => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false), 30_000),
  };
}

/** The child processes of `pid` (empty where the kernel does not list them). */
function childrenOf(pid: number | undefined): string[] {
  const list = `/proc/${pid}/task/${pid}/children`;
  return existsSync(list) ? readFileSync(list, 'utf8').trim().split(' ').filter(Boolean) : [];
}

/** Whether the process runs in a node with the server's heap options. */
function hasServerOptions(pid: string): boolean {
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  return SERVER_NODE_OPTIONS.every((option) => argv.includes(option));
}

test('serve relaunches with the heap options and stops cleanly on SIGTERM', async () => {
  const database = await reopenableTestDatabase('pglite');
  const dataDir = database.dataDir ?? '';
  const serve = await startServe([], { PARCELGRID_DATA_DIR: dataDir });
  try {
    assert.ok(await serve.healthy(), serve.stderr());
    for (const server of childrenOf(serve.command.pid)) assert.ok(hasServerOptions(server));
    serve.command.kill('SIGTERM');
    assert.equal(await serve.exited, 0, serve.stderr());
    assert.equal(serve.stderr().match(/SIGTERM received, stopping/g)?.length, 1, serve.stderr());
    assert.ok(!existsSync(join(dataDir, 'pglite.pid')), 'the data folder is released');
  } finally {
    await serve.cleanUp();
    await database.dispose();
  }
});

test('serve --workers runs that many servers on PostgreSQL, one holding the outbox leases, and stops them all', { skip: await postgresSkipReason() }, async () => {
  const database = await openTestDatabase('postgres');
  const dataDir = mkdtempSync(join(tmpdir(), 'parcelgrid-workers-'));
  const serve = await startServe(['--workers', '2'], { DATABASE_URL: database.databaseUrl ?? '', PARCELGRID_DATA_DIR: dataDir });
  try {
    // The primary says so once both workers listen; /healthz answers as soon as the first does.
    assert.ok(await serve.said(/listening on http:\/\/127\.0\.0\.1:\d+ with 2 workers/), serve.stderr());
    assert.ok(await serve.healthy(), serve.stderr());
    const [primary] = childrenOf(serve.command.pid);
    const workers = childrenOf(Number(primary));
    assert.equal(workers.length, 2, serve.stderr());
    for (const worker of workers) assert.ok(hasServerOptions(worker));
    const owners = async () => (await sql<{ lease_owner: string | null }>`SELECT DISTINCT lease_owner FROM outbox_consumers`.execute(database.db)).rows.map((row) => row.lease_owner);
    await waitUntil(async () => (await owners()).some(Boolean), 10_000);
    const held = await owners();
    assert.equal(held.length, 1, `every subscriber with one process: ${held.join(', ')}`);
    assert.ok(workers.some((pid) => held[0]?.includes(`/${pid}/`)), `a worker holds the leases: ${held[0]}`);

    serve.command.kill('SIGTERM');
    assert.equal(await serve.exited, 0, serve.stderr());
    assert.equal(serve.stderr().match(/SIGTERM received, stopping…/g)?.length, 2, serve.stderr());
    assert.deepEqual(await owners(), [null], 'the leases are given up on a clean stop');
  } finally {
    await serve.cleanUp();
    await database.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('serve --workers refuses the embedded database and bad counts with a clear message', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parcelgrid-workers-'));
  try {
    for (const [args, message] of [
      [['--workers', '2'], /2 workers need PostgreSQL \(set DATABASE_URL\)/],
      [['--workers', 'zero'], /--workers must be a whole number from 1, or auto/],
    ] as const) {
      const serve = await startServe(args, { PARCELGRID_DATA_DIR: dataDir, DATABASE_URL: '' });
      assert.equal(await serve.exited, 1, serve.stderr());
      assert.match(serve.stderr(), message);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
