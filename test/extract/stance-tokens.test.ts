// Tests the stance stage's token view: words as the cue and issue lexicons read them, possessives and punctuation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stanceTokens } from '../../src/extract/stance-tokens.ts';
import { makeDoc } from './make-doc.ts';

/** Each token as "word", with "+" when possessive and "." when punctuation. */
function tokenWords(text: string): string[] {
  const tokens = stanceTokens(makeDoc(text), (word) => word === 'the');
  return tokens.words.map((word, index) => `${word}${tokens.possessive[index] ? '+' : ''}${tokens.punctuation[index] ? '.' : ''}`);
}

test('words are lower-cased with the possessive ending taken off, whichever apostrophe it has', () => {
  assert.deepEqual(tokenWords("Kyiv’s plan and Moscow's offer."), ['kyiv+', 'plan', 'and', 'moscow+', 'offer', '..']);
});

test('a contracted "is" is not a possessive', () => {
  assert.deepEqual(tokenWords("It's late, and that’s final."), ["it's", 'late', ',.', 'and', "that's", 'final', '..']);
});

test('letters with diacritics are kept', () => {
  assert.deepEqual(tokenWords('The Zürich round'), ['the', 'zürich', 'round']);
});

test('a determiner slot takes determiners and possessives', () => {
  const tokens = stanceTokens(makeDoc("the plan and Kyiv's plan"), (word) => word === 'the');
  assert.deepEqual([0, 1, 3].map((index) => tokens.isDeterminer(index)), [true, false, true]);
});
