// Turns benchmark results into the targets of issue 7 and the table printed on stdout.
import type { BaselineResult, BenchResults, PipelineResult } from './results.ts';

const number = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const megabytes = (bytes: number) => `${number(bytes / 1e6, 1)} MB`;

/** Columns padded to their widest cell: numbers right-aligned, and the columns named in `left` (default: the first) left-aligned. */
function formatColumns(rows: string[][], options: { left?: readonly number[] } = {}): string[] {
  const left = new Set(options.left ?? [0]);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => (left.has(column) ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('   ').trimEnd());
}

/** Articles per second (wall-clock) between consecutive samples: how the pace changes as the store grows. */
export function paceOf(size: PipelineResult): number[] {
  let previous = { articles: 0, ingestWallSeconds: 0 };
  return size.samples.map((sample) => {
    const pace = (sample.articles - previous.articles) / Math.max(1e-9, sample.ingestWallSeconds - previous.ingestWallSeconds);
    previous = sample;
    return pace;
  });
}

/** The ratio of time at the largest size to the size ten times smaller, when both were run (projected when the larger stopped early). */
export function scalingOf(sizes: readonly PipelineResult[]): BenchResults['scaling'] {
  const largest = sizes.reduce<PipelineResult | null>((best, size) => (best === null || size.size > best.size ? size : best), null);
  const tenth = largest && sizes.find((size) => size.size * 10 === largest.size);
  if (!largest || !tenth) return null;
  const done = largest.stoppedAt ?? largest.size;
  const lastPace = paceOf(largest).at(-1) ?? done / largest.ingest.wallSeconds;
  const projectedWallSeconds = largest.ingest.wallSeconds + (largest.size - done) / lastPace;
  const growth = projectedWallSeconds / largest.ingest.wallSeconds;
  return {
    from: tenth.size,
    to: largest.size,
    extractionRatio: (largest.extraction.cpuSeconds * (largest.size / done)) / tenth.extraction.cpuSeconds,
    ingestRatio: (largest.ingest.cpuSeconds * growth) / tenth.ingest.cpuSeconds,
    ingestWallRatio: projectedWallSeconds / tenth.ingest.wallSeconds,
    projected: largest.stoppedAt !== null,
  };
}

/** The issue's targets, judged on CPU time (wall-clock shown beside) at the largest size run. */
export function judgeTargets(sizes: readonly PipelineResult[], baselines: BaselineResult | null, scaling: BenchResults['scaling']): BenchResults['targets'] {
  const largest = sizes.reduce((best, size) => (size.size > best.size ? size : best));
  const done = largest.stoppedAt ?? largest.size;
  const at =
    largest.stoppedAt !== null
      ? `stopped at its time limit after ${number(done)} of ${number(largest.size)} articles`
      : largest.size === 100_000
        ? null
        : `measured at ${number(largest.size)} articles; the target is for 100,000`;
  const ratio = (name: string) => baselines?.rates.find((rate) => rate.name === name)?.parleySpeedRatio ?? null;
  const wink = ratio('wink-nlp');
  const compromise = ratio('compromise');
  const extraction = largest.extraction.articlesPerSecond;
  const ingest = largest.ingest.articlesPerSecond;
  return [
    { name: 'extraction ≥ 0.5× wink-nlp (same texts)', value: wink === null ? 'not run' : `${number(wink, 2)}×`, met: wink === null ? null : wink >= 0.5, note: null },
    { name: 'extraction ≥ 10× compromise (same texts)', value: compromise === null ? 'not run' : `${number(compromise, 1)}×`, met: compromise === null ? null : compromise >= 10, note: null },
    { name: 'extraction ≥ 250 articles/s', value: `${number(extraction.cpu)} art/s (wall ${number(extraction.wall)})`, met: extraction.cpu >= 250, note: null },
    {
      name: 'ingest ≥ 150 articles/s',
      value: `${number(ingest.cpu)} art/s (wall ${number(ingest.wall)}; ${number(largest.ingest.withoutReconcile.cpu)} without reconcile)`,
      met: ingest.cpu >= 150,
      note: largest.stoppedAt === null ? null : at,
    },
    { name: 'peak memory < 600 MB ingesting 100k', value: `${number(largest.memory.peakRssMb)} MB`, met: largest.memory.peakRssMb < 600, note: at },
    {
      name: '100k/10k time ratio ≤ 11',
      value: scaling ? `${scaling.projected ? '≥ ' : ''}${number(scaling.ingestRatio, 2)} (extraction ${number(scaling.extractionRatio, 2)})` : 'not run',
      met: scaling ? scaling.ingestRatio <= 11 && scaling.extractionRatio <= 11 : null,
      note: scaling?.projected ? 'projected from the pace where the larger run stopped' : scaling && scaling.to !== 100_000 ? `${number(scaling.to)}/${number(scaling.from)}` : null,
    },
    { name: 'search p95 < 50 ms on the 100k store', value: `${number(largest.search.p95Ms, 1)} ms`, met: largest.search.p95Ms < 50, note: at },
    {
      name: 'brief < 2 s on the 100k store',
      value: largest.brief.seconds === null ? largest.brief.status : `${number(largest.brief.seconds, 2)} s`,
      met: largest.brief.seconds === null ? null : largest.brief.seconds < 2,
      note: largest.brief.note ?? at,
    },
  ];
}

/** The human-readable report of a run. */
export function formatReport(results: BenchResults, resultsPath: string): string[] {
  const { machine } = results;
  const lines = [
    `Parley benchmark · ${results.mode} · seed ${results.seed} · ${results.date}${results.commit ? ` · commit ${results.commit.slice(0, 10)}` : ''}`,
    `${machine.cpu} (${machine.cores} cores, ${number(machine.memoryGb, 1)} GB) · Node ${machine.node}${machine.nodeOptions ? ` (${machine.nodeOptions})` : ''} · ${machine.platform} · load average ${number(machine.loadAverage.start, 1)} at start, ${number(machine.loadAverage.end, 1)} at end`,
    `stages: ${results.stages.join(' → ')}`,
    'Rates are on the CPU time of the benchmark process (one thread does the work); wall-clock in brackets differs when other processes share the cores.',
    '',
  ];
  lines.push(
    ...formatColumns([
      ['articles', 'MB', 'extract art/s', 'MB/s', 'ingest art/s', 'peak RSS', 'store', 'search p50/p95', 'brief'],
      ...results.sizes.map((size) => [
        size.stoppedAt === null ? number(size.size) : `${number(size.size)}, stopped at ${number(size.stoppedAt)}`,
        number(size.megabytes, 1),
        `${number(size.extraction.articlesPerSecond.cpu)} (${number(size.extraction.articlesPerSecond.wall)})`,
        number(size.extraction.megabytesPerSecond.cpu, 2),
        `${number(size.ingest.articlesPerSecond.cpu)} (${number(size.ingest.articlesPerSecond.wall)})`,
        `${number(size.memory.peakRssMb)} MB`,
        megabytes(size.store.bytes),
        `${number(size.search.p50Ms, 1)}/${number(size.search.p95Ms, 1)} ms`,
        size.brief.seconds === null ? size.brief.status : `${number(size.brief.seconds, 2)} s`,
      ]),
    ]),
    '',
  );
  const steps = Object.keys(results.sizes[0].extraction.stages);
  lines.push(
    ...formatColumns([
      ['ms/article (CPU)', ...steps, 'store', 'reconcile', 'commit', 'p99 article', 'slowest'],
      ...results.sizes.map((size) => [
        number(size.size),
        ...steps.map((step) => number(size.extraction.stages[step]?.cpuMs ?? 0, 2)),
        number(size.ingest.storeMs.cpuMs, 2),
        number(size.ingest.reconcileMs.cpuMs, 2),
        number(size.ingest.commitMs.cpuMs, 2),
        `${number(size.extraction.articleMs.p99, 1)} ms`,
        `${number(size.extraction.articleMs.max)} ms (#${size.extraction.articleMs.slowestIndex})`,
      ]),
    ]),
    '',
  );
  const largest = results.sizes.reduce((best, size) => (size.size > best.size ? size : best));
  const slowQueries = largest.search.byQuery.slice(0, 3).map((query) => `${query.query} ${number(query.medianMs, 1)} ms`);
  lines.push(`slowest searches at ${number(largest.size)} (median): ${slowQueries.join(' · ')}`);
  for (const size of results.sizes) {
    const pace = paceOf(size);
    lines.push(`ingest pace at ${number(size.size)} (art/s, wall, per tenth of the run): ${pace.map((value) => number(value)).join(' → ')}`);
  }
  const systemShares = results.sizes.map((size) => `${number(size.size)} ${number((100 * size.loop.systemSeconds) / size.loop.cpuSeconds)}%`);
  lines.push(`kernel share of the ingest loop's CPU time (mostly the store's page reads and writes): ${systemShares.join(' · ')}`);
  for (const size of results.sizes) {
    lines.push(
      `corpus ${number(size.size)}: ${number(size.corpus.distinctTexts)} distinct texts (${number(size.corpus.duplicates)} duplicates, ${number(size.corpus.rewrites)} rewrites), ${number(size.megabytes, 1)} MB, generated in ${number(size.generateSeconds, 1)} s (not counted); ${number(size.store.documents)} documents stored`,
    );
  }
  if (results.baselines) {
    const { baselines } = results;
    lines.push(
      '',
      `baselines on the same ${number(baselines.articles)} articles (${number(baselines.megabytes, 1)} MB, ${number(baselines.tokens)} wink tokens), each library in its own process, after a warm-up on ${number(baselines.warmupArticles)} other articles; median of ${number(baselines.rounds)} rounds taking each in turn:`,
    );
    lines.push(
      ...formatColumns(
        baselines.rates.map((rate) => [
          `  ${rate.name}`,
          `${number(rate.articlesPerSecond.cpu)} art/s (${number(rate.articlesPerSecond.wall)})`,
          rate.parleySpeedRatio === null ? '' : `Parley = ${number(rate.parleySpeedRatio, 2)}× ${rate.name}`,
          rate.what,
        ]),
        { left: [0, 2, 3] },
      ),
    );
  }
  if (results.scaling) {
    const { scaling } = results;
    const bound = scaling.projected ? '≥ ' : '';
    lines.push(
      '',
      `${number(scaling.to)}/${number(scaling.from)} time ratio (10 is linear): ingest ${bound}${number(scaling.ingestRatio, 2)} (wall ${bound}${number(scaling.ingestWallRatio, 2)}), extraction ${number(scaling.extractionRatio, 2)}${scaling.projected ? ' (the larger run stopped at its time limit; its rest is counted at its last pace)' : ''}`,
    );
  }
  lines.push('', 'targets (issue 7):');
  for (const target of results.targets) {
    const mark = target.met === null ? '–' : target.met ? '✓' : '✗';
    lines.push(`  ${mark} ${target.name.padEnd(42)} ${target.value}${target.note ? `  (${target.note})` : ''}`);
  }
  lines.push('', `total ${number(results.totalSeconds)} s · results: ${resultsPath}`);
  return lines;
}
