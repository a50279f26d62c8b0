// Parley's full extraction beside wink-nlp and compromise, one after the other on the same generated articles, in
// one process. Prints one JSON object on stdout.
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
  },
});
const count = Number(values.count);
const warmup = Number(values.warmup);

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

const laps = new Map<string, { wallMs: number; cpuMs: number }>();
let tokens = 0;
for (const runner of runners) {
  for (const article of warmupArticles) runner.run(article);
  winkTokens = 0;
  const wall = new WallClock();
  const cpu = new CpuClock();
  for (const article of measured) runner.run(article);
  laps.set(runner.name, { wallMs: wall.lap(), cpuMs: cpu.lap() });
  tokens = Math.max(tokens, winkTokens);
}

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
  };
});
const result: BaselineResult = {
  articles: count,
  warmupArticles: warmup,
  megabytes: measured.reduce((total, article) => total + Buffer.byteLength(article.text), 0) / 1e6,
  tokens,
  rates,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
