// `npm run bench` end to end on a tiny corpus: each size stored and searched, the baselines run, the results file written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../cli/run-cli.ts';
import { loadBaseArticles } from '../../bench/corpus/base-articles.ts';
import { CorpusGenerator } from '../../bench/corpus/generate.ts';
import type { BenchResults } from '../../bench/results.ts';

let workDir: string;
let results: BenchResults;
let stdout: string;

before(() => {
  workDir = mkdtempSync(join(tmpdir(), 'parley-bench-run-'));
  const out = join(workDir, 'results.json');
  const args = ['--sizes', '20,200', '--baseline-articles', '20', '--baseline-warmup', '20', '--baseline-rounds', '1', '--out', out];
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench/run.ts'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  stdout = run.stdout;
  results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
});
after(() => rmSync(workDir, { recursive: true, force: true }));

test('each size streams its articles into a store of its own and is searched there', async () => {
  assert.equal(results.mode, 'custom');
  assert.deepEqual(
    results.sizes.map((size) => [size.size, size.stoppedAt, size.store.documents]),
    [
      [20, null, 20],
      [200, null, 200],
    ],
  );
  for (const size of results.sizes) {
    assert.deepEqual(size.ingest.statuses, { inserted: size.size, unchanged: 0, 'new-version': 0, failed: 0 });
    assert.ok(size.extraction.articlesPerSecond.cpu > 0 && size.ingest.articlesPerSecond.cpu > 0);
    assert.ok(size.store.sentences > size.size && size.store.bytes > 0);
    assert.deepEqual(Object.keys(size.extraction.stages), results.stages);
    assert.ok(size.search.queries > 0 && size.search.hits > 0);
    assert.equal(size.brief.status, 'measured');
    assert.ok(size.memory.peakRssMb > 0);
    assert.equal(size.samples.at(-1)?.articles, size.size);
  }
  // What the run says of its corpus is what the generator makes from the seed.
  const generator = new CorpusGenerator(await loadBaseArticles(), { seed: results.seed });
  for (const size of results.sizes) {
    const articles = [...generator.articles(size.size)];
    assert.deepEqual(size.corpus, {
      distinctTexts: new Set(articles.map((article) => article.text)).size,
      duplicates: articles.filter((article) => article.kind === 'duplicate').length,
      rewrites: articles.filter((article) => article.kind === 'rewrite').length,
    });
  }
});

test('the baselines run on the same articles, each judged against Parley', () => {
  assert.ok(results.baselines);
  assert.equal(results.baselines.articles, 20);
  assert.deepEqual(
    results.baselines.rates.map((rate) => [rate.name, rate.roundCpuSeconds.length, rate.parleySpeedRatio === null]),
    [
      ['parley', 1, true],
      ['wink-nlp', 1, false],
      ['compromise', 1, false],
    ],
  );
});

test('the results record the machine and the ratio, and the report prints every target', () => {
  assert.match(results.machine.node, /^v\d+/);
  assert.ok(results.machine.cores > 0 && results.machine.cpu.length > 0);
  assert.ok(results.scaling && results.scaling.from === 20 && results.scaling.to === 200 && results.scaling.ingestRatio > 0);
  assert.equal(results.targets.length, 8);
  assert.ok(results.targets.every((target) => target.met !== null), 'every target is judged when baselines and both sizes ran');
  for (const target of results.targets) assert.ok(stdout.includes(target.name), `report lacks ${target.name}`);
  assert.match(stdout, /200\/20 time ratio \(10 is linear\)/);
});

test('a mistake on the command line is one line naming the option, with exit code 2, and nothing is run', () => {
  for (const [args, message] of [
    [['--bogus'], "bench: Unknown option '--bogus'"],
    [['--sizes', '1000,lots'], 'bench: --sizes: expected whole numbers above 0 separated by commas, got "1000,lots"'],
    [['--baseline-rounds', '0'], 'bench: --baseline-rounds: expected a whole number above 0, got "0"'],
  ] as const) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench/run.ts'), ...args], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `${message} (npm run bench -- --help for usage)\n`);
  }
});
