// Per-document lookup tables the quote stage shares: token → sentence, token → quoted passage, token → entity mention.
import type { Doc, Entity, Token } from '../doc/types.ts';
import type { QuoteLexicon } from './quote-lexicon.ts';
import type { QuotePassage } from './quote-spans.ts';
import { tokenView, type TokenView } from '../knowledge/token-keys.ts';

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
  /** The Doc's shared token keys and capitalisation flags. */
  view: TokenView;
  /** Lowercase texts of the tokens whose shared key is not simply their lowercase text, filled as they are first read. */
  words: Map<number, string>;
}

function byStartThenLongest(a: EntityMention, b: EntityMention): number {
  return a.start - b.start || b.end - a.end;
}

function flattenMentions(entities: Entity[]): EntityMention[] {
  const mentions: EntityMention[] = [];
  for (const entity of entities) {
    for (const mention of entity.mentions) mentions.push({ start: mention.start, end: mention.end, entity });
  }
  return mentions.sort(byStartThenLongest);
}

function markMentions(tokens: Token[], mentions: EntityMention[]): Int32Array {
  const mentionOfToken = new Int32Array(tokens.length).fill(-1);
  // Mentions come sorted by start, so the first token of each is found by walking on, not by a search per mention.
  let first = 0;
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index];
    while (first < tokens.length && tokens[first].end <= mention.start) first++;
    for (let t = first; t < tokens.length && tokens[t].start < mention.end; t++) {
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
    view: tokenView(doc.text, tokens),
    words: new Map(),
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

/**
 * Whether the token's shared key is its text in lowercase. A word's key is its lowercase text when the word
 * is plain ASCII (beyond that the key also drops diacritics); other tokens keep their text as their key,
 * which is lowercase unless it holds a capital (quote marks and dashes, in General Punctuation, hold none).
 */
function keyIsLowercaseText(ctx: QuoteContext, index: number): boolean {
  const token = ctx.tokens[index];
  const isWord = token.kind === 'word';
  for (let at = token.start; at < token.end; at++) {
    const code = ctx.text.charCodeAt(at);
    if (isWord ? code < 0x20 || code > 0x7e : (code >= 0x41 && code <= 0x5a) || (code >= 0x80 && (code < 0x2000 || code > 0x206f))) return false;
  }
  return true;
}

/** The token's text in lowercase. */
export function wordAt(ctx: QuoteContext, index: number): string {
  if (keyIsLowercaseText(ctx, index)) return ctx.view.keys[index];
  let word = ctx.words.get(index);
  if (word === undefined) {
    word = tokenText(ctx, index).toLowerCase();
    ctx.words.set(index, word);
  }
  return word;
}

/** Whether the token's text is all lowercase (has nothing a lowercasing would change). */
export function isLowercase(ctx: QuoteContext, index: number): boolean {
  const token = ctx.tokens[index];
  for (let at = token.start; at < token.end; at++) {
    const code = ctx.text.charCodeAt(at);
    if (code >= 0x41 && code <= 0x5a) return false;
    if (code >= 0x80) {
      const text = tokenText(ctx, index);
      return text === text.toLowerCase();
    }
  }
  return true;
}

/** A word token starting with a capital letter. */
export function isCapitalised(ctx: QuoteContext, index: number): boolean {
  return ctx.tokens[index].kind === 'word' && ctx.view.capitalized[index];
}

/** A word token ending in 's / ’s, or followed by a lone apostrophe ("officials’"). */
export function isPossessiveToken(ctx: QuoteContext, index: number): boolean {
  const token = ctx.tokens[index];
  const text = ctx.text;
  if (token.end <= token.start || !isLetterS(text.charCodeAt(token.end - 1))) return false;
  const beforeS = token.end - 1 > token.start ? text.charCodeAt(token.end - 2) : -1;
  if (beforeS === 0x27 || beforeS === 0x2019) return true;
  const next = ctx.tokens[index + 1];
  if (next === undefined || next.start !== token.end || next.kind !== 'quote') return false;
  const mark = text[next.start];
  const after = text[next.end] ?? ' ';
  return (mark === '\u2019' || mark === "'") && /\s/u.test(after);
}

/** "s" as a case-insensitive match reads it: s, S and the long s (ſ). */
function isLetterS(code: number): boolean {
  return code === 0x73 || code === 0x53 || code === 0x17f;
}
