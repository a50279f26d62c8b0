// Reads the tense of the clause around a date from its words: the tense cue nearest the date decides which way "on Tuesday" points.
import type { Doc, Sentence, Token } from '../doc/types.ts';
import { readDataFile } from '../knowledge/data-file.ts';
import { tokenView, type TokenView } from '../knowledge/token-keys.ts';
import type { Tense } from './relative-dates.ts';
import { spanAt, spanIndexAt } from '../doc/span.ts';

interface TenseWords {
  tense: {
    future: string[];
    futureBeforeTo: string[];
    past: string[];
    pastVerbs: string[];
    notPastEd: string[];
    present: string[];
  };
}

interface TenseLexicon {
  future: Set<string>;
  futureBeforeTo: Set<string>;
  past: Set<string>;
  pastVerbs: Set<string>;
  notPastEd: Set<string>;
  present: Set<string>;
}

let lexicon: TenseLexicon | null = null;

function loadLexicon(): TenseLexicon {
  if (lexicon === null) {
    const { tense } = readDataFile<TenseWords>('date-words.json');
    lexicon = {
      future: new Set(tense.future),
      futureBeforeTo: new Set(tense.futureBeforeTo),
      past: new Set(tense.past),
      pastVerbs: new Set(tense.pastVerbs),
      notPastEd: new Set(tense.notPastEd),
      present: new Set(tense.present),
    };
  }
  return lexicon;
}

/** Modals that turn a following participle future ("will be held"). */
const FUTURE_BEFORE_PARTICIPLE = new Set(['will', 'would', 'shall']);
/** Words that keep a following participle past ("was held", "has met"). */
const PAST_BEFORE_PARTICIPLE = new Set(['was', 'were', 'had', 'has', 'have', 'been']);

/** Index of the first token ending after `offset`. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  return spanIndexAt(tokens, offset);
}

/** The sentence holding `offset`, or null. */
export function sentenceAt(doc: Doc, offset: number): Sentence | null {
  return spanAt(doc.sentences, offset);
}

function isClauseEnd(doc: Doc, index: number): boolean {
  const token = doc.tokens[index];
  if (token.kind === 'quote') return true;
  if (token.kind !== 'punct') return false;
  const mark = doc.text[token.start];
  return mark === ':' || mark === ';';
}

/** The lower-case word of token `index` within the reading window, or null for punctuation, numbers and tokens outside it. */
function wordAt(view: TokenView, index: number, first: number, last: number): string | null {
  return index >= first && index < last && view.tokens[index].kind === 'word' ? view.keys[index] : null;
}

/** The tense one word signals in its context (tokens first..last-1 of the shared token view), or null. */
function cueAt(view: TokenView, index: number, first: number, last: number, lex: TenseLexicon): Tense | null {
  const word = wordAt(view, index, first, last);
  if (word === null) return null;
  if (lex.futureBeforeTo.has(word) && wordAt(view, index + 1, first, last) === 'to') {
    // "was expected to", "had planned to": a plan reported in the past.
    const before = wordAt(view, index - 1, first, last);
    return before !== null && PAST_BEFORE_PARTICIPLE.has(before) && before !== 'been' ? 'past' : 'future';
  }
  if (lex.future.has(word) || word.endsWith("'ll")) return 'future';
  if (lex.past.has(word)) return 'past';
  const participle =
    lex.pastVerbs.has(word) || (word.length > 4 && word.endsWith('ed') && !lex.notPastEd.has(word) && !view.capitalized[index]);
  if (participle) {
    // "will be held", "to be signed" are future; "was expected to be signed", "has met" stay past.
    let infinitive = false;
    for (let back = index - 1; back >= Math.max(first, index - 5); back--) {
      const before = wordAt(view, back, first, last) ?? '';
      if (before === 'to') infinitive = true;
      else if (FUTURE_BEFORE_PARTICIPLE.has(before)) return 'future';
      else if (PAST_BEFORE_PARTICIPLE.has(before) && (!infinitive || before !== 'been')) return 'past';
    }
    return infinitive ? 'future' : 'past';
  }
  if (lex.present.has(word)) return 'present';
  return null;
}

/**
 * The tense of the clause around text[start, end): the tense cue nearest to it within its sentence
 * (ties go to the word before), ignoring the words of the expression itself. Null when no word signals one.
 */
export function tenseAround(doc: Doc, start: number, end: number): Tense | null {
  const sentence = sentenceAt(doc, start) ?? { start, end };
  const first = tokenIndexAt(doc.tokens, sentence.start);
  const last = tokenIndexAt(doc.tokens, sentence.end);
  const inside = tokenIndexAt(doc.tokens, start);
  const after = tokenIndexAt(doc.tokens, end);
  const view = tokenView(doc.text, doc.tokens);
  const lex = loadLexicon();
  // The clause ends at a quote mark, colon or semicolon: quoted speech has its own tense.
  let leftOpen = true;
  let rightOpen = true;
  for (let distance = 1; leftOpen || rightOpen; distance++) {
    const left = inside - distance;
    const right = after - 1 + distance;
    if (left < first || isClauseEnd(doc, left)) leftOpen = false;
    if (right >= last || isClauseEnd(doc, right)) rightOpen = false;
    const before = leftOpen ? cueAt(view, left, first, last, lex) : null;
    if (before !== null) return before;
    const behind = rightOpen ? cueAt(view, right, first, last, lex) : null;
    if (behind !== null) return behind;
  }
  return null;
}

/** The tense of a whole sentence: its first tense cue, or null. */
export function sentenceTense(doc: Doc, sentence: Sentence): Tense | null {
  const first = tokenIndexAt(doc.tokens, sentence.start);
  const last = tokenIndexAt(doc.tokens, sentence.end);
  const view = tokenView(doc.text, doc.tokens);
  const lex = loadLexicon();
  for (let index = first; index < last; index++) {
    const cue = cueAt(view, index, first, last, lex);
    if (cue !== null) return cue;
  }
  return null;
}
