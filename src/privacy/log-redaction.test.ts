import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { LOG_REDACT_PATHS, REDACTED, redactForLog } from './log-redaction.ts';

const order = {
  id: 'o_1',
  recipient: { name: '王小明', phone: '13812341234', address: { detail: '软件园路1号' }, district: '甘井子区' },
  sender: { name: 'Acme Ltd', mobile: '13900001111' },
};

test('redactForLog hides personal fields at any depth and keeps the rest', () => {
  const input = { event: 'order.created', batch: [{ order }], auth: { apiKey: 'pk_live_x' }, Phone: '139' };
  assert.deepEqual(redactForLog(input), {
    event: 'order.created',
    batch: [
      {
        order: {
          id: 'o_1',
          recipient: { name: REDACTED, phone: REDACTED, address: REDACTED, district: '甘井子区' },
          sender: { name: REDACTED, mobile: REDACTED },
        },
      },
    ],
    auth: { apiKey: REDACTED },
    Phone: REDACTED,
  });
  assert.equal(input.batch[0]?.order.recipient.name, '王小明'); // the input is not modified
});

test('redactForLog marks only true cycles and keeps non-plain values', () => {
  const shared = { zone: 'z1' };
  const cyclic: Record<string, unknown> = { a: shared, b: shared, at: new Date(0) };
  cyclic['self'] = cyclic;
  assert.deepEqual(redactForLog(cyclic), { a: shared, b: shared, at: new Date(0), self: '[Circular]' });
});

test('pino configured with the paths and redactForLog writes no personal data or secrets', () => {
  let output = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  const logger = pino({ redact: { paths: [...LOG_REDACT_PATHS] }, formatters: { log: redactForLog } }, sink);
  logger.info({ order, req: { headers: { authorization: 'Bearer pk_live_x', 'x-api-key': 'pk_live_y' } } }, 'created');
  logger.info({ orders: [order] }, 'batch');
  for (const secret of ['王小明', '13812341234', '软件园路', 'Acme', '13900001111', 'pk_live_x', 'pk_live_y']) {
    assert.ok(!output.includes(secret), `log output contains ${secret}: ${output}`);
  }
  assert.ok(output.includes('甘井子区'));
});
