/** A request's logger is made when it first logs, bound to the request id, still redacting. */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger } from '../../cli/runtime.ts';
import { lazyRequestLogger } from './request-logger.ts';

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk)) as Record<string, unknown>); done(); } });
  return { logger: createLogger('info', sink), lines };
}

describe('lazy request logger', () => {
  it('makes no child logger for a request that does not log', () => {
    const { logger } = capturingLogger();
    let children = 0;
    const parent = Object.assign(Object.create(logger) as typeof logger, { child: () => { children += 1; return logger; } });
    lazyRequestLogger(parent, { reqId: 'req-1' }, {});
    assert.equal(children, 0);
  });

  it('logs with the request id and the parent redaction, making the child once', () => {
    const { logger, lines } = capturingLogger();
    const requestLog = lazyRequestLogger(logger, { reqId: 'req-7' }, {});
    requestLog.error({ err: new Error('boom'), phone: '13812341234' }, 'request failed');
    requestLog.debug('below the level');
    requestLog.warn('second line');
    assert.equal(requestLog.level, 'info');
    assert.deepEqual(lines.map((line) => [line['reqId'], line['msg'], line['phone']]), [['req-7', 'request failed', '[Redacted]'], ['req-7', 'second line', undefined]]);
  });
});
