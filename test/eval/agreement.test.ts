// `parley eval` agrees with the reference scorer, ../shared/eval/score.py, on the seed and development articles:
// both score the same `parley extract` output against the same gold, and every metric is the same to the third
// decimal, as it is when `parley eval` extracts the folder itself. The articles are read where they lie, beside
// the checkout (CI has them there); without them, or without python3, the test says so and is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from '../cli/run-cli.ts';

const shared = join(repoRoot, '..', 'shared');
const scorer = join(shared, 'eval', 'score.py');

function whyNotRun(): string | null {
  if (!existsSync(scorer)) return `no reference scorer at ${scorer}`;
  const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (python.error || python.status !== 0) return 'python3 is not installed';
  return null;
}

const skip = whyNotRun();

for (const corpus of ['seeds', 'dev']) {
  test(`on the ${corpus} articles every metric is the one score.py gives`, { skip: skip ?? false }, () => {
    const folder = join(shared, 'corpus', corpus);
    const gold = join(folder, 'gold.json');
    const articles = readdirSync(folder)
      .filter((name) => !name.endsWith('.json'))
      .sort()
      .map((name) => join(folder, name));
    assert.ok(articles.length >= 5, `${articles.length} articles in ${folder}`);
    const workDir = mkdtempSync(join(tmpdir(), 'parley-eval-agreement-'));
    try {
      const extraction = runCli(['extract', ...articles, '--manifest', join(folder, 'manifest.json'), '--format', 'json']);
      assert.equal(extraction.status, 0, extraction.stderr);
      const prediction = join(workDir, 'prediction.json');
      writeFileSync(prediction, extraction.stdout);

      const reference = spawnSync('python3', [scorer, prediction, gold, '--json'], { encoding: 'utf8' });
      assert.equal(reference.status, 0, reference.stderr);
      const ours = runCli(['eval', '--gold', gold, prediction, '--json']);
      assert.equal(ours.status, 0, ours.stderr);

      const expected = JSON.parse(reference.stdout) as Record<string, unknown>;
      const actual = JSON.parse(ours.stdout) as Record<string, unknown>;
      assert.deepEqual(roundedToThird(actual), roundedToThird(expected));
      // The printed tables agree too, line for line.
      const referenceTable = spawnSync('python3', [scorer, prediction, gold], { encoding: 'utf8' });
      assert.equal(runCli(['eval', '--gold', gold, prediction]).stdout, referenceTable.stdout);
      // Extracting and scoring the folder in one go gives the same numbers.
      const oneGo = runCli(['eval', '--gold', gold, folder, '--manifest', join(folder, 'manifest.json'), '--json']);
      assert.equal(oneGo.status, 0, oneGo.stderr);
      assert.deepEqual(roundedToThird(JSON.parse(oneGo.stdout)), roundedToThird(expected));
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
}

/** Every number rounded to three decimals, so that a last-digit difference of binary floats is not a disagreement. */
function roundedToThird(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1000) / 1000;
  if (Array.isArray(value)) return value.map(roundedToThird);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, roundedToThird(inner)]));
  return value;
}
