// Parley's extraction with a stopwatch on each step: the text stage, then every stage of the default pipeline as it stands.
import type { Doc, RawDocument } from '../src/doc/types.ts';
import { defaultStages } from '../src/extract/index.ts';
import { readTextDocument } from '../src/ingest/text.ts';
import type { Knowledge } from '../src/knowledge/index.ts';
import { buildDoc } from '../src/text/index.ts';
import type { GeneratedArticle } from './corpus/generate.ts';
import type { TimeTotals, WallClock } from './stopwatch.ts';

/** The name the text stage (cleaning, tokens, sentences) is reported under, beside the extraction stages' own names. */
export const textStageName = 'text';

/** Names of the timed steps, in pipeline order; new stages in defaultStages show up here without any change. */
export function stageNames(): string[] {
  return [textStageName, ...defaultStages.map((stage) => stage.name)];
}

/** A generated article as `parley ingest` reads a file: the text reader, then the manifest's metadata. */
export function toRawDocument(article: GeneratedArticle): RawDocument {
  const raw = readTextDocument(article.text, { origin: article.file, kind: 'file', file: article.file, url: null }, article.format);
  return { ...raw, meta: { ...raw.meta, title: article.title, source: article.source, published: article.published } };
}

/**
 * What processRawDocument does (the text stage, then every default stage in order), with a lap of `clock`
 * added to `totals` after each step under the step's name.
 */
export function extractTimed(raw: RawDocument, kb: Knowledge, clock: WallClock, totals: TimeTotals): Doc {
  let doc = buildDoc(raw);
  totals.addWall(textStageName, clock.lap());
  const context = { kb };
  for (const stage of defaultStages) {
    doc = stage.run(doc, context);
    totals.addWall(stage.name, clock.lap());
  }
  return doc;
}
