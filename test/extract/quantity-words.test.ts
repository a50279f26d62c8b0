// The token reader the dates and quantities stages share: lower-cased words from the shared keys, possessives, lines, blanks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/text/tokens.ts';
import { isBlank, TokenView } from '../../src/extract/quantity-words.ts';

function viewOf(text: string): TokenView {
  return new TokenView(text, tokenize(text));
}

function wordsOf(text: string): string[] {
  const view = viewOf(text);
  return view.tokens.map((_, index) => view.word(index));
}

test('words are lower-cased and lose a possessive \'s, straight or curly', () => {
  assert.deepEqual(wordsOf("Monday's vote left the Allies' plan and Dr Okafor’s offer 5M short"), [
    'monday', 'vote', 'left', 'the', 'allies', "'", 'plan', 'and', 'dr', 'okafor', 'offer', '5m', 'short',
  ]);
});

test('word reads outside the text as empty', () => {
  const view = viewOf('Three ships');
  assert.equal(view.word(-1), '');
  assert.equal(view.word(2), '');
  assert.equal(view.word(0), 'three');
});

test('capitalised and sameLine read the text around tokens', () => {
  const view = viewOf('Five boats\nÉmile left');
  assert.equal(view.capitalised(0), true);
  assert.equal(view.capitalised(1), false);
  assert.equal(view.capitalised(2), true);
  assert.equal(view.sameLine(0), true);
  assert.equal(view.sameLine(1), false);
});

test('isBlank accepts only whitespace, including non-breaking and line separators', () => {
  assert.equal(isBlank('a \t\u00a0\u2028b', 1, 5), true);
  assert.equal(isBlank('a - b', 1, 4), false);
  assert.equal(isBlank('ab', 1, 1), true);
});
