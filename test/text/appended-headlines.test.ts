// Content words of a line, as appended-headline detection compares them: lower-cased, lightly stemmed, function words out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentWords } from '../../src/text/appended-headlines.ts';

const functionWords = new Set(['the', 'and', 'with', 'for']);

test('words are lower-cased, possessive endings and long plurals drop, short and function words go', () => {
  const words = contentWords("The Mayor's allies' budgets and the bus fares for 2025", functionWords);
  assert.deepEqual([...words], ['mayor', 'allie', 'budget', 'bus', 'fare']);
});

test('a word runs on through apostrophes, hyphens and accents; digits and other marks end it', () => {
  const words = contentWords('Café re-opening isn’t cheap: co-op3 prices', functionWords);
  assert.deepEqual([...words], ['café', 're-opening', 'isn’t', 'cheap', 'co-op', 'price']);
});

test('each distinct word is kept once', () => {
  assert.deepEqual([...contentWords('Harbour harbour HARBOURS', functionWords)], ['harbour']);
});
