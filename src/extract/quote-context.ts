// Per-document lookup tables the quote stage shares: token → sentence, token → quoted passage, token → entity mention.
import type { Doc, Entity, Token } from '../doc/types.ts';
import type { QuoteLexicon } from './quote-lexicon.ts';
import type { QuotePassage } from './quote-spans.ts';
import { spanIndexAt } from '../doc/span.ts';
import { tokenView } from '../knowledge/token-keys.ts';

/** One mention of an entity, flattened out of `doc.entities`. */
export interface EntityMention {
  start: number;
  end: number;
  entity: Entity;
}

/** Who a quote is attributed to: an entity of the doc, or a bare name no entity covers. */
export interface Speaker {
  entity: Entity | null;
  name: string;
}

export interface QuoteContext {
  text: string;
  tokens: Token[];
  lexicon: QuoteLexicon;
  passages: QuotePassage[];
  entities: Entity[];
  mentions: EntityMention[];
  /** Sentence index of each token. */
  sentenceOfToken: Int32Array;
  /** First and last token of each sentence. */
  sentenceFirst: Int32Array;
  sentenceLast: Int32Array;
  /** Passage index of each token inside a quote (marks included), -1 outside. */
  passageOfToken: Int32Array;
  /** Index into `mentions` of the mention covering each token, -1 for none. */
  mentionOfToken: Int32Array;
  /** Passages whose last token lies in each sentence. */
  passagesEndingIn: Map<number, number[]>;
  /** Speakers found so far, one per passage (null: not attributed). */
  speakers: (Speaker | null)[];
  /** Memo of the person each sentence is about (see `salientPerson`). */
  salient: Map<number, Speaker | null>;
  /** Memo of what each pronoun token stands for (see `resolvePronoun`). */
  pronouns: Map<number, Speaker | null>;
  /** Lowercase token texts, filled as they are first read. */
  words: (string | undefined)[];
}

function flattenMentions(entities: Entity[]): EntityMention[] {
  const mentions: EntityMention[] = [];
  for (const entity of entities) {
    for (const mention of entity.mentions) mentions.push({ start: mention.start, end: mention.end, entity });
  }
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** First token whose end lies after `offset`. */
function tokenAtOrAfter(tokens: Token[], offset: number): number {
  return spanIndexAt(tokens, offset);
}

function markMentions(tokens: Token[], mentions: EntityMention[]): Int32Array {
  const mentionOfToken = new Int32Array(tokens.length).fill(-1);
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index];
    for (let t = tokenAtOrAfter(tokens, mention.start); t < tokens.length && tokens[t].start < mention.end; t++) {
      const held = mentionOfToken[t];
      // A person's mention wins over an organisation or place overlapping it ("Kremlin aide Yuri Ushakov").
      if (held === -1 || (mentions[held].entity.kind !== 'person' && mention.entity.kind === 'person')) mentionOfToken[t] = index;
    }
  }
  return mentionOfToken;
}

/** Builds the lookup tables for `doc` and its quoted passages. */
export function buildQuoteContext(doc: Doc, passages: QuotePassage[], lexicon: QuoteLexicon): QuoteContext {
  const { tokens, sentences } = doc;
  const sentenceOfToken = new Int32Array(tokens.length);
  const sentenceFirst = new Int32Array(sentences.length).fill(-1);
  const sentenceLast = new Int32Array(sentences.length).fill(-1);
  let s = 0;
  for (let t = 0; t < tokens.length; t++) {
    while (s < sentences.length - 1 && tokens[t].start >= sentences[s].end) s++;
    sentenceOfToken[t] = s;
    if (sentenceFirst[s] === -1) sentenceFirst[s] = t;
    sentenceLast[s] = t;
  }
  const passageOfToken = new Int32Array(tokens.length).fill(-1);
  const passagesEndingIn = new Map<number, number[]>();
  passages.forEach((passage, index) => {
    for (let t = passage.openToken; t <= passage.lastToken; t++) passageOfToken[t] = index;
    const sentence = sentenceOfToken[passage.lastToken];
    const list = passagesEndingIn.get(sentence);
    if (list === undefined) passagesEndingIn.set(sentence, [index]);
    else list.push(index);
  });
  const mentions = flattenMentions(doc.entities);
  return {
    text: doc.text,
    tokens,
    lexicon,
    passages,
    entities: doc.entities,
    mentions,
    sentenceOfToken,
    sentenceFirst,
    sentenceLast,
    passageOfToken,
    mentionOfToken: markMentions(tokens, mentions),
    passagesEndingIn,
    speakers: passages.map(() => null),
    salient: new Map(),
    pronouns: new Map(),
    words: new Array<string | undefined>(tokens.length),
  };
}

/** Records the speaker of passage `index`, forgetting what was memoised about its sentence. */
export function recordSpeaker(ctx: QuoteContext, index: number, speaker: Speaker | null): void {
  ctx.speakers[index] = speaker;
  ctx.salient.delete(ctx.sentenceOfToken[ctx.passages[index].lastToken]);
}

/** The token's text. */
export function tokenText(ctx: QuoteContext, index: number): string {
  const token = ctx.tokens[index];
  return ctx.text.slice(token.start, token.end);
}

/** The token's text in lowercase. */
export function wordAt(ctx: QuoteContext, index: number): string {
  let word = ctx.words[index];
  if (word === undefined) {
    word = tokenText(ctx, index).toLowerCase();
    ctx.words[index] = word;
  }
  return word;
}

/** A word token starting with a capital letter. */
export function isCapitalised(ctx: QuoteContext, index: number): boolean {
  return ctx.tokens[index].kind === 'word' && tokenView(ctx.text, ctx.tokens).capitalized[index];
}

/** A word token ending in 's / ’s, or followed by a lone apostrophe ("officials’"). */
export function isPossessiveToken(ctx: QuoteContext, index: number): boolean {
  const text = tokenText(ctx, index);
  if (/['\u2019]s$/iu.test(text)) return true;
  const next = ctx.tokens[index + 1];
  if (next === undefined || next.start !== ctx.tokens[index].end || next.kind !== 'quote') return false;
  const mark = ctx.text[next.start];
  const after = ctx.text[next.end] ?? ' ';
  return (mark === '\u2019' || mark === "'") && /s$/iu.test(text) && /\s/u.test(after);
}
