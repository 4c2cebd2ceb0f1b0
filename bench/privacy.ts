/**
 * `npm run bench -- privacy [--orders N] [--driver pglite|postgres]` (both drivers by default)
 *
 * The figures the issue asks for: what sealing and masking cost per order (sender + recipient
 * sealed with AES-256-GCM, both masked, the phone-tail blind index); how many items per second
 * audited decryption serves through the HTTP stack (100 items per call, each call audited); and
 * what encryption costs the ingest of personal data: orders pushed through POST /v1/orders/batch
 * with the real protector against the same platform whose protector stores the contact as plain
 * JSON (scan events carry no personal data, so their ingest is the same with or without it).
 * Writes bench/results/privacy.md.
 */
import { writeFileSync } from 'node:fs';
import { describeMachine } from './support/machine.ts';
import { parseArgs } from 'node:util';
import { createPlatform } from '../src/app.ts';
import type { Driver } from '../src/platform/db/connect.ts';
import { createContactProtector, createEphemeralKeyring } from '../src/privacy/index.ts';
import type { ContactProtector } from '../src/exchange/index.ts';
import { openTestDatabase } from '../test/support/databases.ts';
import { orderBody } from '../test/support/platform.ts';

const ITEMS_PER_CALL = 100;
const ORDERS_PER_BATCH = 500;
/** Alternating rounds per protector, so drift in machine load hits both alike. */
const INGEST_ROUNDS = 3;

/** Microseconds per order to seal, mask and index both contacts. */
function sealAndMaskCost(orders: number): number {
  const protector = createContactProtector(createEphemeralKeyring());
  const samples = Array.from({ length: 1000 }, () => orderBody());
  const run = (count: number) => {
    for (let i = 0; i < count; i++) {
      const order = samples[i % samples.length];
      if (!order) continue;
      protector.seal(order.sender, `orders/o${i}/sender`);
      protector.seal(order.recipient, `orders/o${i}/recipient`);
      protector.mask(order.sender);
      protector.mask(order.recipient);
      protector.phoneIndex(order.recipient.phone);
    }
  };
  run(2000);
  const start = process.hrtime.bigint();
  run(orders);
  return Number(process.hrtime.bigint() - start) / 1000 / orders;
}

/** Decrypted items per second through POST /v1/privacy/decrypt, rate limits lifted. */
async function decryptThroughput(driver: Driver, orders: number): Promise<{ itemsPerSecond: number; msPerCall: number }> {
  const database = await openTestDatabase(driver);
  const platform = await createPlatform({ database, keyring: createEphemeralKeyring(), logger: false, privacy: { decryptCallsPerMinute: 1e9, decryptItemsPerHour: 1e12 } });
  try {
    const party = await platform.tenancy.createParty({ kind: 'platform', code: 'BENCHSHOP', name: 'Bench shop' });
    const key = (await platform.tenancy.issueKey(party)).key;
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const ids: string[] = [];
    for (let i = 0; i < orders; i++) {
      const response = await platform.http.inject({ method: 'POST', url: '/v1/orders', headers, payload: JSON.stringify(orderBody()) });
      ids.push((JSON.parse(response.body) as { id: string }).id);
    }
    const calls = Math.ceil(orders / ITEMS_PER_CALL);
    const start = process.hrtime.bigint();
    for (let call = 0; call < calls; call++) {
      const items = ids.slice(call * ITEMS_PER_CALL, (call + 1) * ITEMS_PER_CALL).map((order_id) => ({ order_id }));
      const response = await platform.http.inject({ method: 'POST', url: '/v1/privacy/decrypt', headers, payload: JSON.stringify({ purpose: 'delivery', actor: { id: 'bench' }, items }) });
      if (response.statusCode !== 200) throw new Error(`decrypt answered ${response.statusCode}: ${response.body}`);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { itemsPerSecond: orders / seconds, msPerCall: (seconds * 1000) / calls };
  } finally {
    await platform.http.close();
    await database.dispose();
  }
}

/** The real protector with sealing replaced by plain JSON: the "encryption off" reference. */
function plaintextProtector(): ContactProtector {
  const real = createContactProtector(createEphemeralKeyring());
  return { ...real, seal: (contact) => JSON.stringify(contact) };
}

/** Orders per second through POST /v1/orders/batch, best of INGEST_ROUNDS, with and without encryption. */
async function orderIngest(driver: Driver, orders: number): Promise<{ encrypted: number; plaintext: number }> {
  const best = { encrypted: 0, plaintext: 0 };
  for (let round = 0; round < INGEST_ROUNDS; round++) {
    for (const mode of ['encrypted', 'plaintext'] as const) {
      const database = await openTestDatabase(driver);
      const keyring = createEphemeralKeyring();
      const platform = await createPlatform({ database, keyring, logger: false, ...(mode === 'plaintext' && { protector: plaintextProtector() }) });
      try {
        const party = await platform.tenancy.createParty({ kind: 'platform', code: 'BENCHSHOP', name: 'Bench shop' });
        const headers = { authorization: `Bearer ${(await platform.tenancy.issueKey(party)).key}`, 'content-type': 'application/json' };
        const batches = Math.ceil(orders / ORDERS_PER_BATCH);
        const bodies = Array.from({ length: batches + 1 }, () => JSON.stringify({ orders: Array.from({ length: ORDERS_PER_BATCH }, () => orderBody()) }));
        const push = async (payload: string) => {
          const response = await platform.http.inject({ method: 'POST', url: '/v1/orders/batch', headers, payload });
          const answer = JSON.parse(response.body) as { created?: number; detail?: string };
          if (response.statusCode !== 200 || answer.created !== ORDERS_PER_BATCH) throw new Error(`orders batch answered ${response.statusCode}: ${answer.detail ?? response.body.slice(0, 200)}`);
        };
        // The first batch warms the JIT and the connection pool and is not timed.
        await push(bodies[0]!);
        const start = process.hrtime.bigint();
        for (const payload of bodies.slice(1)) await push(payload);
        const perSecond = (batches * ORDERS_PER_BATCH) / (Number(process.hrtime.bigint() - start) / 1e9);
        best[mode] = Math.max(best[mode], perSecond);
      } finally {
        await platform.http.close();
        await database.dispose();
      }
    }
  }
  return best;
}

export default async function (args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { orders: { type: 'string' }, driver: { type: 'string' } } });
  const orders = Number(values.orders ?? '5000');
  const drivers: readonly Driver[] = values.driver ? [values.driver as Driver] : ['pglite', 'postgres'];
  const micros = sealAndMaskCost(orders * 4);
  console.log(`seal + mask + index: ${micros.toFixed(1)} µs per order (${orders * 4} orders)`);
  const driverRows: string[] = [];
  for (const driver of drivers) {
    const decrypt = await decryptThroughput(driver, orders);
    console.log(`decrypt via API on ${driver}: ${Math.round(decrypt.itemsPerSecond)} items/s, ${decrypt.msPerCall.toFixed(1)} ms per call of ${ITEMS_PER_CALL} (audited)`);
    driverRows.push(`| audited decryption through POST /v1/privacy/decrypt (${ITEMS_PER_CALL} items per call, ${driver}) | ${Math.round(decrypt.itemsPerSecond)} items/s, ${decrypt.msPerCall.toFixed(1)} ms per call |`);
    const ingest = await orderIngest(driver, orders);
    const share = (100 * ingest.encrypted) / ingest.plaintext;
    console.log(`order ingest on ${driver}: ${Math.round(ingest.encrypted)} orders/s encrypted, ${Math.round(ingest.plaintext)} plaintext (${share.toFixed(1)} %)`);
    driverRows.push(
      `| order ingest through POST /v1/orders/batch (${ORDERS_PER_BATCH} per call, ${driver}), encrypted vs plaintext reference, best of ${INGEST_ROUNDS} | ${Math.round(ingest.encrypted)} vs ${Math.round(ingest.plaintext)} orders/s: ${share.toFixed(1)} % (target ≥ 85 %) |`,
    );
  }
  const report = [
    '# Privacy benchmark',
    '',
    `Run ${new Date().toISOString()} on ${describeMachine()} (at the end). Command: \`npm run bench -- privacy --orders ${orders}${values.driver ? ` --driver ${values.driver}` : ''}\`.`,
    '',
    '| measure | figure |',
    '|---|---|',
    `| seal (AES-256-GCM) + mask + phone-tail index, sender and recipient | ${micros.toFixed(1)} µs per order |`,
    ...driverRows,
    '',
  ].join('\n');
  writeFileSync(new URL('./results/privacy.md', import.meta.url), report);
}
