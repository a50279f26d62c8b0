// The benchmark's judgement of the targets, its 100k/10k ratio and its printed report, on a recorded full run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatReport, judgeTargets, paceOf, scalingOf } from '../../bench/report.ts';
import type { BenchResults, PipelineResult } from '../../bench/results.ts';

// A full run as `npm run bench` recorded it (before the report gave the kernel's share, so that is filled in here).
const recorded = JSON.parse(readFileSync(new URL('../../bench/results/2026-11-23T2100-full.json', import.meta.url), 'utf8')) as BenchResults;
const sizes: PipelineResult[] = recorded.sizes.map((size) => ({ ...size, loop: { ...size.loop, systemSeconds: size.loop.cpuSeconds / 10 } }));

test('the ratio and the targets are worked out again from the sizes as the run recorded them', () => {
  const scaling = scalingOf(sizes);
  assert.deepEqual(scaling, recorded.scaling);
  assert.deepEqual(judgeTargets(sizes, recorded.baselines, scaling), recorded.targets);
  assert.deepEqual(
    recorded.targets.map((target) => target.met),
    [true, true, true, false, true, false, true, true],
  );
});

test('the ratio is the time at 100k over the time at 10k, and needs both sizes', () => {
  const scaling = scalingOf(sizes);
  assert.ok(scaling);
  assert.equal(scaling.from, 10_000);
  assert.equal(scaling.to, 100_000);
  assert.equal(scaling.ingestRatio, sizes[2].ingest.cpuSeconds / sizes[1].ingest.cpuSeconds);
  assert.equal(scaling.projected, false);
  assert.equal(scalingOf(sizes.slice(0, 1)), null);
  assert.equal(scalingOf([sizes[0], sizes[2]]), null);
});

test('a run stopped at its time limit is projected at its last pace, as a lower bound', () => {
  const large = sizes[2];
  // The same run, stopped after half its articles: its samples up to there, the rest counted at the last pace.
  const half = large.samples.filter((sample) => sample.articles <= 50_000);
  const stopped: PipelineResult = {
    ...large,
    stoppedAt: 50_000,
    samples: half,
    ingest: { ...large.ingest, wallSeconds: half.at(-1)?.ingestWallSeconds ?? 0, cpuSeconds: large.ingest.cpuSeconds / 2 },
  };
  const scaling = scalingOf([sizes[1], stopped]);
  assert.ok(scaling?.projected);
  const lastPace = paceOf(stopped).at(-1) ?? 0;
  const projectedWall = stopped.ingest.wallSeconds + 50_000 / lastPace;
  assert.ok(Math.abs(scaling.ingestWallRatio - projectedWall / sizes[1].ingest.wallSeconds) < 1e-9);
  const targets = judgeTargets([sizes[1], stopped], recorded.baselines, scaling);
  const ratio = targets.find((target) => target.name.startsWith('100k/10k'));
  assert.match(ratio?.value ?? '', /^≥ /);
  assert.equal(ratio?.note, 'projected from the pace where the larger run stopped');
  assert.match(targets.find((target) => target.name.startsWith('peak memory'))?.note ?? '', /stopped at its time limit after 50,000 of 100,000 articles/);
});

test('the pace is articles per wall-clock second between samples', () => {
  const pace = paceOf(sizes[1]);
  assert.equal(pace.length, sizes[1].samples.length);
  const [first, second] = sizes[1].samples;
  assert.equal(pace[0], first.articles / first.ingestWallSeconds);
  assert.equal(pace[1], (second.articles - first.articles) / (second.ingestWallSeconds - first.ingestWallSeconds));
});

test('the report has a row per size, the baselines, the ratio and a mark per target', () => {
  const report = formatReport({ ...recorded, sizes }, 'bench/results/run.json').join('\n');
  assert.match(report, /^Parley benchmark · full · seed parley-bench-1 · /);
  for (const size of ['1,000', '10,000', '100,000']) assert.match(report, new RegExp(`^${size} `, 'm'));
  assert.match(report, /Parley = 0\.73× wink-nlp/);
  assert.match(report, /100,000\/10,000 time ratio \(10 is linear\): ingest 12\.88/);
  assert.match(report, /kernel share of the ingest loop's CPU time .*: 1,000 10% · 10,000 10% · 100,000 10%/);
  assert.match(report, /✗ ingest ≥ 150 articles\/s +81 art\/s/);
  assert.match(report, /✓ search p95 < 50 ms on the 100k store +26\.4 ms/);
  assert.match(report, /results: bench\/results\/run\.json$/);
});
