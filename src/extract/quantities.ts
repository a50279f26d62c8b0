// The quantities stage: one pass over the tokens reads every number in digits or words with its unit and what it measures.
import type { Doc, Quantity } from '../doc/types.ts';
import { spanOf } from '../doc/span.ts';
import type { Stage } from './stage.ts';
import { sentenceAt } from './date-tense.ts';
import { comparatorStart, describe, isQuantity, matchArticleDuration } from './quantity-context.ts';
import { currencyAt, matchDigits, matchRangeEnd, matchWords, type NumberMatch } from './quantity-parse.ts';
import { loadNumberWords, TokenView } from './quantity-words.ts';

export { matchDigits, matchWords, type NumberMatch } from './quantity-parse.ts';

let starters: Set<string> | null = null;

/** Words a number in words can start with; anything else is skipped at the cost of one set lookup. */
function numberStarters(): Set<string> {
  if (starters === null) {
    const lex = loadNumberWords();
    starters = new Set(['a', 'an', 'half']);
    for (const table of [lex.cardinals, lex.tens, lex.multiples, lex.vaguePlurals, lex.ordinals, lex.fractions]) {
      for (const word of table.keys()) starters.add(word);
    }
  }
  return starters;
}

const HYPHEN = /[-\u2010\u2011]/;

/** Whether the character at `offset` is an ASCII digit (what `\d` matches), without a regex call per token. */
function isDigitAt(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 48 && code <= 57;
}

/** The number starting at token `index`, with its currency, or null. */
function numberAt(view: TokenView, index: number): NumberMatch | null {
  const token = view.tokens[index];
  const { text } = view;
  // A currency opens with a symbol or "US" ("US$"); only two-letter words can be that "US".
  if (token.kind === 'symbol' || (token.kind === 'word' && token.end - token.start === 2 && view.word(index) === 'us')) {
    const currency = currencyAt(text, token.start);
    if (currency === null) return null;
    let digits = token.start + currency.length;
    if (text[digits] === ' ') digits += 1;
    if (!isDigitAt(text, digits)) return null;
    const match = matchDigits(view, digits);
    if (match === null || match.identifier) return null;
    return { ...match, start: token.start, unit: match.unit ?? currency.unit, bare: false };
  }
  if (isDigitAt(text, token.start)) return matchDigits(view, token.start);
  if (token.kind !== 'word') return null;
  const word = view.word(index);
  const starters = numberStarters();
  if (!starters.has(word)) {
    // "twenty-five": the word before the hyphen must start a number. A word's key writes every hyphen as "-".
    const hyphen = word.indexOf('-');
    if (hyphen <= 0 || !starters.has(word.slice(0, hyphen))) return null;
  }
  return matchArticleDuration(view, index) ?? matchWords(view, index);
}

/** Plain digits joined by a hyphen with no unit on either side ("2-1"): a score or a label, not a range of quantities. */
function isBareHyphenPair(view: TokenView, first: NumberMatch, second: NumberMatch): boolean {
  return first.unit === null && second.unit === null && first.bare && second.bare && HYPHEN.test(view.text.slice(first.end, second.start));
}

function quantityOf(doc: Doc, view: TokenView, match: NumberMatch, withComparator: boolean): Quantity {
  const firstToken = view.indexFrom(match.start);
  const start = withComparator ? comparatorStart(view, firstToken) : match.start;
  const span = spanOf(doc.text, start, match.end);
  const sentence = sentenceAt(doc, match.start);
  const evidence = sentence === null ? span : spanOf(doc.text, sentence.start, sentence.end);
  const { unit, about } = describe(view, match, firstToken);
  return { value: match.value, unit, about, text: span.text, evidence, span };
}

/** Every quantity in `doc`, in text order. */
export function findQuantities(doc: Doc): Quantity[] {
  const view = new TokenView(doc.text, doc.tokens);
  const quantities: Quantity[] = [];
  let consumed = 0;
  for (let index = 0; index < doc.tokens.length; index++) {
    if (doc.tokens[index].start < consumed) continue;
    const first = numberAt(view, index);
    if (first === null) continue;
    const between = view.word(index - 1) === 'between';
    let second = matchRangeEnd(view, first, between);
    let head = first;
    if (second !== null && isBareHyphenPair(view, first, second)) {
      consumed = second.end;
      continue;
    }
    // "rose 2.5% to $41.20": two quantities in different units are no range; the second is read on its own.
    if (second !== null && first.unit !== null && second.unit !== null && first.unit !== second.unit) second = null;
    if (second !== null && head.unit === null && !head.compound && second.unit !== null) head = { ...head, unit: second.unit };
    if (second !== null && !isQuantity(view, second, { rangeEnd: true })) second = null;
    if (isQuantity(view, head)) quantities.push(quantityOf(doc, view, head, true));
    if (second !== null) quantities.push(quantityOf(doc, view, second, false));
    consumed = (second ?? first).end;
  }
  return quantities;
}

export const quantitiesStage: Stage = {
  name: 'quantities',
  requires: ['text', 'sentences', 'tokens'],
  assigns: ['quantities'],
  run(doc) {
    return { ...doc, quantities: findQuantities(doc) };
  },
};
