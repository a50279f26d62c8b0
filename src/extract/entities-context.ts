// What every part of the entity stage reads about one document: token keys, gazetteer chunks, sentence bounds and small token tests.
import type { Doc } from '../doc/types.ts';
import type { GazetteerEntry, GazetteerMatch, Knowledge, TokenView } from '../knowledge/index.ts';
import { tokenView } from '../knowledge/index.ts';

export type Chunk = GazetteerMatch<GazetteerEntry>;

export interface EntityContext {
  doc: Doc;
  kb: Knowledge;
  view: TokenView;
  /** Longest gazetteer matches, left to right, not overlapping. */
  chunks: Chunk[];
  /** Index into `chunks` of the chunk covering each token, or -1. */
  chunkAt: Int32Array;
  /** Index of the sentence each token is in (-1 outside every sentence). */
  sentenceOf: Int32Array;
  /** Publication day (ISO) the roles are judged at, or null. */
  day: string | null;
}

export function buildEntityContext(doc: Doc, kb: Knowledge): EntityContext {
  const view = tokenView(doc.text, doc.tokens);
  const chunks = kb.gazetteer.scan(view);
  const chunkAt = new Int32Array(doc.tokens.length).fill(-1);
  chunks.forEach((chunk, index) => chunkAt.fill(index, chunk.start, chunk.end));
  const sentenceOf = new Int32Array(doc.tokens.length).fill(-1);
  let s = 0;
  for (let i = 0; i < doc.tokens.length; i++) {
    const start = doc.tokens[i].start;
    while (s < doc.sentences.length && doc.sentences[s].end <= start) s++;
    if (s < doc.sentences.length && doc.sentences[s].start <= start) sentenceOf[i] = s;
  }
  const published = doc.meta.published;
  const day = published !== null && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;
  return { doc, kb, view, chunks, chunkAt, sentenceOf, day };
}

/** The chunk starting exactly at token `i`, if any. */
export function chunkStartingAt(ctx: EntityContext, i: number): Chunk | null {
  const index = i >= 0 && i < ctx.chunkAt.length ? ctx.chunkAt[i] : -1;
  if (index < 0) return null;
  const chunk = ctx.chunks[index];
  return chunk.start === i ? chunk : null;
}

/** The chunk covering token `i`, if any. */
export function chunkCovering(ctx: EntityContext, i: number): Chunk | null {
  const index = i >= 0 && i < ctx.chunkAt.length ? ctx.chunkAt[i] : -1;
  return index < 0 ? null : ctx.chunks[index];
}

/** The chunk ending exactly before token `end` (its last token is `end - 1`), if any. */
export function chunkEndingAt(ctx: EntityContext, end: number): Chunk | null {
  const chunk = chunkCovering(ctx, end - 1);
  return chunk !== null && chunk.end === end ? chunk : null;
}

export function entryOf<T extends GazetteerEntry['type']>(chunk: Chunk | null, type: T): Extract<GazetteerEntry, { type: T }> | null {
  if (chunk === null) return null;
  for (const entry of chunk.entries) {
    if (entry.type === type) return entry as Extract<GazetteerEntry, { type: T }>;
  }
  return null;
}

export function isWord(ctx: EntityContext, i: number): boolean {
  return i >= 0 && i < ctx.view.tokens.length && ctx.view.tokens[i].kind === 'word';
}

/** Whether token `i` is the punctuation or quote mark `mark`. */
export function isMark(ctx: EntityContext, i: number, mark: string): boolean {
  if (i < 0 || i >= ctx.view.tokens.length) return false;
  const token = ctx.view.tokens[i];
  return token.kind !== 'word' && token.kind !== 'number' && ctx.view.keys[i] === mark;
}

/** Whether tokens `a` and `b` are in the same sentence. */
export function sameSentence(ctx: EntityContext, a: number, b: number): boolean {
  return a >= 0 && b >= 0 && a < ctx.sentenceOf.length && b < ctx.sentenceOf.length && ctx.sentenceOf[a] === ctx.sentenceOf[b] && ctx.sentenceOf[a] !== -1;
}

/** The text of tokens `start`..`end` (exclusive), dropping a possessive ending on the last token. */
export function spanBounds(ctx: EntityContext, start: number, end: number, options?: { keepPossessive?: boolean }): { start: number; end: number } {
  const from = ctx.view.tokens[start].start;
  let to = ctx.view.tokens[end - 1].end;
  if (!options?.keepPossessive && ctx.view.possessive[end - 1]) {
    const surface = ctx.view.text.slice(ctx.view.tokens[end - 1].start, to);
    to -= /s$/i.test(surface) && /['\u2019]s$/i.test(surface) ? 2 : 1;
  }
  return { start: from, end: to };
}

/** The surface text of a token. */
export function surfaceOf(ctx: EntityContext, i: number): string {
  const token = ctx.view.tokens[i];
  return ctx.view.text.slice(token.start, token.end);
}
