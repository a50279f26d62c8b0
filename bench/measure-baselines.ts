// Parley's full extraction beside wink-nlp and compromise, on the same generated articles, each library in a process
// of its own: after a warm-up, in rounds that take each library in turn, each judged by its median round. Run with no
// --library, this process drives the three and prints one JSON object on stdout; with --library, it is one of them.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/index.ts';
import { loadBaseArticles } from './corpus/base-articles.ts';
import { CorpusGenerator, type GeneratedArticle } from './corpus/generate.ts';
import { defaultStages, processRawDocument } from '../src/extract/index.ts';
import { toRawDocument } from './timed-extraction.ts';
import { CpuClock, WallClock } from './stopwatch.ts';
import type { BaselineRate, BaselineResult } from './results.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: 'parley-bench-1' },
    warmup: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    library: { type: 'string' },
  },
});
const count = Number(values.count);
const warmup = Number(values.warmup);
const rounds = Number(values.rounds);

interface Runner {
  name: string;
  what: string;
  /** Loads the library and returns what runs it on one article (with the wink tokens it counted, for wink-nlp). */
  load(): Promise<(article: GeneratedArticle) => number>;
}

const runners: Runner[] = [
  {
    name: 'parley',
    what: 'full extraction: text stage and every default stage',
    load: async () => {
      const kb = loadKnowledge({});
      return (article) => {
        processRawDocument(toRawDocument(article), defaultStages, { kb });
        return 0;
      };
    },
  },
  {
    name: 'wink-nlp',
    what: 'wink-eng-lite-web-model: tokens, sentences, POS, entities',
    load: async () => {
      const winkNLP = (await import('wink-nlp')).default;
      const model = (await import('wink-eng-lite-web-model')).default;
      const wink = winkNLP(model);
      const its = wink.its;
      return (article) => {
        const doc = wink.readDoc(article.text);
        const tokens = doc.tokens().out().length;
        doc.sentences().out();
        doc.tokens().out(its.pos);
        doc.entities().out(its.detail);
        return tokens;
      };
    },
  },
  {
    name: 'compromise',
    what: 'people, places, organizations',
    load: async () => {
      const nlp = (await import('compromise')).default;
      return (article) => {
        const doc = nlp(article.text);
        doc.people().out('array');
        doc.places().out('array');
        doc.organizations().out('array');
        return 0;
      };
    },
  },
];

/** What a library's process says once warmed up: how much text a round reads. */
interface Ready {
  megabytes: number;
}

/** What a library's process answers for one round. */
interface RoundLap {
  wallMs: number;
  cpuMs: number;
  tokens: number;
}

/**
 * One library's process: makes the same articles (the generator is a pure function of the seed), loads only its
 * library, warms up on the `warmup` articles after the measured ones, says it is ready, then times a round over the
 * measured articles each time it is asked. Its CPU clock counts only its own threads: its own garbage and compilation.
 */
async function serveLibrary(name: string): Promise<void> {
  const runner = runners.find((candidate) => candidate.name === name);
  if (!runner) throw new Error(`--library must be one of ${runners.map((candidate) => candidate.name).join(', ')}`);
  const generator = new CorpusGenerator(await loadBaseArticles(), { seed: values.seed });
  const measured = [...generator.articles(count)];
  const run = await runner.load();
  for (const article of generator.articles(count + warmup, count)) run(article);
  process.on('message', (message) => {
    if (message !== 'round') return process.disconnect();
    let tokens = 0;
    const wall = new WallClock();
    const cpu = new CpuClock();
    for (const article of measured) tokens += run(article);
    const lap: RoundLap = { wallMs: wall.lap(), cpuMs: cpu.lap(), tokens };
    process.send?.(lap);
  });
  const ready: Ready = { megabytes: measured.reduce((total, article) => total + Buffer.byteLength(article.text), 0) / 1e6 };
  process.send?.(ready);
}

function nextMessage(child: ChildProcess, name: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`baseline process for ${name} exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message);
    });
  });
}

async function driveLibraries(): Promise<BaselineResult> {
  const script = fileURLToPath(import.meta.url);
  const children = runners.map((runner) => {
    // Each library's process runs as this one does (tsx); under `--cpu-prof` its profile is named after it.
    const execArgv = process.execArgv.map((arg) => (arg.startsWith('--cpu-prof-name=') ? `--cpu-prof-name=baselines-${runner.name}.cpuprofile` : arg));
    const child = fork(script, ['--library', runner.name, '--count', String(count), '--warmup', String(warmup), '--seed', values.seed], { execArgv });
    return { runner, child, ready: nextMessage(child, runner.name) };
  });
  // The warm-ups run side by side; the rounds one library at a time, so that each has the machine to itself.
  const [{ megabytes }] = (await Promise.all(children.map((entry) => entry.ready))) as Ready[];
  const roundLaps = new Map<string, RoundLap[]>(runners.map((runner) => [runner.name, []]));
  // One timing of a library is a second or two (Parley, wink-nlp) against ten (compromise): a pause or a slower stretch
  // of the machine in it moved the ratios by 10%. Rounds spread such stretches over every library, the median drops them.
  for (let round = 0; round < rounds; round++) {
    for (const { runner, child } of children) {
      const answer = nextMessage(child, runner.name);
      child.send('round');
      roundLaps.get(runner.name)!.push((await answer) as RoundLap);
    }
  }
  for (const { child } of children) child.send('exit');
  const laps = new Map([...roundLaps].map(([name, list]) => [name, [...list].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(list.length / 2)]]));
  const parley = laps.get('parley')!;
  const rates: BaselineRate[] = runners.map((runner) => {
    const lap = laps.get(runner.name)!;
    return {
      name: runner.name,
      what: runner.what,
      articles: count,
      wallSeconds: lap.wallMs / 1000,
      cpuSeconds: lap.cpuMs / 1000,
      articlesPerSecond: { wall: count / (lap.wallMs / 1000), cpu: count / (lap.cpuMs / 1000) },
      parleySpeedRatio: runner.name === 'parley' ? null : lap.cpuMs / parley.cpuMs,
      roundCpuSeconds: roundLaps.get(runner.name)!.map((round) => round.cpuMs / 1000),
    };
  });
  return {
    articles: count,
    warmupArticles: warmup,
    rounds,
    megabytes,
    tokens: Math.max(...roundLaps.get('wink-nlp')!.map((lap) => lap.tokens)),
    rates,
  };
}

if (values.library !== undefined) await serveLibrary(values.library);
else process.stdout.write(`${JSON.stringify(await driveLibraries())}\n`);
