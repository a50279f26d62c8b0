// Reads the words around a number: whether it is a quantity at all (not a year, day, time or label), its comparator, and what it counts or measures.
import { readDataFile } from '../knowledge/data-file.ts';
import type { NumberMatch } from './quantity-parse.ts';
import { loadNumberWords, loadUnits, TokenView } from './quantity-words.ts';

interface MonthWords {
  monthNames: Record<string, number>;
  monthAbbreviations: Record<string, number>;
}

let months: Set<string> | null = null;

function loadMonths(): Set<string> {
  if (months === null) {
    const data = readDataFile<MonthWords>('date-words.json');
    months = new Set([...Object.keys(data.monthNames), ...Object.keys(data.monthAbbreviations)]);
  }
  return months;
}

const YEAR_LIKE = /^(1[89]|20)\d\d$/;
const TIME_AFTER = /^(?::\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|hrs\b|o'clock))/i;
/** Marks that open a clause: a capitalised word after one starts the clause, it does not name the number. */
const CLAUSE_OPENERS = new Set(['.', '!', '?', ':', ';', '-', '\u2013', '\u2014', '\u2022', '*', '|', '(', '[']);
/** Words after which an ordinal counts something ("the tenth attack"), rather than ranking a name. */
const ORDINAL_DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'a']);
/** Words that make a number a label ("No. 1", "number 3"). */
const LABEL_WORDS = new Set(['no', 'number', 'nos', 'page', 'item', 'line']);

/** Whether token `index` begins a clause: first on its line, or after a clause mark or quote. */
export function opensClause(view: TokenView, index: number): boolean {
  if (index === 0 || !view.sameLine(index - 1)) return true;
  const kind = view.kind(index - 1);
  if (kind === 'quote') return true;
  return (kind === 'punct' || kind === 'symbol') && CLAUSE_OPENERS.has(view.word(index - 1));
}

/** The token index holding offset `offset` (the token starting there, or the one before). */
function tokenAt(view: TokenView, offset: number): number {
  const index = view.indexFrom(offset);
  return view.tokens[index]?.start === offset ? index : index - 1;
}

/** Whether a number as read is a quantity worth reporting, or a year, a day of a date, a time, a label or a name. */
export function isQuantity(view: TokenView, match: NumberMatch, options?: { rangeEnd?: boolean }): boolean {
  if (match.identifier) return false;
  const { text } = view;
  const first = tokenAt(view, match.start);
  const afterIndex = view.indexFrom(match.end);
  const before = view.word(first - 1);
  const after = view.word(afterIndex);
  const monthNames = loadMonths();
  const units = loadUnits();
  const numbers = loadNumberWords();
  // Glued to a word or code ("P5+1", "article-11122747", "/2024/"): part of an identifier.
  const glueBefore = match.start > 0 ? text[match.start - 1] : ' ';
  if (/[\p{L}\p{N}/#@_.]/u.test(glueBefore)) return false;
  const joined = (glueBefore === '-' || glueBefore === '+') && /[\p{L}\p{N}]/u.test(text[match.start - 2] ?? ' ');
  if (joined && options?.rangeEnd !== true) return false;
  if (text[match.end] === '/' || TIME_AFTER.test(text.slice(match.end, match.end + 8))) return false;
  if (LABEL_WORDS.has(before) || (before === '.' && LABEL_WORDS.has(view.word(first - 2))) || before === '#') return false;

  if (match.kind === 'ordinal') {
    // "the tenth attack" counts attacks; "the 19th-century palace", "Fifth Avenue" rank or name.
    const capitalised = view.capitalised(first);
    return match.value >= 3 && !capitalised && !match.compound && ORDINAL_DETERMINERS.has(before) && after !== 'century';
  }

  if (match.bare) {
    const written = text.slice(match.start, match.end);
    if (YEAR_LIKE.test(written) && !units.counts.has(after)) return false;
    // "February 18", "Aug. 18", "7 October": the day of a date.
    const beforeWord = before === '.' || before === ',' ? view.word(first - 2) : before;
    if (monthNames.has(beforeWord) && view.capitalised(before === beforeWord ? first - 1 : first - 2)) return false;
    if (monthNames.has(after) && view.capitalised(afterIndex)) return false;
    // A list marker at the start of a line ("1." or "2)").
    if ((first === 0 || !view.sameLine(first - 1)) && (after === '.' || after === ')')) return false;
  }

  if (match.bare || (match.words && match.unit === null && match.kind === 'cardinal')) {
    // "Border 2", "Air Force One", "Article Five", "Card 1": a number naming something.
    if (!opensClause(view, first) && (view.capitalised(first - 1) || (match.words && view.capitalised(first)))) {
      // Not after a possessive ("Kyiv's 40 drones") or a capitalised function word ("About 40", "The 600").
      const previous = view.word(first - 1);
      const functionWord = numbers.nounPhraseStops.has(previous) || numbers.comparators.some((phrase) => phrase.includes(previous));
      const possessive = /['\u2019]s$/.test(view.raw(first - 1));
      if (!possessive && !functionWord) return false;
    }
  }

  if (match.words && match.value === 1 && match.unit === null && !match.compound) {
    // "one" counts only before what it counts ("one person"), not as a pronoun ("one of them", "one official").
    const firstWord = view.word(first);
    if (firstWord === 'one') return units.counts.has(after) || units.measures.has(after);
  }
  return true;
}

/** "a week", "a year": an article counting a time unit after a duration cue ("for a week", "more than a year"). */
export function matchArticleDuration(view: TokenView, index: number): NumberMatch | null {
  const article = view.word(index);
  if (article !== 'a' && article !== 'an') return null;
  const measure = loadUnits().measures.get(view.word(index + 1));
  if (measure === undefined || !measure.time || !loadNumberWords().durationCues.has(view.word(index - 1))) return null;
  // "a second round": the time word is an ordinal before a noun, not a unit.
  if (isNounLike(view, index + 2) && !VERB_FORM.test(view.word(index + 2)) && view.sameLine(index + 1)) return null;
  return {
    start: view.tokens[index].start, end: view.tokens[index + 1].end, value: 1, unit: measure.unit,
    compound: false, kind: 'cardinal', bare: false, identifier: false, words: true,
  };
}

/** Start offset of a comparator written just before the number ("more than", "at least", "over", "up to"), else the number's start. */
export function comparatorStart(view: TokenView, firstToken: number): number {
  for (const phrase of loadNumberWords().comparators) {
    const from = firstToken - phrase.length;
    if (from < 0) continue;
    let matches = true;
    for (let offset = 0; offset < phrase.length && matches; offset++) {
      matches = view.word(from + offset) === phrase[offset] && view.kind(from + offset) === 'word';
    }
    if (matches && view.sameLine(firstToken - 1)) return view.tokens[from].start;
  }
  return view.tokens[firstToken].start;
}

function isNounLike(view: TokenView, index: number): boolean {
  if (view.kind(index) !== 'word') return false;
  const word = view.word(index);
  const { nounPhraseStops } = loadNumberWords();
  if (nounPhraseStops.has(word)) return false;
  if (word.endsWith('ly') && !loadUnits().counts.has(word)) return false;
  return true;
}

/** Up to three noun-phrase words from token `index` ("troop cap", "living hostages", "frozen Russian assets"); skips quote marks inside. */
function nounPhraseAfter(view: TokenView, index: number): { words: string[]; next: number } {
  const words: string[] = [];
  let at = index;
  while (words.length < 3 && at < view.tokens.length && view.sameLine(at - 1)) {
    if (view.kind(at) === 'quote' && isNounLike(view, at + 1)) {
      at += 1;
      continue;
    }
    if (!isNounLike(view, at)) break;
    // A participle ends the phrase unless a noun follows it ("displaced people"): "volunteers joined" is a clause.
    if (isParticiple(view, at) && !(isNounLike(view, at + 1) && !isParticiple(view, at + 1) && view.sameLine(at))) break;
    words.push(view.raw(at).replace(/['\u2019]s$/, ''));
    at += 1;
  }
  return { words, next: at };
}

function isParticiple(view: TokenView, index: number): boolean {
  if (view.kind(index) !== 'word') return false;
  const word = view.word(index);
  return (word.length > 4 && word.endsWith('ed')) || loadNumberWords().participles.has(word);
}

/** "have been killed or injured" after the counted noun → ["killed", "or", "injured"]. */
function participlesAfter(view: TokenView, index: number): string[] {
  const { auxiliaries } = loadNumberWords();
  let at = index;
  let skipped = 0;
  while (skipped < 4 && auxiliaries.has(view.word(at)) && view.kind(at) === 'word') {
    at += 1;
    skipped += 1;
  }
  if (!isParticiple(view, at)) return [];
  const result = [view.word(at)];
  while ((view.word(at + 1) === 'or' || view.word(at + 1) === 'and') && isParticiple(view, at + 2)) {
    result.push(view.word(at + 1), view.word(at + 2));
    at += 2;
  }
  return result;
}

/** Up to two noun-like words before token `index` across at least one linking word ("a truce lasting 60 days" → "truce"). */
function nounsBefore(view: TokenView, index: number): string[] {
  const { aboutLinks, comparators } = loadNumberWords();
  let at = index - 1;
  let linked = false;
  while (at >= 0 && view.kind(at) === 'word' && aboutLinks.has(view.word(at)) && view.sameLine(at)) {
    const word = view.word(at);
    if (!comparators.some((phrase) => phrase.includes(word))) linked = true;
    at -= 1;
  }
  if (!linked) return [];
  const words: string[] = [];
  while (
    words.length < 2 && at >= 0 && isNounLike(view, at) && !VERB_FORM.test(view.word(at)) &&
    !isParticiple(view, at) && !view.capitalised(at) && view.sameLine(at)
  ) {
    words.unshift(view.raw(at));
    at -= 1;
  }
  return words;
}

/** Verb forms that are not what a number measures when read leftwards ("killed tens of thousands"). */
const VERB_FORM = /(ed|ing)$/;

function looksPlural(word: string): boolean {
  return /[^su]s$/i.test(word) && !/(ss|us|is)$/i.test(word);
}

export interface Description {
  unit: string | null;
  about: string | null;
}

/**
 * The unit and what a number measures, from the words after it (the noun phrase it counts, and a
 * participle: "3,200 residents have been displaced" → residents, "residents displaced"), after "of"
 * ("five hours of talks" → "talks"), or failing that from the noun before it ("a truce lasting 60 days").
 */
export function describe(view: TokenView, match: NumberMatch, firstToken: number): Description {
  const { counts, measures } = loadUnits();
  const { determiners } = loadNumberWords();
  let next = view.indexFrom(match.end);
  if (view.text.slice(match.end, view.tokens[next]?.start ?? match.end).includes('\n')) next = view.tokens.length;
  let unit = match.unit;
  let measured = unit !== null && !match.compound;
  let phrase = nounPhraseAfter(view, next);
  if (phrase.words.length === 0 && view.word(next) === 'of') {
    let at = next + 1;
    while (determiners.has(view.word(at))) at += 1;
    // "billions of dollars": the unit is written after "of".
    const measure = unit === null ? measures.get(view.word(at)) : undefined;
    if (measure !== undefined) {
      unit = measure.unit;
      measured = true;
      at += 1;
      if (view.word(at) === 'of') at += 1;
      while (determiners.has(view.word(at))) at += 1;
    }
    phrase = nounPhraseAfter(view, at);
  }
  if (phrase.words.length === 0) {
    const before = nounsBefore(view, firstToken);
    return { unit, about: before.length > 0 ? before.join(' ') : null };
  }
  if (!measured && !match.compound) {
    const counted = phrase.words.find((word) => counts.has(word.toLowerCase()));
    const head = phrase.words[phrase.words.length - 1];
    unit = counted !== undefined ? (counts.get(counted.toLowerCase()) ?? null) : looksPlural(head) ? head : null;
  }
  const participles = measured ? [] : participlesAfter(view, phrase.next);
  const about = [...phrase.words, ...participles].join(' ');
  return { unit, about };
}
