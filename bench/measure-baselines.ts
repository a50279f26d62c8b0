// Parley's full extraction beside wink-nlp and compromise, on the same generated articles in one process: after a
// warm-up, in rounds that take each library in turn, each judged by its median round. Prints one JSON object on stdout.
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import nlp from 'compromise';
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
  },
});
const count = Number(values.count);
const warmup = Number(values.warmup);
const rounds = Number(values.rounds);

const generator = new CorpusGenerator(await loadBaseArticles(), { seed: values.seed });
// The same first `count` articles every size run starts with, held in memory so that every library reads the same
// strings; each library first warms up (JIT, lazy data) on the `warmup` articles that follow them.
const measured = [...generator.articles(count)];
const warmupArticles = [...generator.articles(count + warmup, count)];
const kb = loadKnowledge({});
const wink = winkNLP(model);
const its = wink.its;
let winkTokens = 0;

interface Runner {
  name: string;
  what: string;
  run(article: GeneratedArticle): void;
}

const runners: Runner[] = [
  {
    name: 'parley',
    what: 'full extraction: text stage and every default stage',
    run: (article) => void processRawDocument(toRawDocument(article), defaultStages, { kb }),
  },
  {
    name: 'wink-nlp',
    what: 'wink-eng-lite-web-model: tokens, sentences, POS, entities',
    run: (article) => {
      const doc = wink.readDoc(article.text);
      winkTokens += doc.tokens().out().length;
      doc.sentences().out();
      doc.tokens().out(its.pos);
      doc.entities().out(its.detail);
    },
  },
  {
    name: 'compromise',
    what: 'people, places, organizations',
    run: (article) => {
      const doc = nlp(article.text);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    },
  },
];

for (const runner of runners) for (const article of warmupArticles) runner.run(article);
// One timing of a library is a second or two (Parley, wink-nlp) against ten (compromise): a pause or a slower stretch
// of the machine in it moved the ratios by 10%. Rounds spread such stretches over every library, the median drops them.
const roundLaps = new Map<string, { wallMs: number; cpuMs: number }[]>(runners.map((runner) => [runner.name, []]));
let tokens = 0;
for (let round = 0; round < rounds; round++) {
  for (const runner of runners) {
    winkTokens = 0;
    const wall = new WallClock();
    const cpu = new CpuClock();
    for (const article of measured) runner.run(article);
    roundLaps.get(runner.name)!.push({ wallMs: wall.lap(), cpuMs: cpu.lap() });
    tokens = Math.max(tokens, winkTokens);
  }
}
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
const result: BaselineResult = {
  articles: count,
  warmupArticles: warmup,
  rounds,
  megabytes: measured.reduce((total, article) => total + Buffer.byteLength(article.text), 0) / 1e6,
  tokens,
  rates,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
