import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/text/tokens.ts';

function show(text: string): string[] {
  return tokenize(text).map((token) => `${token.kind}:${text.slice(token.start, token.end)}`);
}

test('words keep internal hyphens and apostrophes', () => {
  assert.deepEqual(show("The Norway-Iceland talks don't stall; Oslo’s view"), [
    'word:The',
    'word:Norway-Iceland',
    'word:talks',
    "word:don't",
    'word:stall',
    'punct:;',
    'word:Oslo’s',
    'word:view',
  ]);
});

test('numbers with separators and decimals are one token; number-led compounds are words', () => {
  assert.deepEqual(show('About 600,000 tonnes, 14.5% more, a 28-point plan, the 1990s and 2022-2026.'), [
    'word:About',
    'number:600,000',
    'word:tonnes',
    'punct:,',
    'number:14.5',
    'punct:%',
    'word:more',
    'punct:,',
    'word:a',
    'word:28-point',
    'word:plan',
    'punct:,',
    'word:the',
    'word:1990s',
    'word:and',
    'number:2022',
    'punct:-',
    'number:2026',
    'punct:.',
  ]);
});

test('dotted abbreviations stay whole and a trailing comma is separate', () => {
  assert.deepEqual(show('the U.S.-led bloc, e.g., the U.N.'), ['word:the', 'word:U.S.', 'punct:-', 'word:led', 'word:bloc', 'punct:,', 'word:e.g.', 'punct:,', 'word:the', 'word:U.N.']);
});

test('straight and curly quotes are quote tokens', () => {
  assert.deepEqual(show('“Yes,” he said. "No" \'maybe\''), [
    'quote:“',
    'word:Yes',
    'punct:,',
    'quote:”',
    'word:he',
    'word:said',
    'punct:.',
    'quote:"',
    'word:No',
    'quote:"',
    "quote:'",
    'word:maybe',
    "quote:'",
  ]);
});

test('emoji sequences, flags and other symbols are single symbol tokens', () => {
  assert.deepEqual(show('ok 🙋‍♂️ 🙋♂️ 🇳🇴 1️⃣ $5 ₹250 …'), [
    'word:ok',
    'symbol:🙋‍♂️',
    'symbol:🙋',
    'symbol:♂️',
    'symbol:🇳🇴',
    'symbol:1️⃣',
    'symbol:$',
    'number:5',
    'symbol:₹',
    'number:250',
    'punct:…',
  ]);
});

test('an ellipsis of dots and a double hyphen stay one punctuation token', () => {
  assert.deepEqual(show('wait... then -- go'), ['word:wait', 'punct:...', 'word:then', 'punct:--', 'word:go']);
});

test('tokens never include whitespace or invisible characters', () => {
  const text = ' a\u00A0b\u200Bc\n\td ';
  for (const token of tokenize(text)) {
    const value = text.slice(token.start, token.end);
    assert.equal(value, value.trim());
    assert.doesNotMatch(value, /[\u200B\u00A0]/);
  }
  assert.deepEqual(show(text), ['word:a', 'word:b', 'word:c', 'word:d']);
});
