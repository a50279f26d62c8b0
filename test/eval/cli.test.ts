// `parley eval` end to end: a saved extraction scored as score.py scores it, and a folder extracted and scored in one go.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/run-cli.ts';
import type { EvalMetrics } from '../../src/eval/index.ts';

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const rulesArgs = ['--gold', fixture('rules/gold-a.json'), '--gold', fixture('rules/gold-b.json'), fixture('rules/prediction.json')];

let workDir: string;
before(() => (workDir = mkdtempSync(join(tmpdir(), 'parley-eval-cli-'))));
after(() => rmSync(workDir, { recursive: true, force: true }));

test('the table is the one score.py prints for the same files', () => {
  const result = runCli(['eval', ...rulesArgs]);
  assert.equal(result.status, 0, result.stderr);
  // score.py's stdout for fixtures/rules (see score.test.ts for how it was obtained).
  assert.equal(
    result.stdout,
    [
      'persons     P=0.67 R=0.80 F1=0.73  (tp 8 fp 4 fn 2)',
      'stances     P=0.50 R=0.67 F1=0.57  (tp 4 fp 4 fn 2)',
      'events      P=0.73 R=0.73 F1=0.73  (tp 8 fp 3 fn 3)',
      'quotes      P=1.00 R=0.71 F1=0.83  (tp 5 fp 0 fn 2)',
      'quantities  P=1.00 R=0.55 F1=0.71  (tp 6 fp 0 fn 5)',
      'person_party_accuracy   0.714',
      'stance_act_accuracy     0.75',
      'event_date_accuracy     0.429',
      'quote_speaker_accuracy  0.8',
      'boilerplate_removed     0.333',
      'not_person_hits         2',
      'missing_docs            1',
      '',
    ].join('\n'),
  );
});

test('--json prints the metrics with score.py\'s keys; --verbose adds the findings', () => {
  const plain = runCli(['eval', '--json', ...rulesArgs]);
  assert.equal(plain.status, 0, plain.stderr);
  const metrics = JSON.parse(plain.stdout) as EvalMetrics;
  assert.deepEqual(metrics.stances, { tp: 4, fp: 4, fn: 2, precision: 0.5, recall: 0.667, f1: 0.571 });
  assert.equal(metrics.missing_docs, 1);
  const verbose = JSON.parse(runCli(['eval', '--json', '--verbose', ...rulesArgs]).stdout) as { findings: { file: string; message: string }[] };
  assert.equal(verbose.findings.length, 36);
  const lines = runCli(['eval', '--verbose', ...rulesArgs]).stdout.split('\n');
  assert.equal(lines[0], 'alpha.txt: missed person Li Wen');
  assert.ok(lines.includes('beta.txt: no prediction'));
});

test('without --gold, or with a manifest for a saved extraction, it is a usage error', () => {
  assert.equal(runCli(['eval', fixture('rules/prediction.json')]).status, 2);
  const manifest = runCli(['eval', '--manifest', fixture('empty.json'), ...rulesArgs]);
  assert.equal(manifest.status, 2);
  assert.match(manifest.stderr, /--manifest/);
});

test('a broken gold file is one line naming it', () => {
  const gold = join(workDir, 'bad-gold.json');
  writeFileSync(gold, JSON.stringify({ documents: [{ file: 'a.txt', stances: [{ party: 'Russia', acts: [] }] }] }));
  const result = runCli(['eval', '--gold', gold, fixture('rules/prediction.json')]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /bad-gold\.json: not a gold file: documents\[0\]\.stances\[0\]\.issue/);
});

test('a folder is extracted with the default pipeline and scored in one go; its gold and manifest are not read as articles', () => {
  const folder = join(workDir, 'articles');
  const articles: Record<string, string> = {
    'north.txt': 'Negotiators from both sides met in Vienna on Tuesday for six hours.\n\nThe draft would cap the army at 450,000 troops, officials said.\n',
    'south.txt': 'A second round is planned for next week.\n\nAbout 1,200 prisoners could be exchanged under the outline.\n',
  };
  mkdirSync(folder);
  for (const [name, text] of Object.entries(articles)) writeFileSync(join(folder, name), text);
  writeFileSync(
    join(folder, 'manifest.json'),
    JSON.stringify({ documents: Object.keys(articles).map((file) => ({ file, published: '2025-12-03', source: 'Test Desk' })) }),
  );
  writeFileSync(
    join(folder, 'gold.json'),
    JSON.stringify({
      documents: [
        { file: 'north.txt', persons: [{ name: 'Nobody Named', aliases: [], party: null }], quantities: [{ value: 450000 }], absent_text: ['Subscribe now'] },
        { file: 'south.txt', quantities: [{ value: 1200 }] },
        { file: 'west.txt', quantities: [{ value: 7 }] },
      ],
    }),
  );
  const result = runCli(['eval', '--json', '--gold', join(folder, 'gold.json'), folder, '--manifest', join(folder, 'manifest.json')]);
  assert.equal(result.status, 0, result.stderr);
  const metrics = JSON.parse(result.stdout) as EvalMetrics;
  assert.equal(metrics.missing_docs, 1, 'west.txt has no article');
  assert.equal(metrics.persons.tp + metrics.persons.fn, 1);
  assert.equal(metrics.quantities.tp + metrics.quantities.fn, 3);
  assert.equal(metrics.boilerplate_removed, 1.0);
});
