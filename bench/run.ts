// `npm run bench`: Parley's speed at 1k, 10k and 100k generated articles and beside wink-nlp and compromise.
// `npm run bench -- --quick` runs 1k only. Each size runs in its own process so that its peak memory is its own.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatReport, judgeTargets, scalingOf } from './report.ts';
import { summarizeProfile, summarizeSqlProfile } from './profile-summary.ts';
import { stageNames } from './timed-extraction.ts';
import type { BaselineResult, BenchResults, PipelineResult } from './results.ts';

const benchOptions = {
  quick: { type: 'boolean', default: false },
  sizes: { type: 'string' },
  seed: { type: 'string', default: 'parley-bench-1' },
  'baseline-articles': { type: 'string', default: '1000' },
  'baseline-warmup': { type: 'string', default: '2000' },
  'baseline-rounds': { type: 'string', default: '3' },
  'no-baselines': { type: 'boolean', default: false },
  'cpu-prof': { type: 'boolean', default: false },
  'sql-profile': { type: 'boolean', default: false },
  'time-limit': { type: 'string', default: '900' },
  out: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

/** A mistake on the command line: one line naming it, and the exit code of a usage error. */
function usageError(message: string): never {
  process.stderr.write(`bench: ${message} (npm run bench -- --help for usage)\n`);
  process.exit(2);
}

function parseOptions() {
  try {
    return parseArgs({ options: benchOptions });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
}

const { values } = parseOptions();

if (values.help) {
  process.stdout.write(`usage: npm run bench -- [--quick] [--sizes 1000,10000] [--seed S] [--baseline-articles N] [--baseline-warmup N] [--baseline-rounds N] [--no-baselines] [--cpu-prof] [--sql-profile] [--time-limit S] [--out FILE]
  --quick         1,000 articles only (about a minute)
  --sizes         corpus sizes to run (default 1000,10000,100000; the whole run takes about 25 minutes)
  --seed          the generated corpus's seed (default parley-bench-1): the same seed, the same articles
  --baseline-articles  articles Parley, wink-nlp and compromise are timed on side by side (default 1000)
  --no-baselines  skip wink-nlp and compromise
  --baseline-warmup  articles each library reads before the side-by-side timing (default 2000; 500 shows Parley still being compiled)
  --baseline-rounds  rounds of the side-by-side timing, each library in turn; each is judged by its median round (default 3)
  --cpu-prof      profile each size's process (node --cpu-prof) and print its hottest functions
  --sql-profile   time every SQLite statement in each size's process and print the costliest (adds overhead)
  --time-limit    seconds one size may stream before it stops and reports where it got to (default 900)
  --out           where to write the results JSON (default bench/results/DATE-MODE.json)
`);
  process.exit(0);
}

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(benchDir, '..');
const sizes = (values.quick ? '1000' : (values.sizes ?? '1000,10000,100000')).split(',').map((size) => Number(size.replaceAll('_', '')));
if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) usageError(`--sizes: expected whole numbers above 0 separated by commas, got "${values.sizes}"`);
for (const name of ['baseline-articles', 'baseline-warmup', 'baseline-rounds', 'time-limit'] as const) {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < (name === 'baseline-warmup' ? 0 : 1)) usageError(`--${name}: expected a whole number${name === 'baseline-warmup' ? '' : ' above 0'}, got "${values[name]}"`);
}
const mode: BenchResults['mode'] = values.quick ? 'quick' : values.sizes ? 'custom' : 'full';
const profileDir = values['cpu-prof'] ? mkdtempSync(join(tmpdir(), 'parley-bench-profiles-')) : null;
const sqlProfileDir = values['sql-profile'] ? mkdtempSync(join(tmpdir(), 'parley-bench-sql-')) : null;

/** Runs a measuring script in a child Node process and returns the JSON it prints. */
function runChild<T>(script: string, args: string[], profileName: string): Promise<T> {
  const nodeArgs = ['--import', 'tsx'];
  if (profileDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${profileName}.cpuprofile`);
  const env = { ...process.env };
  if (sqlProfileDir) {
    nodeArgs.push('--import', pathToFileURL(join(benchDir, 'sql-profile.ts')).href);
    env.PARLEY_SQL_PROFILE = join(sqlProfileDir, `${profileName}.json`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, join(benchDir, script), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} ${args.join(' ')} exited with ${code}`));
      resolve(JSON.parse(output.trim().split('\n').at(-1) ?? '') as T);
    });
  });
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

const started = performance.now();
const loadAtStart = loadavg()[0];
const commit = gitCommit();
const pipelineResults: PipelineResult[] = [];
for (const size of sizes) {
  process.stderr.write(`bench: ${size.toLocaleString('en-US')} articles: extract, store, search…\n`);
  pipelineResults.push(await runChild<PipelineResult>('measure-pipeline.ts', ['--size', String(size), '--seed', values.seed, '--time-limit', values['time-limit']], `pipeline-${size}`));
}
let baselines: BaselineResult | null = null;
if (!values['no-baselines']) {
  const count = Math.min(Number(values['baseline-articles']), Math.max(...sizes));
  process.stderr.write(`bench: baselines on ${count.toLocaleString('en-US')} articles: parley, wink-nlp, compromise…\n`);
  baselines = await runChild<BaselineResult>('measure-baselines.ts', ['--count', String(count), '--warmup', values['baseline-warmup'], '--rounds', values['baseline-rounds'], '--seed', values.seed], 'baselines');
}

const scaling = scalingOf(pipelineResults);
const date = new Date().toISOString();
const results: BenchResults = {
  date,
  mode,
  seed: values.seed,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: totalmem() / 2 ** 30,
    node: process.version,
    nodeOptions: process.env.NODE_OPTIONS ?? '',
    platform: `${platform()} ${release()}`,
    loadAverage: { start: loadAtStart, end: loadavg()[0] },
  },
  commit,
  stages: stageNames(),
  sizes: pipelineResults,
  baselines,
  scaling,
  targets: judgeTargets(pipelineResults, baselines, scaling),
  totalSeconds: (performance.now() - started) / 1000,
};
const resultsDir = join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
const resultsPath = values.out ?? join(resultsDir, `${date.slice(0, 16).replace(':', '')}-${mode}.json`);
writeFileSync(resultsPath, `${JSON.stringify(results, null, 1)}\n`);
const lines = formatReport(results, relative(process.cwd(), resultsPath));
if (profileDir) {
  for (const name of readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile')).sort()) {
    lines.push('', `hottest functions in ${name} (self time):`, ...summarizeProfile(join(profileDir, name), { top: 20 }));
  }
  lines.push('', `profiles: ${profileDir} (open in Chrome DevTools › Performance)`);
}
if (sqlProfileDir) {
  for (const name of readdirSync(sqlProfileDir).filter((file) => file.endsWith('.json')).sort()) {
    lines.push('', `costliest SQL statements in ${name} (timing adds overhead to every statement):`, ...summarizeSqlProfile(join(sqlProfileDir, name), { top: 20 }));
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
