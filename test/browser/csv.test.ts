import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv } from '../../web/src/csv.ts';

test('cells with commas, quotes and line breaks are quoted', () => {
  // "a,b" needs quotes; 他说"好" doubles its quotes; plain cells stay bare.
  assert.equal(toCsv([['no', 'note'], ['GULL1', 'a,b'], ['GULL2', '他说"好"']]), '\uFEFFno,note\r\nGULL1,"a,b"\r\nGULL2,"他说""好"""\r\n');
});
