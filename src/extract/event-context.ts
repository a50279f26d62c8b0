// The token view of a document the event finders scan (words, actors and dates by token) and the scanning helpers they share.
import type { DateMention, Doc, Token } from '../doc/types.ts';
import { tokenView } from '../knowledge/index.ts';
import { eventLexicon, normalizeWord, type EventLexicon } from './event-lexicon.ts';
import type { ActorMention } from './event-actors.ts';
import { loadNumberWords, loadUnits, smallNumberValue } from './quantity-words.ts';
import { spanIndexAt } from '../doc/span.ts';

/** The document as the mention finder reads it: lower-cased words and actors by token. */
export interface MentionContext {
  doc: Doc;
  lex: EventLexicon;
  /** Token texts lower-cased, with curly apostrophes made straight. */
  words: string[];
  actors: ActorMention[];
  /** Index into `actors` of the first actor starting at each token, or -1. */
  actorAt: Int32Array;
  /** 1 for tokens inside a date expression. */
  inDate: Uint8Array;
  /** The document's resolved date mentions, in text order. */
  dates: DateMention[];
}

/** Builds the lookup tables the mention finder needs for one document. */
export function mentionContext(doc: Doc, actors: ActorMention[]): MentionContext {
  const words = lowerWords(doc);
  const actorAt = new Int32Array(doc.tokens.length).fill(-1);
  actors.forEach((actor, index) => {
    if (actorAt[actor.token] === -1) actorAt[actor.token] = index;
  });
  const inDate = new Uint8Array(doc.tokens.length);
  for (const date of doc.dates) {
    for (let index = tokenIndexAt(doc, date.span.start); index < doc.tokens.length && doc.tokens[index].start < date.span.end; index++) inDate[index] = 1;
  }
  const dates = doc.dates.filter((date) => date.start !== null).sort((a, b) => a.span.start - b.span.start);
  return { doc, lex: eventLexicon(), words, actors, actorAt, inDate, dates };
}

/** Flags the tokens holding a match of `pattern` (global), found by searching the whole text once. */
export function tokensMatching(doc: Doc, pattern: RegExp): Uint8Array {
  const { text, tokens } = doc;
  const flags = new Uint8Array(tokens.length);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const index = tokenIndexAt(doc, match.index);
    if (index < tokens.length && tokens[index].start <= match.index) flags[index] = 1;
  }
  return flags;
}

const NOT_ASCII = /[^\x00-\x7e]/g;

/**
 * `normalizeWord` of every token: the shared token keys, which agree for ASCII words, with the other tokens worked
 * out again. A non-ASCII key also drops diacritics, which this stage keeps, and the key of a number or mark keeps its case.
 */
function lowerWords(doc: Doc): string[] {
  const { text, tokens } = doc;
  const words = tokenView(text, tokens).keys.slice();
  const nonAscii = tokensMatching(doc, NOT_ASCII);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (nonAscii[index] === 1 || (token.kind !== 'word' && hasCapital(text, token))) words[index] = normalizeWord(text.slice(token.start, token.end));
  }
  return words;
}

function hasCapital(text: string, token: Token): boolean {
  for (let index = token.start; index < token.end; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x41 && code <= 0x5a) return true;
  }
  return false;
}

/** Whether token `index` exists and its text starts with a capital letter. */
export function capitalAt(ctx: MentionContext, index: number): boolean {
  const token = ctx.doc.tokens[index];
  return token !== undefined && startsWithCapital(ctx.doc.text[token.start]);
}

/** Whether token `index` exists and its text ends with `suffix`. */
export function tokenEndsWith(ctx: MentionContext, index: number, suffix: string): boolean {
  const token = ctx.doc.tokens[index];
  return token !== undefined && token.end - token.start >= suffix.length && ctx.doc.text.startsWith(suffix, token.end - suffix.length);
}

/** Whether token `index` ends in a possessive 's, with a straight or curly apostrophe ("Lima's", "Lima’s"). */
export function possessiveAt(ctx: MentionContext, index: number): boolean {
  return tokenEndsWith(ctx, index, "'s") || tokenEndsWith(ctx, index, '\u2019s');
}

/** Index of the first date mention starting at or after `offset` (binary search). */
export function dateIndexAt(ctx: MentionContext, offset: number): number {
  let low = 0;
  let high = ctx.dates.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ctx.dates[middle].span.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first token ending after `offset` (binary search). */
export function tokenIndexAt(doc: Doc, offset: number): number {
  return spanIndexAt(doc.tokens, offset);
}

export function isClauseBreak(ctx: MentionContext, index: number): boolean {
  const token = ctx.doc.tokens[index];
  if (token.kind !== 'punct') return false;
  const mark = ctx.words[index];
  return mark === ';' || mark === ':' || mark === '.' || mark === '?' || mark === '!';
}

/** Actors whose first token lies in [from, to). */
export function actorsIn(ctx: MentionContext, from: number, to: number): ActorMention[] {
  const { actors } = ctx;
  let low = 0;
  let high = actors.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (actors[middle].token < from) low = middle + 1;
    else high = middle;
  }
  const found: ActorMention[] = [];
  for (let index = low; index < actors.length && actors[index].token < to; index++) found.push(actors[index]);
  return found;
}

/** The first actor starting within `window` tokens after `from`, skipping titles and determiners but not clause breaks. */
export function actorAfter(ctx: MentionContext, from: number, limit: number, window: number): ActorMention | null {
  for (let index = from; index < Math.min(limit, from + window); index++) {
    if (isClauseBreak(ctx, index) || ctx.words[index] === ',') return null;
    const at = ctx.actorAt[index];
    if (at !== -1) return ctx.actors[at];
  }
  return null;
}

/** The person, party or place a verb takes as its object: only determiners, titles and names may stand between ("host his Chilean counterpart", not "receive backing from Lima"). */
export function objectAfter(ctx: MentionContext, from: number, limit: number, window: number): ActorMention | null {
  const { lex, words } = ctx;
  for (let index = from; index < Math.min(limit, from + window); index++) {
    const at = ctx.actorAt[index];
    if (at !== -1) return usableObject(ctx, ctx.actors[at]) ? ctx.actors[at] : null;
    if (isClauseBreak(ctx, index) || words[index] === ',') return null;
    if (ctx.doc.tokens[index].kind !== 'word') continue;
    const word = words[index];
    const skippable =
      lex.objectDeterminers.has(word) || lex.personNouns.has(word) || OBJECT_LINKS.has(word) || capitalAt(ctx, index);
    if (!skippable) return null;
  }
  return null;
}

/** "Peru's reply" and "the Chilean Foreign Ministry" are things; "Chilean President Boric" is a person. */
function usableObject(ctx: MentionContext, actor: ActorMention): boolean {
  const { lex, words } = ctx;
  const following = words[actor.tokenEnd] ?? '';
  const personFollows = lex.personNouns.has(following) || (ctx.actorAt[actor.tokenEnd] ?? -1) !== -1;
  if (actor.kind === 'demonym') return personFollows || (lex.personNouns.has(words[actor.tokenEnd + 1] ?? '') && capitalAt(ctx, actor.tokenEnd));
  if (possessiveAt(ctx, actor.tokenEnd - 1)) return personFollows || capitalAt(ctx, actor.tokenEnd);
  return true;
}

const OBJECT_LINKS = new Set(['with', 'between', 'to', 'in', 'by', 'of', 'and', 'from']);

export function hasPartyOrPerson(actor: ActorMention | null): boolean {
  return actor !== null && (actor.party !== null || actor.person !== null);
}

function startsWithCapital(text: string): boolean {
  const first = text[0];
  return first !== undefined && first !== first.toLowerCase() && first === first.toUpperCase();
}

export function withinWindow(ctx: MentionContext, from: number, limit: number, window: number, test: (index: number) => boolean): boolean {
  for (let index = from; index < Math.min(limit, from + window); index++) {
    if (isClauseBreak(ctx, index)) return false;
    if (test(index)) return true;
  }
  return false;
}

/** Where the clause after a trigger ends: a clause break, or RIGHT_SCOPE tokens on. */
export function clauseEnd(ctx: MentionContext, from: number, last: number, window = RIGHT_SCOPE): number {
  const stop = Math.min(last, from + window);
  for (let index = from; index < stop; index++) if (isClauseBreak(ctx, index)) return index;
  return stop;
}

/** Where the phrase after a trigger ends: at the first word that cannot belong to it ("the discussions follow …" ends at "follow"). */
export function phraseEnd(ctx: MentionContext, from: number, limit: number): number {
  const { lex, words, doc } = ctx;
  for (let index = from; index < limit; index++) {
    if (doc.tokens[index].kind !== 'word' || ctx.actorAt[index] !== -1 || capitalAt(ctx, index)) continue;
    const word = words[index];
    if (lex.bridgeWords.has(word) || lex.personNouns.has(word) || lex.objectDeterminers.has(word)) continue;
    // "spent nearly four days with the envoy": a length may stand in the phrase.
    if (APPROXIMATORS.has(word) || numberAt(ctx, index) !== null || loadUnits().measures.get(word)?.time === true) continue;
    if (ctx.inDate[index] === 1) continue;
    return index;
  }
  return limit;
}

const RELATIVE_PRONOUNS = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when']);

/** Past the event's own phrase, a relative clause is about another noun ("… the Minsk agreement, a deal that ended fighting in 2015"). */
export function relativeClauseStart(ctx: MentionContext, from: number, limit: number): number {
  for (let index = from; index < limit; index++) if (RELATIVE_PRONOUNS.has(ctx.words[index])) return index;
  return limit;
}

export function nextComma(ctx: MentionContext, from: number, limit: number): number {
  for (let index = from; index < limit; index++) if (ctx.words[index] === ',') return index;
  return limit;
}

const RIGHT_SCOPE = 15;

/** A date may stand further on, after the verb the event is subject of ("A meeting between … concluded on Friday"). */
export const DATE_SCOPE = 25;

export const APPROXIMATORS = new Set(['over', 'more', 'than', 'nearly', 'about', 'around', 'almost', 'just', 'some', 'roughly', 'less', 'as', 'long', 'up', 'to', 'only', 'barely', 'well', 'a', 'full']);

export function numberAt(ctx: MentionContext, index: number): number | null {
  const word = ctx.words[index];
  if (word === undefined) return null;
  if (/^\d+$/.test(word)) return Number(word);
  if (word === 'a' || word === 'an') return 1;
  return smallNumberValue(word, loadNumberWords());
}
