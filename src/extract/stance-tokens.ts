// The stance stage's view of a Doc's tokens: normalised words, possessives, sentence ranges and the party mentions over them.
import type { Doc, Entity, Token } from '../doc/types.ts';
import type { MatchableWords } from './stance-phrase-trie.ts';
import { spanIndexFrom } from '../doc/span.ts';
import { tokenView } from '../knowledge/index.ts';

/** Words that end in 's without being possessive ("it's" is "it is"). */
const CONTRACTED_S = new Set(['it', 'that', 'there', 'what', 'he', 'she', 'who', 'let', 'here', 'where', 'how']);

/** One entity mention laid over tokens `first..last` (inclusive). */
export interface MentionUnit {
  first: number;
  last: number;
  entity: Entity;
}

export interface StanceTokens extends MatchableWords {
  readonly words: readonly string[];
  /** Whether token i carries a possessive 's or s'. */
  readonly possessive: readonly boolean[];
  /** Whether token i is punctuation or a quote mark. */
  readonly punctuation: readonly boolean[];
  readonly units: readonly MentionUnit[];
  /** Index into `units` of the mention covering token i, or -1. */
  readonly unitAt: Int32Array;
  /** Token range [start, end) of each sentence. */
  readonly sentenceRanges: ReadonlyArray<readonly [number, number]>;
  /** Mentions that open a compound token ("US" in "US-backed"), by token index, with the rest of the token ("-backed"). */
  readonly compoundHeads: ReadonlyMap<number, { entity: Entity; rest: string }>;
}

function normaliseWord(raw: string): { word: string; possessive: boolean } {
  const word = raw.toLowerCase().replace(/[\u2018\u2019\u00b4`]/g, "'");
  if (word.length > 2 && word.endsWith("'s") && !CONTRACTED_S.has(word.slice(0, -2))) {
    return { word: word.slice(0, -2), possessive: true };
  }
  if (word.length > 2 && word.endsWith("s'")) return { word: word.slice(0, -1), possessive: true };
  return { word, possessive: false };
}

const BACKTICK = 0x60;
const APOSTROPHE = 0x27;

/**
 * Whether `normaliseWord` of a token is what the shared token keys give (its base, or its key for "it's"): so for an
 * ASCII word without a backtick. A non-ASCII key also drops diacritics, which this stage keeps; the key of a mark or
 * number keeps its case and never loses an 's.
 */
function keyMatchesWord(text: string, token: Token): boolean {
  let upperOrApostrophe = false;
  for (let index = token.start; index < token.end; index++) {
    const code = text.charCodeAt(index);
    if (code > 0x7e || code === BACKTICK) return false;
    if ((code >= 0x41 && code <= 0x5a) || code === APOSTROPHE) upperOrApostrophe = true;
  }
  return token.kind === 'word' || !upperOrApostrophe;
}

/** Lays the mentions of every entity over the tokens; a longer mention wins a token claimed twice. */
function layMentions(doc: Doc): { units: MentionUnit[]; unitAt: Int32Array; compoundHeads: Map<number, { entity: Entity; rest: string }> } {
  const tokens = doc.tokens;
  const unitAt = new Int32Array(tokens.length).fill(-1);
  const compoundHeads = new Map<number, { entity: Entity; rest: string }>();
  const spans: { start: number; end: number; entity: Entity }[] = [];
  for (const entity of doc.entities) {
    for (const mention of entity.mentions) spans.push({ start: mention.start, end: mention.end, entity });
  }
  spans.sort((a, b) => b.end - b.start - (a.end - a.start));
  const units: MentionUnit[] = [];
  for (const span of spans) {
    let first = lowerBound(tokens, span.start);
    if (first > 0 && tokens[first - 1].end > span.start) first--;
    let last = first - 1;
    while (last + 1 < tokens.length && tokens[last + 1].start < span.end) last++;
    if (last < first) continue;
    if (!coversTokens(doc.text, tokens[first].start, tokens[last].end, span)) {
      if (first === last && span.start === tokens[first].start) compoundHeads.set(first, { entity: span.entity, rest: doc.text.slice(span.end, tokens[first].end).toLowerCase() });
      continue;
    }
    let free = true;
    for (let index = first; index <= last; index++) if (unitAt[index] !== -1) free = false;
    if (!free) continue;
    for (let index = first; index <= last; index++) unitAt[index] = units.length;
    units.push({ first, last, entity: span.entity });
  }
  return { units, unitAt, compoundHeads };
}

/**
 * Whether a mention covers its tokens whole (a possessive 's aside): "Russia" inside "Russia-backed" or
 * "Ukraine-Russia" names a modifier of something else, not a party that can hold a stance.
 */
function coversTokens(text: string, start: number, end: number, span: { start: number; end: number }): boolean {
  if (span.start !== start) return false;
  if (span.end === end) return true;
  const rest = text.slice(span.end, end).toLowerCase().replace('\u2019', "'");
  return rest === '' || rest === "'s" || rest === "'";
}

/** The index of the first token starting at or after `offset`. */
function lowerBound(tokens: Doc['tokens'], offset: number): number {
  return spanIndexFrom(tokens, offset);
}

/** Builds the token view of `doc`; `isDeterminerWord` says which plain words fill a `{det}` slot. */
export function stanceTokens(doc: Doc, isDeterminerWord: (word: string) => boolean): StanceTokens {
  const { text, tokens } = doc;
  const view = tokenView(text, tokens);
  const count = tokens.length;
  const words = new Array<string>(count);
  const possessive = new Array<boolean>(count);
  const punctuation = new Array<boolean>(count);
  for (let index = 0; index < count; index++) {
    const token = tokens[index];
    if (keyMatchesWord(text, token)) {
      // The shared keys take the 's off "it's" too.
      const contracted = view.possessive[index] && CONTRACTED_S.has(view.bases[index]) && view.keys[index].endsWith("'s");
      words[index] = contracted ? view.keys[index] : view.bases[index];
      possessive[index] = view.possessive[index] && !contracted;
    } else {
      const normalised = normaliseWord(text.slice(token.start, token.end));
      words[index] = normalised.word;
      possessive[index] = normalised.possessive;
    }
    punctuation[index] = token.kind === 'punct' || token.kind === 'quote';
  }
  const sentenceRanges: Array<readonly [number, number]> = [];
  let cursor = 0;
  for (const sentence of doc.sentences) {
    while (cursor < doc.tokens.length && doc.tokens[cursor].start < sentence.start) cursor++;
    const start = cursor;
    while (cursor < doc.tokens.length && doc.tokens[cursor].end <= sentence.end) cursor++;
    sentenceRanges.push([start, cursor]);
  }
  const { units, unitAt, compoundHeads } = layMentions(doc);
  return {
    words,
    possessive,
    punctuation,
    units,
    unitAt,
    sentenceRanges,
    compoundHeads,
    isDeterminer: (index) => possessive[index] || isDeterminerWord(words[index]),
  };
}
