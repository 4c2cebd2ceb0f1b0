import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalIso } from './iso-time.ts';

describe('canonicalIso', () => {
  it('keeps text already in the API form', () => assert.equal(canonicalIso('2026-12-01T10:00:00.000Z'), '2026-12-01T10:00:00.000Z'));

  it('writes other forms of an instant as UTC with milliseconds', () => {
    assert.equal(canonicalIso('2026-12-01T18:00:00+08:00'), '2026-12-01T10:00:00.000Z');
    assert.equal(canonicalIso('2026-12-01T10:00:00.5Z'), '2026-12-01T10:00:00.500Z');
  });

  it('refuses text that is no instant', () => assert.throws(() => canonicalIso('yesterday'), RangeError));
});
