import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_DELIVERY_SETTINGS, eventTypeFilterProblems, retryDelaySeconds, webhookUrlProblem } from './model.ts';

it('backs off 10 s, 30 s, 90 s … capped at an hour, with half of each wait random', () => {
  const settings = DEFAULT_DELIVERY_SETTINGS;
  // random = 0 gives half the base wait, random → 1 the full wait: base = 10 × 3^(attempt-1).
  assert.equal(retryDelaySeconds(1, settings, 0), 5);
  assert.equal(retryDelaySeconds(2, settings, 0), 15);
  assert.equal(retryDelaySeconds(3, settings, 0.5), 67.5); // 45 + 45 × 0.5
  // 10 × 3^5 = 2430, 10 × 3^6 = 7290 → capped at 3600, half of which is 1800.
  assert.equal(retryDelaySeconds(6, settings, 0), 1215);
  assert.equal(retryDelaySeconds(7, settings, 0), 1800);
});

it('accepts exact types, prefixes ending in .* and *; explains anything else', () => {
  assert.deepEqual(eventTypeFilterProblems(['parcel.*', 'waybill.created', '*']), []);
  assert.equal(eventTypeFilterProblems(['parcel*', 'Parcel.created', 'parcel.*.x']).length, 3);
  assert.match(eventTypeFilterProblems(['order.created', 'order.created'])[0] ?? '', /twice/);
});

it('takes http(s) URLs without credentials or fragments', () => {
  assert.equal(webhookUrlProblem('https://hooks.example.com/parcelgrid?x=1'), undefined);
  assert.match(webhookUrlProblem('ftp://example.com') ?? '', /https/);
  assert.match(webhookUrlProblem('https://user:pw@example.com') ?? '', /password/);
  assert.match(webhookUrlProblem('example.com/hook') ?? '', /absolute URL/);
});
