// The token trie and title reading: longest match over document tokens, case rules, possessives, and comparable title keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Gazetteer, loadKnowledge, phraseTokens, readTitle, tokenKey, tokenView } from '../../src/knowledge/index.ts';
import { tokenize } from '../../src/text/tokens.ts';

function viewOf(text: string) {
  return tokenView(text, tokenize(text));
}

function matchedTexts(gazetteer: Gazetteer<string>, text: string): string[] {
  const view = viewOf(text);
  return gazetteer.scan(view).map((match) => `${text.slice(view.tokens[match.start].start, view.tokens[match.end - 1].end)}=${match.entries.join('/')}`);
}

test('token keys are lower-case, without diacritics, with straight apostrophes', () => {
  assert.equal(tokenKey('Erdoğan'), 'erdogan');
  assert.equal(tokenKey('Putin’s'), "putin's");
  assert.equal(tokenKey('Sikorski'), 'sikorski');
});

test('the longest phrase wins and a shorter one is found where the longer one stops', () => {
  const gazetteer = new Gazetteer<string>();
  gazetteer.add('Israel', 'country');
  gazetteer.add('Israel Ben-Ami', 'person');
  gazetteer.add('foreign ministry', 'body');
  assert.deepEqual(matchedTexts(gazetteer, 'Israel Ben-Ami met the Foreign Ministry of Israel.'), ['Israel Ben-Ami=person', 'Foreign Ministry=body', 'Israel=country']);
});

test('short all-capital forms match only in capitals; names only when capitalised', () => {
  const gazetteer = new Gazetteer<string>();
  gazetteer.add('US', 'United States');
  gazetteer.add('Turkey', 'Turkey');
  assert.deepEqual(matchedTexts(gazetteer, 'Let us carve the turkey while the US waits for Turkey.'), ['US=United States', 'Turkey=Turkey']);
});

test('a possessive word ends a phrase and is reported', () => {
  const gazetteer = new Gazetteer<string>();
  gazetteer.add('Kremlin', 'Russia');
  const view = viewOf("The Kremlin's answer came late.");
  const [match] = gazetteer.scan(view);
  assert.equal(match.possessive, true);
  assert.deepEqual(match.entries, ['Russia']);
});

test('a phrase does not run across a line break', () => {
  const gazetteer = new Gazetteer<string>();
  gazetteer.add('New Delhi', 'India');
  assert.deepEqual(matchedTexts(gazetteer, 'New\nDelhi'), []);
});

test('the default knowledge gazetteer finds people, parties, metonyms, titles and bodies', () => {
  const kb = loadKnowledge();
  const text = "Kremlin aide Yuri Ushakov told the Russian foreign ministry that Zelenskyy's presidential office had replied.";
  const view = viewOf(text);
  const found = kb.gazetteer.scan(view).map((match) => `${text.slice(view.tokens[match.start].start, view.tokens[match.end - 1].end)}:${match.entries[0].type}`);
  assert.deepEqual(found, ['Kremlin:party', 'aide:title', 'Yuri Ushakov:person', 'Russian:party', 'foreign ministry:body', "Zelenskyy's:person", 'presidential office:body']);
});

test('titles read into comparable keys with their modifiers', () => {
  const kb = loadKnowledge();
  const read = (phrase: string) => readTitle(kb, phraseTokens(phrase).keys);
  assert.equal(read('Deputy Foreign Minister')?.key, 'deputy foreign minister');
  assert.equal(read('former president')?.former, true);
  assert.equal(read('defense secretary')?.key, 'defence minister');
  assert.equal(read('press secretary')?.kind, 'spokesperson');
  assert.equal(read('energy minister')?.key, 'energy minister');
  assert.equal(read('deputy chief of staff')?.key, 'deputy chief of staff');
  assert.equal(read('senior research fellow')?.kind, 'analyst');
  assert.equal(read('acting ambassador')?.acting, true);
  assert.equal(read('harbour'), null);
});
