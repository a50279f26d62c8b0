// Tests the stance knowledge: the phrase trie, the issue taxonomy and the cue lexicon as the stance stage reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIssueLexicon, defaultIssueLexicon, defaultIssues, preferSpecific } from '../../src/extract/issue-lexicon.ts';
import { defaultStanceLexicon } from '../../src/extract/stance-lexicon.ts';
import { PhraseTrie, phraseWords, type MatchableWords } from '../../src/extract/stance-phrase-trie.ts';
import { readDataFile } from '../../src/knowledge/data-file.ts';

const DETERMINERS = new Set(['the', 'its', 'a']);

/** Words as the stance stage sees them: lowercase, one per token. */
function wordsOf(text: string): MatchableWords {
  const words = text.toLowerCase().split(' ');
  return { words, isDeterminer: (index) => DETERMINERS.has(words[index]) };
}

function issuesIn(text: string): string[] {
  const words = wordsOf(text);
  return defaultIssueLexicon().find(words, 0, words.words.length).map((mention) => `${mention.issue}${mention.broad ? '*' : ''}`);
}

test('the trie finds the longest phrase and fills a determiner slot', () => {
  const trie = new PhraseTrie<string>();
  trie.add('cap', 'short');
  trie.add('cap on {det} army', 'long');
  const words = wordsOf('a cap on its army now');
  assert.deepEqual(trie.longestAt(words, 1, 6), { first: 1, last: 4, value: 'long' });
  assert.deepEqual(trie.findAll(wordsOf('a cap on troops'), 0, 4), [{ first: 1, last: 1, value: 'short' }]);
  assert.equal(trie.longestAt(words, 0, 6), null);
  assert.deepEqual(phraseWords('Kyiv’s  Hopes'), ["kyiv's", 'hopes']);
});

test('the default taxonomy has every fixed issue id with a label and cues', () => {
  const ids = defaultIssues().map((issue) => issue.id);
  const fixed = ['territory', 'security-guarantees', 'nato-membership', 'military-limits', 'ceasefire', 'sanctions-assets', 'eu-integration', 'nuclear-plant', 'humanitarian', 'diplomatic-relations', 'arms-control', 'peace-plan', 'elections-governance'];
  assert.deepEqual([...ids].sort(), [...fixed].sort());
  for (const issue of defaultIssues()) {
    assert.ok(issue.label.length > 0, issue.id);
    assert.ok(issue.cues.length + (issue.broadCues?.length ?? 0) > 0, issue.id);
  }
  const about = readDataFile<{ about: string }>('issues.json').about;
  assert.match(about, /PA-X/);
});

test('issue cues match whole phrases, longest first', () => {
  assert.deepEqual(issuesIn('kyiv opposes any cap on the size of our army'), ['military-limits']);
  assert.deepEqual(issuesIn('the zaporizhzhia nuclear power plant'), ['nuclear-plant']);
  assert.deepEqual(issuesIn('a demilitarised zone in donbas'), ['territory', 'territory']);
  assert.deepEqual(issuesIn('the peace deal'), ['peace-plan*']);
});

test('a broad cue that is a verb after "to" names no issue', () => {
  assert.deepEqual(issuesIn('ready to deal with kyiv'), []);
  assert.deepEqual(issuesIn('ready to sign a deal'), ['peace-plan*']);
});

test('a specific issue outranks a broad one', () => {
  const words = wordsOf('a ceasefire plan');
  const mentions = defaultIssueLexicon().find(words, 0, 3);
  assert.deepEqual(preferSpecific(mentions).map((mention) => mention.issue), ['ceasefire']);
  const custom = buildIssueLexicon([{ id: 'fisheries', label: 'Fishing rights', cues: ['fishing quota'], broadCues: ['fish'] }]);
  assert.deepEqual(custom.find(wordsOf('the fishing quota for fish'), 0, 5).map((mention) => mention.broad), [false, true]);
});

test('the cue lexicon covers the six acts with verbs and nouns, each phrase under one act', () => {
  const data = readDataFile<{ cues: Array<{ act: string; kind: string; phrases: string[] }> }>('stance-cues.json');
  const acts = new Set(data.cues.map((group) => group.act));
  assert.deepEqual([...acts].sort(), ['accept', 'demand', 'oppose', 'propose', 'reject', 'support']);
  for (const act of acts) {
    assert.ok(data.cues.some((group) => group.act === act && group.kind === 'verb'), `${act} has verbs`);
    assert.ok(data.cues.some((group) => group.act === act && group.kind === 'noun'), `${act} has nouns`);
  }
  const actOf = new Map<string, string>();
  for (const group of data.cues) {
    assert.ok(['verb', 'noun', 'judgement', 'modal'].includes(group.kind), group.kind);
    for (const phrase of group.phrases) {
      assert.equal(phrase, phrase.toLowerCase());
      assert.equal(actOf.get(phrase) ?? group.act, group.act, `${phrase} is listed under two acts`);
      actOf.set(phrase, group.act);
    }
  }
});

test('the cue trie reads multi-word cues and their act', () => {
  const lexicon = defaultStanceLexicon();
  const words = wordsOf('moscow finds that hard to swallow');
  const match = lexicon.cues.longestAt(words, 3, 6);
  assert.equal(match?.value.act, 'reject');
  assert.equal(match?.value.kind, 'judgement');
  assert.equal(lexicon.cues.longestAt(wordsOf('europe is not cool with it'), 2, 6)?.value.act, 'oppose');
  assert.equal(lexicon.negatedAct.accept, 'reject');
  assert.equal(lexicon.negatedAct.demand, null);
});
