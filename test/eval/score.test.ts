// The scorer agrees with the reference eval/score.py: its numbers on our own fixtures are pinned here.
//
// How the pinned numbers were obtained: the fixtures in test/eval/fixtures were written for these tests, and the
// reference scorer was run on them once, by hand, outside the test suite:
//   python3 ../shared/eval/score.py fixtures/rules/prediction.json fixtures/rules/gold-a.json fixtures/rules/gold-b.json --json
//   python3 ../shared/eval/score.py fixtures/ties/prediction.json fixtures/ties/gold.json            (and with --json)
//   python3 ../shared/eval/score.py fixtures/empty.json fixtures/rules/gold-a.json fixtures/rules/gold-b.json --json
//   python3 ../shared/eval/score.py fixtures/rules/prediction.json fixtures/empty.json --json
// Its output is copied below verbatim; the tests never read ../shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { formatFindings, formatScoreTable, readGoldFiles, readPredictionFile, scoreExtraction, type EvalMetrics } from '../../src/eval/index.ts';

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

const rulesGold = () => readGoldFiles([fixture('rules/gold-a.json'), fixture('rules/gold-b.json')]);

// score.py on fixtures/rules (prediction.json against gold-a.json and gold-b.json).
const rulesExpected: EvalMetrics = {
  persons: { tp: 8, fp: 4, fn: 2, precision: 0.667, recall: 0.8, f1: 0.727 },
  stances: { tp: 4, fp: 4, fn: 2, precision: 0.5, recall: 0.667, f1: 0.571 },
  events: { tp: 8, fp: 3, fn: 3, precision: 0.727, recall: 0.727, f1: 0.727 },
  quotes: { tp: 5, fp: 0, fn: 2, precision: 1.0, recall: 0.714, f1: 0.833 },
  quantities: { tp: 6, fp: 0, fn: 5, precision: 1.0, recall: 0.545, f1: 0.706 },
  person_party_accuracy: 0.714,
  stance_act_accuracy: 0.75,
  event_date_accuracy: 0.429,
  quote_speaker_accuracy: 0.8,
  boilerplate_removed: 0.333,
  not_person_hits: 2,
  missing_docs: 1,
};

test('every rule of the scoring gives the numbers score.py gives on the rules fixture', () => {
  const { metrics } = scoreExtraction(readPredictionFile(fixture('rules/prediction.json')), rulesGold());
  assert.deepEqual(metrics, rulesExpected);
});

test('the findings name each miss, false positive and wrong attribute that score.py logs, in its order', () => {
  const { findings } = scoreExtraction(readPredictionFile(fixture('rules/prediction.json')), rulesGold());
  // score.py --verbose printed 36 log lines on this fixture.
  assert.equal(findings.length, 36);
  const lines = formatFindings(findings);
  assert.equal(lines[0], 'alpha.txt: missed person Li Wen');
  assert.ok(lines.includes('alpha.txt: Tom Keller party "Germany" != "United States"'));
  assert.ok(lines.includes('alpha.txt: extra person "Jonas Pike"'));
  assert.ok(lines.includes('alpha.txt: stance Europe/nato-membership acts ["support"] not in ["oppose"]'));
  assert.ok(lines.includes('alpha.txt: missed event indirect talks in Cairo'));
  assert.ok(lines.includes('alpha.txt: boilerplate still present: "Follow us on"'));
  assert.ok(lines.includes('beta.txt: no prediction'));
  assert.ok(lines.includes('gamma.md: Mira Tal party null != "Israel"'));
  assert.equal(lines.at(-1), 'delta.txt: missed quantity 800000 (counter-proposal cap)');
  const kinds = new Set(findings.map((finding) => `${finding.category}/${finding.kind}`));
  for (const kind of ['persons/missed', 'persons/extra', 'persons/wrong', 'stances/missed', 'stances/extra', 'stances/wrong', 'events/missed', 'events/extra', 'events/wrong', 'quotes/missed', 'quotes/wrong', 'quantities/missed', 'boilerplate/wrong', 'documents/missed']) {
    assert.ok(kinds.has(kind), `no ${kind} finding`);
  }
});

test('rates exactly halfway between two roundings are rounded to even, in the metrics and in the table', () => {
  const { metrics } = scoreExtraction(readPredictionFile(fixture('ties/prediction.json')), readGoldFiles([fixture('ties/gold.json')]));
  assert.deepEqual(metrics, {
    persons: { tp: 1, fp: 15, fn: 0, precision: 0.062, recall: 1.0, f1: 0.118 },
    stances: { tp: 1, fp: 7, fn: 2, precision: 0.125, recall: 0.333, f1: 0.182 },
    events: { tp: 16, fp: 0, fn: 0, precision: 1.0, recall: 1.0, f1: 1.0 },
    quotes: { tp: 5, fp: 0, fn: 3, precision: 1.0, recall: 0.625, f1: 0.769 },
    quantities: { tp: 3, fp: 0, fn: 13, precision: 1.0, recall: 0.188, f1: 0.316 },
    person_party_accuracy: 1.0,
    stance_act_accuracy: 1.0,
    event_date_accuracy: 0.062,
    quote_speaker_accuracy: 0.6,
    boilerplate_removed: 0.625,
    not_person_hits: 0,
    missing_docs: 0,
  });
  // score.py's table for the same files, verbatim.
  assert.deepEqual(formatScoreTable(metrics), [
    'persons     P=0.06 R=1.00 F1=0.12  (tp 1 fp 15 fn 0)',
    'stances     P=0.12 R=0.33 F1=0.18  (tp 1 fp 7 fn 2)',
    'events      P=1.00 R=1.00 F1=1.00  (tp 16 fp 0 fn 0)',
    'quotes      P=1.00 R=0.62 F1=0.77  (tp 5 fp 0 fn 3)',
    'quantities  P=1.00 R=0.19 F1=0.32  (tp 3 fp 0 fn 13)',
    'person_party_accuracy   1.0',
    'stance_act_accuracy     1.0',
    'event_date_accuracy     0.062',
    'quote_speaker_accuracy  0.6',
    'boilerplate_removed     0.625',
    'not_person_hits         0',
    'missing_docs            0',
  ]);
});

test('an empty prediction misses every gold document; an empty gold scores 1.0 with no ratios', () => {
  const emptyPrediction = readPredictionFile(fixture('empty.json'));
  const zero = { tp: 0, fp: 0, precision: 0.0, recall: 0.0, f1: 0.0 };
  assert.deepEqual(scoreExtraction(emptyPrediction, rulesGold()).metrics, {
    persons: { ...zero, fn: 10 },
    stances: { ...zero, fn: 6 },
    events: { ...zero, fn: 11 },
    quotes: { ...zero, fn: 7 },
    quantities: { ...zero, fn: 11 },
    person_party_accuracy: null,
    stance_act_accuracy: null,
    event_date_accuracy: null,
    quote_speaker_accuracy: null,
    boilerplate_removed: 0.0,
    not_person_hits: 0,
    missing_docs: 4,
  });
  const perfect = { tp: 0, fp: 0, fn: 0, precision: 1.0, recall: 1.0, f1: 1.0 };
  assert.deepEqual(scoreExtraction(readPredictionFile(fixture('rules/prediction.json')), readGoldFiles([fixture('empty.json')])).metrics, {
    persons: perfect,
    stances: perfect,
    events: perfect,
    quotes: perfect,
    quantities: perfect,
    person_party_accuracy: null,
    stance_act_accuracy: null,
    event_date_accuracy: null,
    quote_speaker_accuracy: null,
    boilerplate_removed: null,
    not_person_hits: 0,
    missing_docs: 0,
  });
});
