// The pieces of the scoring rules one by one: names, parties, dates, and Python's numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalParty, dateMatches, documentKey, normalizeText, parseDay, partyMatches, samePerson } from '../../src/eval/index.ts';
import { floatLikePython, isTruthy, reprLikePython, roundLikePython, toFixedLikePython } from '../../src/eval/python-values.ts';

test('text is trimmed, lower-cased and its whitespace collapsed as Python does it', () => {
  assert.equal(normalizeText('  Vice   President\tHarlow \n'), 'vice president harlow');
  assert.equal(normalizeText(null), '');
  // U+001C and U+3000 are whitespace to Python; U+FEFF is not (JavaScript's \s would say the opposite).
  assert.equal(normalizeText('\x1cKyiv\u3000Talks'), 'kyiv talks');
  assert.equal(normalizeText('\ufeffKyiv'), '\ufeffkyiv');
});

test('metonyms and abbreviations stand for their party; a European state counts for Europe', () => {
  assert.equal(canonicalParty('The Kremlin'), 'russia');
  assert.equal(canonicalParty('White House'), 'united states');
  assert.equal(canonicalParty('Kiev'), 'ukraine');
  assert.equal(canonicalParty('Hamas'), 'hamas');
  assert.ok(partyMatches('Washington', 'United States'));
  assert.ok(partyMatches('Belgium', 'Europe'));
  assert.ok(partyMatches('EU', 'Europe'));
  assert.ok(partyMatches('NATO', 'Europe'));
  assert.ok(!partyMatches('Europe', 'France'), 'Europe does not count for one of its states');
  assert.ok(!partyMatches('Russia', 'Europe'));
});

test('persons match by a shared name or by a last word longer than three characters', () => {
  assert.ok(samePerson(new Set(['marchuk']), new Set(['olena marchuk', 'marchuk'])));
  assert.ok(samePerson(new Set(['o. marchuk']), new Set(['olena marchuk'])));
  assert.ok(!samePerson(new Set(['mr wen']), new Set(['li wen'])), 'a three-letter surname is too short to match alone');
  assert.ok(!samePerson(new Set(), new Set(['li wen'])));
});

test('a prediction is found by its file, else its path, else its id, without folders', () => {
  assert.equal(documentKey({ file: 'a/b/c.txt' }), 'c.txt');
  assert.equal(documentKey({ file: null, path: 'exports/d.md' }), 'd.md');
  assert.equal(documentKey({ file: '', id: 'e.txt' }), 'e.txt');
  assert.equal(documentKey({}), '');
});

test('a predicted date must overlap gold and be no wider than a week, or than gold when gold is wider', () => {
  const day = { start: '2025-12-02', end: '2025-12-02' };
  assert.equal(dateMatches('2025-12-02', day), true);
  assert.equal(dateMatches({ start: '2025-11-30', end: '2025-12-06' }, day), true, 'seven days is allowed');
  assert.equal(dateMatches({ start: '2025-11-30', end: '2025-12-07' }, day), false, 'eight days is too wide');
  assert.equal(dateMatches({ start: '2025-12-03' }, day), false, 'no overlap');
  assert.equal(dateMatches({ start: '2025-12-01', end: '2025-12-10' }, { start: '2025-12-01', end: '2025-12-12' }), true, 'gold wider than a week allows as wide');
  assert.equal(dateMatches({ start: '2025-12-02T18:00:00Z', end: null }, day), true, 'a timestamp counts by its day');
  assert.equal(dateMatches({ start: 'next week' }, day), false);
  assert.equal(dateMatches(null, day), false);
  assert.equal(dateMatches('2025-12-02', null), null, 'no gold date: not scored');
  assert.equal(dateMatches('2025-12-02', {}), null);
  assert.equal(parseDay('2025-02-30'), null, 'not a real day');
  assert.equal(parseDay('0050-01-02'), parseDay('0050-01-01')! + 1, 'years below 100 are years, not 19xx');
});

test('rounding follows Python: correctly rounded, and exact ties to the even digit', () => {
  assert.equal(roundLikePython(1 / 16, 3), 0.062);
  assert.equal(roundLikePython(3 / 16, 3), 0.188);
  assert.equal(roundLikePython(5 / 16, 3), 0.312);
  assert.equal(roundLikePython(2 / 3, 3), 0.667);
  assert.equal(roundLikePython(0.0005, 3), 0.001, '0.0005 is a little above the tie as a double');
  assert.equal(toFixedLikePython(0.125, 2), '0.12');
  assert.equal(toFixedLikePython(0.625, 2), '0.62');
  assert.equal(toFixedLikePython(0.875, 2), '0.88');
  assert.equal(reprLikePython(1), '1.0');
  assert.equal(reprLikePython(0.5), '0.5');
});

test('values are read as float() reads them', () => {
  assert.equal(floatLikePython(600000), 600000);
  assert.equal(floatLikePython(' 7 '), 7);
  assert.equal(floatLikePython('14_000'), 14000);
  assert.equal(floatLikePython('+.5e-2'), 0.005);
  assert.equal(floatLikePython('5.'), 5);
  assert.equal(floatLikePython('-inf'), -Infinity);
  assert.ok(Number.isNaN(floatLikePython('NaN')));
  assert.equal(floatLikePython(true), 1);
  for (const refused of ['1__0', '_1', '1_', '0x10', '1e', '800,000', 'ninety', null, { amount: 3 }, [1]]) {
    assert.equal(floatLikePython(refused), null, `${JSON.stringify(refused)} is not a float`);
  }
  assert.ok(!isTruthy({}) && !isTruthy([]) && !isTruthy('') && !isTruthy(0) && isTruthy({ a: 1 }));
});
