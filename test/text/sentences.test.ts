import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/text/sentences.ts';
import { tokenize } from '../../src/text/tokens.ts';

function split(text: string, options?: Parameters<typeof splitSentences>[2]): string[] {
  return splitSentences(text, tokenize(text), options).map((sentence) => text.slice(sentence.start, sentence.end));
}

test('dotted country abbreviations do not end a sentence before a name, but do before a sentence starter', () => {
  assert.deepEqual(split('The U.S. Senate voted. Aid was sent to the U.K. The vote was close.'), [
    'The U.S. Senate voted.',
    'Aid was sent to the U.K.',
    'The vote was close.',
  ]);
});

test('titles and honorifics never end a sentence', () => {
  assert.deepEqual(split('Sir Alan Brooke met Dr. Haddad and Gen. Ortiz. Mr. Lund was absent.'), [
    'Sir Alan Brooke met Dr. Haddad and Gen. Ortiz.',
    'Mr. Lund was absent.',
  ]);
});

test('initials in names and month abbreviations before a day stay inside the sentence', () => {
  assert.deepEqual(split('Talks with J. D. Vance and John F. Kerry ended on Jan. 12. A new round follows.'), [
    'Talks with J. D. Vance and John F. Kerry ended on Jan. 12.',
    'A new round follows.',
  ]);
});

test('decimals and numbered references are not sentence ends', () => {
  assert.deepEqual(split('Output rose 14.5 percent under Resolution No. 3. Prices fell.'), ['Output rose 14.5 percent under Resolution No. 3.', 'Prices fell.']);
});

test('a sentence ending inside a closing quote ends after the quote', () => {
  assert.deepEqual(split('He said the road was “long but open.” The US team agreed. She called it "a start." Then she left.'), [
    'He said the road was “long but open.”',
    'The US team agreed.',
    'She called it "a start."',
    'Then she left.',
  ]);
});

test('a quote spanning sentences splits, each part keeping its own quote mark', () => {
  assert.deepEqual(split('She said: "We are ready. The rest is up to them." Then she left.'), [
    'She said: "We are ready.',
    'The rest is up to them."',
    'Then she left.',
  ]);
});

test('a question inside a quote followed by a lowercase speaker tag stays one sentence', () => {
  assert.deepEqual(split('"Is it over?" she asked. It was not.'), ['"Is it over?" she asked.', 'It was not.']);
});

test('line breaks always end a sentence, so list items and headings stand alone', () => {
  assert.deepEqual(split('Key Points\nTiming: next week\nVenue: Bergen, probably\nThe talks resume.'), [
    'Key Points',
    'Timing: next week',
    'Venue: Bergen, probably',
    'The talks resume.',
  ]);
});

test('a heading is never split inside and ends its sentence', () => {
  const text = 'Dr. No Returns. A Review Of The U.S. Plan and more text. Next.';
  const heading = { start: 0, end: 'Dr. No Returns. A Review Of The U.S. Plan'.length };
  assert.deepEqual(split(text, { keepWhole: [heading] }), ['Dr. No Returns. A Review Of The U.S. Plan', 'and more text.', 'Next.']);
});

test('explicit breaks end a sentence', () => {
  const text = 'first part second part';
  assert.deepEqual(split(text, { breaks: [10] }), ['first part', 'second part']);
});

test('every sentence is trimmed and lies within the text; every token is in exactly one sentence', () => {
  const text = '  “Hello.”  World!\n\n  Again?  Yes.  ';
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  let covered = 0;
  for (const sentence of sentences) {
    const value = text.slice(sentence.start, sentence.end);
    assert.ok(sentence.start >= 0 && sentence.end <= text.length && sentence.start < sentence.end);
    assert.equal(value, value.trim());
    covered += tokens.filter((token) => token.start >= sentence.start && token.end <= sentence.end).length;
  }
  assert.equal(covered, tokens.length);
});
