// `parcelgrid demo` pointed at a server it cannot reach, or holding wrong keys, says so in one
// line and exits non-zero.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';
import { closedLoopbackPort } from '../../test/support/ports.ts';
import { SIM_PARTY_CODES } from '../sim/index.ts';

const BIN = new URL('../../bin/parcelgrid.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'parcelgrid-demo-test-'));
let server: TestPlatform;
let baseUrl: string;

/** Runs the CLI with the test's data folder; resolves with exit code and stderr. */
function demo(...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'demo', ...args], { env: { ...process.env, PARCELGRID_DATA_DIR: dataDir } }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr });
    });
  });
}

before(async () => {
  server = await startTestPlatform('pglite');
  baseUrl = await server.platform.http.listen({ port: 0, host: '127.0.0.1' });
});

after(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('without a demo keys file it says how to get one', async () => {
  const { code, stderr } = await demo('--url', baseUrl);
  assert.equal(code, 1);
  assert.equal(stderr.trim().split('\n').length, 1);
  assert.match(stderr, /no demo keys at .*demo-keys\.json: run `npm start`/);
});

test('an unreachable server gives one line and exit 1', async () => {
  writeFileSync(join(dataDir, 'demo-keys.json'), JSON.stringify(Object.fromEntries(SIM_PARTY_CODES.map((code) => [code, 'pgk_test_wrong']))));
  const port = await closedLoopbackPort();
  const { code, stderr } = await demo('--url', `http://127.0.0.1:${port}`);
  assert.equal(code, 1);
  assert.equal(stderr.trim().split('\n').length, 1);
  assert.match(stderr, new RegExp(`^parcelgrid demo: cannot reach the parcelgrid server at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\); is it running\\?`));
});

test('a wrong key gives one line naming the party and exit 1', async () => {
  writeFileSync(join(dataDir, 'demo-keys.json'), JSON.stringify(Object.fromEntries(SIM_PARTY_CODES.map((code) => [code, 'pgk_test_wrong']))));
  const { code, stderr } = await demo('--url', baseUrl);
  assert.equal(code, 1);
  assert.equal(stderr.trim().split('\n').length, 1);
  assert.match(stderr, new RegExp(`refused the API key for ${SIM_PARTY_CODES[0]} \\(HTTP 401\\)`));
});

test('bad flags are refused before anything runs', async () => {
  const { code, stderr } = await demo('--volume', 'huge');
  assert.equal(code, 1);
  assert.match(stderr, /--volume must be one of small, city; got "huge"/);
});
