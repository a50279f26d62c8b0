// Token keys and the shared token view: keys, possessive bases, capitals, and one view per token array.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personNameKey, possessiveBase, tokenKey, tokenView } from '../../src/knowledge/index.ts';
import { tokenize } from '../../src/text/tokens.ts';

test('plain ASCII keys are lower-cased; other text loses diacritics and gets plain apostrophes and hyphens', () => {
  assert.equal(tokenKey('parliament'), 'parliament');
  assert.equal(tokenKey('NATO'), 'nato');
  assert.equal(tokenKey('Łódź'), 'lodz');
  assert.equal(tokenKey('Straße'), 'strasse');
  assert.equal(tokenKey('co‑chair’s'), "co-chair's");
});

test('a possessive base drops the ending of "x\'s" and "xs\'" but leaves short words alone', () => {
  assert.equal(possessiveBase("minister's"), 'minister');
  assert.equal(possessiveBase("allies'"), 'allies');
  assert.equal(possessiveBase("'s"), null);
  assert.equal(possessiveBase('talks'), null);
});

test('the view holds a key, a base, a possessive flag and a capital flag per token', () => {
  const text = "Élodie met the Senate's envoy, then ÉTAT officials.";
  const view = tokenView(text, tokenize(text));
  assert.deepEqual(view.keys, ['elodie', 'met', 'the', "senate's", 'envoy', ',', 'then', 'etat', 'officials', '.']);
  assert.equal(view.bases[3], 'senate');
  assert.deepEqual(
    view.possessive.map((flag, index) => (flag ? index : -1)).filter((index) => index >= 0),
    [3],
  );
  assert.deepEqual(view.capitalized, [true, false, false, true, false, false, false, true, false, false]);
});

test('the stages of one document share one view; another token array gets its own', () => {
  const text = 'The envoy left early.';
  const tokens = tokenize(text);
  const first = tokenView(text, tokens);
  const other = tokenView(text, tokenize(text));
  assert.notEqual(other, first);
  assert.equal(tokenView(text, tokens), first);
  assert.deepEqual(other.keys, first.keys);
});

test('a person name key drops leading titles, initials and suffixes', () => {
  const lexicon = { suffixes: new Set(['jr']), titleByForm: new Map([['sir', { title: 'Sir', kind: 'honorific' as const, forms: ['Sir'], beforeName: true }]]) };
  assert.equal(personNameKey(['sir', 'john', 'q.', 'public', 'jr.'], lexicon), 'john public');
  assert.equal(personNameKey(['j', 'smith'], lexicon), 'smith');
  assert.equal(personNameKey(['élan', '—', 'vital'], lexicon), 'élan vital');
});
