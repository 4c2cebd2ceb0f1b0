import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statuses } from './status.ts';
import { judgeTransition, terminalStatuses } from './transitions.ts';

test('repeating any status is a legal move', () => {
  for (const status of statuses) assert.deepEqual(judgeTransition(status, status), { effect: 'move', anomaly: null });
});

test('the forward flow may skip steps', () => {
  assert.deepEqual(judgeTransition('created', 'delivered'), { effect: 'move', anomaly: null });
  assert.deepEqual(judgeTransition('collected', 'available_for_pickup'), { effect: 'move', anomaly: null });
});

test('transit scans on the return leg keep the status returning', () => {
  assert.deepEqual(judgeTransition('returning', 'in_transit'), { effect: 'keep', anomaly: null });
  assert.deepEqual(judgeTransition('returning', 'returned'), { effect: 'move', anomaly: null });
});

test('terminal statuses are sticky: an illegal next status is flagged and kept out', () => {
  for (const from of terminalStatuses) {
    const verdict = judgeTransition(from, 'out_for_delivery');
    assert.equal(verdict.effect, 'keep', from);
    assert.notEqual(verdict.anomaly, null, from);
  }
  assert.deepEqual(judgeTransition('delivered', 'returning'), { effect: 'move', anomaly: null });
});

test('an illegal step from a non-terminal status is flagged but moves', () => {
  assert.deepEqual(judgeTransition('in_transit', 'created'), {
    effect: 'move',
    anomaly: 'created cannot follow in_transit; the status moves to created but the step is flagged',
  });
  assert.notEqual(judgeTransition('created', 'returning').anomaly, null, 'nothing to return before collection');
});
