import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { guessFormat, readProblemText } from './read-problem-text.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('guesses the format from the extension, then from the content', () => {
  assert.equal(guessFormat('', 'a.json'), 'vroom');
  assert.equal(guessFormat('', 'a.VRP'), 'cvrplib');
  assert.equal(guessFormat(fixture('tiny3.txt'), 'tiny3.txt'), 'solomon');
  assert.equal(guessFormat(fixture('tiny4.vrp'), 'tiny4'), 'cvrplib');
  assert.equal(guessFormat(' {"vehicles": []}', 'problem'), 'vroom');
  assert.throws(() => guessFormat('hello', 'notes.txt'), /notes\.txt: cannot tell the format.*--format vroom\|solomon\|cvrplib/);
});

test('benchmark formats also return the raw instance; an explicit format wins', () => {
  const solomon = readProblemText(fixture('tiny3.txt'), 'tiny3.txt');
  assert.equal(solomon.format, 'solomon');
  assert.equal(solomon.instance?.customers.length, 3);
  assert.throws(() => readProblemText(fixture('tiny3.txt'), 'tiny3.txt', 'vroom'), /tiny3\.txt: not valid JSON/);
});
