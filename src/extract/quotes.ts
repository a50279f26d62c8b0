// The quotes stage: direct quotes in straight and curly marks, with their speakers and the sentences they stand in.
import type { Doc, Entity, Quote } from '../doc/types.ts';
import { spanOf } from '../doc/span.ts';
import type { Stage } from './stage.ts';
import { attributePassages, IN_SENTENCE_RULES, type Attribution } from './quote-attribution.ts';
import { buildQuoteContext, type QuoteContext } from './quote-context.ts';
import { quoteLexicon } from './quote-lexicon.ts';
import { findQuotePassages, type QuotePassage } from './quote-spans.ts';

/** Letters two spellings of a surname share at least ("Zelensk-y, -yy, -iy"). */
const SPELLING_STEM = 5;

/** Quotes this short ("constructive", "very productive and useful") count only when their own sentence names who said them. */
const MAX_SCARE_QUOTE_WORDS = 4;

function wordCount(ctx: QuoteContext, passage: QuotePassage): number {
  let count = 0;
  for (let t = passage.openToken + 1; t < passage.lastToken + (passage.closeToken < 0 ? 1 : 0); t++) {
    const kind = ctx.tokens[t].kind;
    if (kind === 'word' || kind === 'number') count++;
  }
  return count;
}

/** The quoted words: each paragraph's piece trimmed of space and of the comma that hands over to the attribution. */
function quotedText(text: string, passage: QuotePassage): string {
  let quoted = '';
  for (const { start, end } of passage.pieces) {
    const piece = text.slice(start, end).trim().replace(/,$/u, '').trim();
    if (piece.length > 0) quoted = quoted.length > 0 ? `${quoted} ${piece}` : piece;
  }
  return quoted;
}

/** The passage is a sentence of its own ("Never."), not words quoted inside someone else's sentence. */
function isWholeSentence(ctx: QuoteContext, passage: QuotePassage): boolean {
  const first = ctx.sentenceOfToken[passage.openToken];
  const last = ctx.sentenceOfToken[passage.lastToken];
  return ctx.sentenceFirst[first] === passage.openToken && ctx.sentenceLast[last] === passage.lastToken;
}

/**
 * Scare quotes and unclosed marks are kept only with a speaker named in their own
 * sentence (a short quote standing as its own sentence may take the speaker before it);
 * longer quotes always, attributed or not.
 */
function isKept(ctx: QuoteContext, passage: QuotePassage, attribution: Attribution): boolean {
  const namedHere = attribution.speaker !== null && IN_SENTENCE_RULES.has(attribution.rule);
  if (passage.closeToken < 0) return namedHere;
  if (wordCount(ctx, passage) > MAX_SCARE_QUOTE_WORDS || namedHere) return true;
  return attribution.speaker !== null && isWholeSentence(ctx, passage);
}

/**
 * A person's full name as this document spells it: the entity's name with the surname the
 * article writes when that is a spelling variant ("Volodymyr Zelenskyy" in an article that
 * writes Zelenskyy); the id stays the same whatever the spelling.
 */
function nameAsWritten(entity: Entity): string {
  if (entity.kind !== 'person') return entity.name;
  const parts = entity.name.split(' ');
  if (parts.length < 2) return entity.name;
  const surname = parts[parts.length - 1];
  const stem = surname.slice(0, SPELLING_STEM).toLowerCase();
  let variant: string | null = null;
  for (const mention of entity.mentions) {
    const written = lastWord(mention.text).replace(/['\u2019]s$/u, '');
    if (written === surname) return entity.name;
    if (variant === null && written.length >= SPELLING_STEM && written.slice(0, SPELLING_STEM).toLowerCase() === stem) variant = written;
  }
  return variant === null ? entity.name : [...parts.slice(0, -1), variant].join(' ');
}

const WHITESPACE = /\s/u;

/** The text after its last whitespace ('' when it ends in whitespace). */
function lastWord(text: string): string {
  let start = text.length;
  while (start > 0 && !WHITESPACE.test(text[start - 1])) start--;
  return start === 0 ? text : text.slice(start);
}

function writtenName(entity: Entity, known: Map<Entity, string>): string {
  let name = known.get(entity);
  if (name === undefined) {
    name = nameAsWritten(entity);
    known.set(entity, name);
  }
  return name;
}

/** The quotes of `doc`, in text order. */
export function extractQuotes(doc: Doc): Quote[] {
  const passages = findQuotePassages(doc.text, doc.tokens);
  if (passages.length === 0 || doc.sentences.length === 0) return [];
  const ctx = buildQuoteContext(doc, passages, quoteLexicon());
  const attributions = attributePassages(ctx);
  const quotes: Quote[] = [];
  // A speaker is usually quoted more than once: spell each name out once.
  const writtenNames = new Map<Entity, string>();
  for (let index = 0; index < passages.length; index++) {
    const passage = passages[index];
    const attribution = attributions[index];
    const text = quotedText(doc.text, passage);
    if (text.length === 0 || !isKept(ctx, passage, attribution)) continue;
    const first = doc.sentences[ctx.sentenceOfToken[passage.openToken]];
    const last = doc.sentences[ctx.sentenceOfToken[passage.lastToken]];
    const speaker = attribution.speaker;
    quotes.push({
      speaker: speaker?.entity?.id ?? null,
      speakerName: speaker === null ? null : speaker.entity && speaker.name === speaker.entity.name ? writtenName(speaker.entity, writtenNames) : speaker.name,
      text,
      evidence: spanOf(doc.text, first.start, last.end),
    });
  }
  return quotes;
}

export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['text', 'sentences', 'tokens', 'entities'],
  assigns: ['quotes'],
  run(doc) {
    return { ...doc, quotes: extractQuotes(doc) };
  },
};
