// `parcelgrid serve` runs the server in a node with the server's heap options, and a signal sent
// to the command it was started as stops the server cleanly, once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { reopenableTestDatabase } from '../../test/support/databases.ts';
import { closedLoopbackPort } from '../../test/support/ports.ts';
import { SERVER_NODE_OPTIONS } from './server-process.ts';

const BIN = new URL('../../bin/parcelgrid.js', import.meta.url).pathname;

test('serve relaunches with the heap options and stops cleanly on SIGTERM', async () => {
  const database = await reopenableTestDatabase('pglite');
  const dataDir = database.dataDir ?? '';
  try {
    const port = await closedLoopbackPort();
    const command = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, PARCELGRID_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' } });
    let stderr = '';
    command.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => command.on('exit', resolve));
    for (let i = 0; i < 120 && !(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const children = `/proc/${command.pid}/task/${command.pid}/children`;
    if (existsSync(children)) {
      const [server] = readFileSync(children, 'utf8').trim().split(' ');
      const argv = readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0');
      assert.ok(SERVER_NODE_OPTIONS.every((option) => argv.includes(option)), argv.join(' '));
    }
    command.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.equal(stderr.match(/SIGTERM received, stopping/g)?.length, 1, stderr);
    assert.ok(!existsSync(join(dataDir, 'pglite.pid')), 'the data folder is released');
  } finally {
    await database.dispose();
  }
});
