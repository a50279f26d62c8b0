// One benchmark size in its own process (so peak memory is its own): stream N articles through extraction into a
// fresh store and reconcile them, then time searches and the brief on that store. Prints one JSON object on stdout.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { applyHeapPolicy } from '../src/cli/heap-policy.ts';
import { loadKnowledge } from '../src/knowledge/index.ts';
import { openStore } from '../src/store/open.ts';
import { reconcileDocument } from '../src/reconcile/index.ts';
import { ingestInBatches } from '../src/reconcile/ingest-document.ts';
import type { PutStatus, Store } from '../src/store/store.ts';
import { loadBaseArticles } from './corpus/base-articles.ts';
import { CorpusGenerator, variations, type GeneratedArticle } from './corpus/generate.ts';
import { extractTimed, stageNames, toRawDocument } from './timed-extraction.ts';
import { CpuClock, TimeTotals, WallClock } from './stopwatch.ts';
import { percentile } from './statistics.ts';
import type { BriefResult, PipelineResult } from './results.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    seed: { type: 'string', default: 'parley-bench-1' },
    'search-rounds': { type: 'string', default: '5' },
    warmup: { type: 'string', default: '300' },
    'time-limit': { type: 'string', default: '900' },
    'keep-store': { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
if (!Number.isInteger(size) || size <= 0) throw new Error('--size must be a positive whole number');

/** The brief is another part of Parley; when src/report exports buildBrief, time it on the store, else say why not. */
async function timeBrief(store: Store): Promise<BriefResult> {
  const candidates = ['../src/report/brief.ts', '../src/report/index.ts'].map((path) => fileURLToPath(new URL(path, import.meta.url)));
  for (const path of candidates.filter((candidate) => existsSync(candidate))) {
    const module = (await import(pathToFileURL(path).href)) as { buildBrief?: (store: Store, options?: object) => unknown };
    if (typeof module.buildBrief !== 'function') continue;
    try {
      const clock = new WallClock();
      await module.buildBrief(store, {});
      return { status: 'measured', seconds: clock.lap() / 1000, note: null };
    } catch (error) {
      return { status: 'failed', seconds: null, note: error instanceof Error ? error.message : String(error) };
    }
  }
  return { status: 'skipped', seconds: null, note: 'src/report has no buildBrief yet' };
}

function folderBytes(folder: string): number {
  return readdirSync(folder).reduce((total, name) => total + statSync(join(folder, name)).size, 0);
}

// Ingest is measured as `parley` runs it, with its heap policy.
applyHeapPolicy();
const setup = new WallClock();
const kb = loadKnowledge({});
const knowledgeSeconds = setup.lap() / 1000;
const generator = new CorpusGenerator(await loadBaseArticles(), { seed: values.seed });
const storeDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const storePath = join(storeDir, 'bench.db');
const store = await openStore(storePath);

const stages = stageNames();
// Extraction warms up (JIT, lazily built lookups) on articles after the measured ones, so that every size reports
// the steady pace rather than the first seconds of a process; they are neither timed nor stored.
const warmupClock = new WallClock();
const warmupTotals = new TimeTotals();
for (const article of generator.articles(size + Number(values.warmup), size)) extractTimed(toRawDocument(article), kb, new WallClock(), warmupTotals);
const warmupSeconds = warmupClock.lap() / 1000;
const totals = new TimeTotals(['generate', 'read', ...stages, 'store', 'reconcile', 'commit']);
const statuses: Record<PutStatus | 'failed', number> = { inserted: 0, unchanged: 0, 'new-version': 0, failed: 0 };
const articleMs = new Float64Array(size);
const samples: PipelineResult['samples'] = [];
// A size stops after this many seconds of streaming, so that a pipeline slower than linear cannot run for hours;
// the result then says where it stopped and how the pace fell.
const timeLimitMs = Number(values['time-limit']) * 1000;
let stoppedAt: number | null = null;
const sampleEvery = Math.max(1, Math.floor(size / 10));
const distinctTexts = new Set<string>();
const kinds = { duplicate: 0, rewrite: 0 };
let bytes = 0;
let index = 0;
const loopWall = new WallClock();
const loopCpu = new CpuClock();
const loopUsage = process.cpuUsage();
const wall = new WallClock();
const cpu = new CpuClock();
const ingestPhases = ['read', ...stages, 'store', 'reconcile', 'commit'];
const allPhases = ['generate', ...ingestPhases];
/**
 * The articles to ingest, until the time limit. What passes between two articles outside `ingestArticle` is a batch's
 * commit, up to the making of the next article, which is the generator's and not counted.
 */
async function* streamedArticles() {
  const articles = generator.articles(size);
  for (;;) {
    totals.addWall('commit', wall.lap());
    totals.addCpu('commit', cpu.lap());
    const next = articles.next();
    totals.addWall('generate', wall.lap());
    totals.addCpu('generate', cpu.lap());
    if (next.done) return;
    if (totals.wallSum(allPhases) > timeLimitMs) {
      stoppedAt = index;
      takeSample();
      return;
    }
    yield next.value;
  }
}
async function ingestArticle(article: GeneratedArticle): Promise<void> {
  distinctTexts.add(createHash('sha1').update(article.text).digest('base64'));
  if (article.kind !== 'original') kinds[article.kind] += 1;
  bytes += Buffer.byteLength(article.text);
  totals.addWall('generate', wall.lap());
  totals.addCpu('generate', cpu.lap());
  const raw = toRawDocument(article);
  totals.addWall('read', wall.lap());
  totals.addCpu('read', cpu.lap());
  const before = totals.wallSum(stages);
  const doc = extractTimed(raw, kb, wall, totals);
  articleMs[index] = totals.wallSum(stages) - before;
  totals.addCpu('extraction', cpu.lap());
  // The rest of `parley ingest`'s path (src/reconcile/ingest-document.ts): store the document, then reconcile it.
  try {
    statuses[(await store.putDocument(doc)).status] += 1;
    totals.addWall('store', wall.lap());
    totals.addCpu('store', cpu.lap());
    await reconcileDocument(store, doc);
  } catch (error) {
    // `parley ingest` names such a document and goes on; the benchmark counts it.
    statuses.failed += 1;
    if (statuses.failed <= 3) process.stderr.write(`bench: ${article.file}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  totals.addWall('reconcile', wall.lap());
  totals.addCpu('reconcile', cpu.lap());
  index += 1;
  if (index % sampleEvery === 0) takeSample();
}
function takeSample(): void {
  const memory = process.memoryUsage();
  const ingestWallMs = totals.wallSum(ingestPhases);
  samples.push({ articles: index, rssMb: memory.rss / 2 ** 20, heapMb: memory.heapUsed / 2 ** 20, ingestWallSeconds: ingestWallMs / 1000 });
}
// Committed in batches as `parley ingest` does.
await ingestInBatches(store, streamedArticles(), ingestArticle);
const done = index;
const loopLap = { wallMs: loopWall.lap(), cpuMs: loopCpu.lap(), systemMs: process.cpuUsage(loopUsage).system / 1000 };
// What reading the CPU clock costs here: five readings per article are inside the timed phases.
const calibration = new WallClock();
for (let reading = 0; reading < 2000; reading += 1) cpu.lap();
const cpuClockMicroseconds = (calibration.lap() * 1000) / 2000;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// Searches and the brief run on the store at rest, as a later `parley search` finds it: closed (its WAL checkpointed
// into the file), the file flushed to disk, then opened again. Right after an ingest has written gigabytes the disk is
// still writing them back, and searches queued behind that write-back timed the disk (maxima of 1–4 s at 100,000).
await store.close();
const file = openSync(storePath, 'r');
fsyncSync(file);
closeSync(file);
const atRest = await openStore(storePath);
const stats = await atRest.stats();
const searchMs: number[] = [];
const queryMs = new Map<string, { hits: number; ms: number[] }>(variations.queries.map((query) => [query, { hits: 0, ms: [] }]));
const rounds = Number(values['search-rounds']);
let hits = 0;
for (let round = 0; round < rounds; round += 1) {
  for (const query of variations.queries) {
    const searchClock = new WallClock();
    const found = (await atRest.search(query, { limit: 10 })).length;
    const ms = searchClock.lap();
    hits += found;
    searchMs.push(ms);
    queryMs.get(query)!.hits = found;
    queryMs.get(query)!.ms.push(ms);
  }
}
const byQuery = [...queryMs].map(([query, { hits: found, ms }]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { query, hits: found, medianMs: percentile(sorted, 0.5), maxMs: sorted.at(-1) ?? 0 };
});
byQuery.sort((a, b) => b.medianMs - a.medianMs);
const brief = await timeBrief(atRest);
await atRest.close();
const storeBytes = folderBytes(storeDir);
if (values['keep-store']) process.stderr.write(`bench: store kept at ${storeDir}\n`);
else rmSync(storeDir, { recursive: true, force: true });

// CPU time is read per phase; a stage's share of the extraction CPU time is taken to be its share of the wall-clock time.
const extraction = { wallMs: totals.wallSum(stages), cpuMs: totals.get('extraction').cpuMs };
const stageCpuMs = (name: string) => (extraction.wallMs > 0 ? (extraction.cpuMs * totals.get(name).wallMs) / extraction.wallMs : 0);
const ingest = {
  wallMs: totals.wallSum(ingestPhases),
  cpuMs: totals.get('read').cpuMs + extraction.cpuMs + totals.get('store').cpuMs + totals.get('reconcile').cpuMs + totals.get('commit').cpuMs,
};
const sortedArticleMs = [...articleMs.subarray(0, done)].sort((a, b) => a - b);
const sortedSearchMs = [...searchMs].sort((a, b) => a - b);
const perArticle = (ms: number) => ms / done;
const result: PipelineResult = {
  size,
  stoppedAt,
  megabytes: bytes / 1e6,
  knowledgeSeconds,
  warmup: { articles: Number(values.warmup), seconds: warmupSeconds },
  generateSeconds: totals.get('generate').wallMs / 1000,
  loop: { wallSeconds: loopLap.wallMs / 1000, cpuSeconds: loopLap.cpuMs / 1000, systemSeconds: loopLap.systemMs / 1000 },
  cpuClockMicroseconds,
  extraction: {
    wallSeconds: extraction.wallMs / 1000,
    cpuSeconds: extraction.cpuMs / 1000,
    articlesPerSecond: { wall: done / (extraction.wallMs / 1000), cpu: done / (extraction.cpuMs / 1000) },
    megabytesPerSecond: { wall: bytes / 1e6 / (extraction.wallMs / 1000), cpu: bytes / 1e6 / (extraction.cpuMs / 1000) },
    stages: Object.fromEntries(
      stages.map((name) => {
        const total = totals.get(name);
        return [name, { wallMs: perArticle(total.wallMs), cpuMs: perArticle(stageCpuMs(name)), maxWallMs: total.maxWallMs }];
      }),
    ),
    articleMs: { p50: percentile(sortedArticleMs, 0.5), p99: percentile(sortedArticleMs, 0.99), max: sortedArticleMs.at(-1) ?? 0, slowestIndex: articleMs.indexOf(sortedArticleMs.at(-1) ?? 0) },
  },
  ingest: {
    wallSeconds: ingest.wallMs / 1000,
    cpuSeconds: ingest.cpuMs / 1000,
    articlesPerSecond: { wall: done / (ingest.wallMs / 1000), cpu: done / (ingest.cpuMs / 1000) },
    withoutReconcile: {
      wall: done / ((ingest.wallMs - totals.get('reconcile').wallMs) / 1000),
      cpu: done / ((ingest.cpuMs - totals.get('reconcile').cpuMs) / 1000),
    },
    readMs: { wallMs: perArticle(totals.get('read').wallMs), cpuMs: perArticle(totals.get('read').cpuMs), maxWallMs: totals.get('read').maxWallMs },
    storeMs: { wallMs: perArticle(totals.get('store').wallMs), cpuMs: perArticle(totals.get('store').cpuMs), maxWallMs: totals.get('store').maxWallMs },
    reconcileMs: { wallMs: perArticle(totals.get('reconcile').wallMs), cpuMs: perArticle(totals.get('reconcile').cpuMs), maxWallMs: totals.get('reconcile').maxWallMs },
    commitMs: { wallMs: perArticle(totals.get('commit').wallMs), cpuMs: perArticle(totals.get('commit').cpuMs), maxWallMs: totals.get('commit').maxWallMs },
    statuses,
  },
  memory: { peakRssMb },
  samples,
  store: { bytes: storeBytes, documents: stats.documents, sentences: stats.sentences },
  corpus: { distinctTexts: distinctTexts.size, duplicates: kinds.duplicate, rewrites: kinds.rewrite },
  search: { queries: variations.queries.length, rounds, hits, p50Ms: percentile(sortedSearchMs, 0.5), p95Ms: percentile(sortedSearchMs, 0.95), maxMs: sortedSearchMs.at(-1) ?? 0, byQuery },
  brief,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
