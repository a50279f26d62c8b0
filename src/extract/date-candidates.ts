// One pass over the tokens for stretches that may be dates (month and weekday names, "yesterday", "next week", years, "two weeks ago"), so the grammar only sees short spans.
import type { Token } from '../doc/types.ts';
import { readDataFile } from '../knowledge/data-file.ts';
import { loadNumberWords, loadUnits, smallNumberValue, TokenView, type NumberLexicon, type UnitLexicon } from './quantity-words.ts';

export type DateCandidateKind = 'calendar' | 'weekday' | 'relative-day' | 'period' | 'count' | 'year' | 'vague';

/** A stretch of text that may be a date expression: [start, end) into the text. */
export interface DateCandidate {
  start: number;
  end: number;
  kind: DateCandidateKind;
}

interface DateWords {
  monthNames: Record<string, number>;
  monthAbbreviations: Record<string, number>;
  ambiguousMonths: string[];
  monthCues: string[];
  namesWithWeekdays: string[];
  weekdays: Record<string, number>;
  relativeDays: Record<string, number>;
  periods: Record<string, string>;
  dayParts: string[];
  prepositions: string[];
  deictics: Record<string, string>;
  partsOfPeriod: Record<string, string>;
  approximators: string[];
  vagueAmounts: string[];
}

interface Lexicon {
  monthNames: Set<string>;
  monthAbbreviations: Set<string>;
  ambiguousMonths: Set<string>;
  /** Words before an ambiguous month name ("May", "March") that make it a month. */
  monthCues: Set<string>;
  namesWithWeekdays: Set<string>;
  weekdays: Set<string>;
  relativeDays: Set<string>;
  periods: Map<string, string>;
  dayParts: Set<string>;
  deictics: Set<string>;
  /** Words that may open a date expression (prepositions, deictics, part-of words), each with the word that must follow it, if any. */
  leadNeeds: Map<string, string | null>;
  parts: Set<string>;
  approximators: Set<string>;
  vagueAmounts: Set<string>;
  /** Every word a word-anchored candidate can start from (weekdays, relative days, months, periods, "ago"): most tokens are in none. */
  anchorWords: Set<string>;
  /** Words that stand beside a weekday in a name that contains one ("good", "times"). */
  weekdayNameNeighbours: Set<string>;
  numbers: NumberLexicon;
  units: UnitLexicon;
}

let lexicon: Lexicon | null = null;

function loadLexicon(): Lexicon {
  if (lexicon === null) {
    const data = readDataFile<DateWords>('date-words.json');
    // A part-of phrase's first word leads only when its second follows ("end of", "first half").
    const leadNeeds = new Map<string, string | null>();
    for (const word of [...data.prepositions, ...Object.keys(data.deictics)]) leadNeeds.set(word, null);
    for (const phrase of Object.keys(data.partsOfPeriod)) {
      const [first, second] = phrase.split(' ');
      leadNeeds.set(first, second ?? null);
      if (second !== undefined && !leadNeeds.has(second)) leadNeeds.set(second, null);
    }
    const parts = new Set(Object.keys(data.partsOfPeriod).map((phrase) => phrase.split(' ')[0]));
    const anchorWords = new Set([
      ...Object.keys(data.weekdays),
      ...Object.keys(data.relativeDays),
      ...Object.keys(data.monthNames),
      ...Object.keys(data.monthAbbreviations),
      ...Object.keys(data.periods),
      'ago',
    ]);
    const weekdayNameNeighbours = new Set(data.namesWithWeekdays.flatMap((name) => name.split(' ')));
    lexicon = {
      monthNames: new Set(Object.keys(data.monthNames)),
      monthAbbreviations: new Set(Object.keys(data.monthAbbreviations)),
      ambiguousMonths: new Set(data.ambiguousMonths),
      monthCues: new Set(data.monthCues),
      namesWithWeekdays: new Set(data.namesWithWeekdays),
      weekdays: new Set(Object.keys(data.weekdays)),
      relativeDays: new Set(Object.keys(data.relativeDays)),
      periods: new Map(Object.entries(data.periods)),
      dayParts: new Set(data.dayParts),
      deictics: new Set(Object.keys(data.deictics)),
      leadNeeds,
      parts,
      approximators: new Set(data.approximators),
      vagueAmounts: new Set(data.vagueAmounts),
      anchorWords,
      weekdayNameNeighbours,
      numbers: loadNumberWords(),
      units: loadUnits(),
    };
  }
  return lexicon;
}

const YEAR = /^(1[89]|20)\d\d$/;
const DAY_OF_MONTH = /^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$/i;
const NUMERIC_DATE = /\d{4}-\d{2}-\d{2}(?!\d)|\d{1,2}\/\d{1,2}\/\d{2,4}(?!\d)/y;
/** Words that end a leading run of the expression without belonging to it. */
const TRIMMED_LEAD = new Set(['the', 'of', 'for', 'a', 'an']);
/** Prepositions after which "the weekend" is a date. */
const WEEKEND_PREPOSITIONS = new Set(['over', 'during', 'at', 'on', 'for', 'this', 'next', 'last', 'past', 'coming']);

function isCount(view: TokenView, index: number, lex: Lexicon): boolean {
  const word = view.word(index);
  if (view.kind(index) === 'number') return /^\d+$/.test(word);
  return word === 'a' || word === 'an' || smallNumberValue(word, lex.numbers) !== null;
}

/** Whether a four-digit number is a count ("2000 troops", "$2024") rather than a year. */
function yearIsQuantity(view: TokenView, index: number, lex: Lexicon): boolean {
  const before = view.word(index - 1);
  if (lex.units.currencySymbols.some(([symbol]) => symbol === before)) return true;
  const after = view.word(index + 1);
  return after === '%' || lex.units.measures.has(after) || lex.units.counts.has(after);
}

/** "Vision 2030", "Euro 2024": a year after a capitalised word that is no date word names something. */
function yearInName(view: TokenView, index: number, lex: Lexicon): boolean {
  const previous = view.word(index - 1);
  if (view.kind(index - 1) !== 'word' || !view.capitalised(index - 1) || !view.sameLine(index - 1)) return false;
  return !lex.leadNeeds.has(previous) && !lex.monthNames.has(previous) && !lex.monthAbbreviations.has(previous) && !lex.weekdays.has(previous);
}

/** "Good Friday", "the Sunday Times": names that contain a weekday. */
function weekdayInName(view: TokenView, index: number, lex: Lexicon): boolean {
  // Every name read here holds the word before or the word after the weekday.
  const neighbours = lex.weekdayNameNeighbours;
  if (!neighbours.has(view.word(index - 1)) && !neighbours.has(view.word(index + 1))) return false;
  const word = view.word(index);
  const before = `${view.word(index - 1)} ${word}`;
  const after = `${word} ${view.word(index + 1)}`;
  const three = `${view.word(index - 2)} ${view.word(index - 1)} ${word}`;
  const names = lex.namesWithWeekdays;
  return names.has(before) || names.has(after) || names.has(three) || names.has(`${after} ${view.word(index + 2)}`);
}

function isMonth(view: TokenView, index: number, lex: Lexicon): boolean {
  const word = view.word(index);
  const abbreviation = lex.monthAbbreviations.has(word);
  if ((!abbreviation && !lex.monthNames.has(word)) || !view.capitalised(index)) return false;
  const next = view.word(index + 1);
  const nextIsNumber = view.kind(index + 1) === 'number' || DAY_OF_MONTH.test(next);
  if (abbreviation) {
    return nextIsNumber || ((next === '.' || next === ',') && view.kind(index + 2) === 'number');
  }
  if (!lex.ambiguousMonths.has(word)) return true;
  return nextIsNumber || lex.monthCues.has(view.word(index - 1));
}

/** End token (inclusive) of a month expression: "Aug. 18, 2022", "7 October 2023", "December 2024". */
function extendMonthRight(view: TokenView, index: number, lex: Lexicon): number {
  let end = index;
  let next = index + 1;
  const mark = view.word(next);
  if ((mark === '.' || mark === ',') && view.kind(next + 1) === 'number') next += 1;
  if (DAY_OF_MONTH.test(view.word(next))) {
    end = next;
    next += 1;
    if (view.word(next) === ',' && YEAR.test(view.word(next + 1))) return next + 1;
  }
  if (YEAR.test(view.word(next))) return next;
  // "in February last year"
  if (lex.deictics.has(view.word(next)) && view.word(next + 1) === 'year') return next + 1;
  return end;
}

/** End token (inclusive) after a day word: "Friday night", "Yesterday (Thursday)". */
function extendDayRight(view: TokenView, index: number, lex: Lexicon): number {
  let end = index;
  if (lex.dayParts.has(view.word(end + 1))) end += 1;
  if (view.word(end + 1) === '(' && lex.weekdays.has(view.word(end + 2)) && view.word(end + 3) === ')') end += 3;
  return end;
}

/** First token of the expression: walks left over prepositions, deictics and part-of words (and counts for "ago" forms). */
function extendLeft(view: TokenView, index: number, lex: Lexicon, counting: boolean): number {
  let start = index;
  while (start > 0 && view.sameLine(start - 1)) {
    const word = view.word(start - 1);
    const needs = lex.leadNeeds.get(word);
    const leads = needs === null || (needs !== undefined && view.word(start) === needs);
    const counts = counting && (lex.approximators.has(word) || isCount(view, start - 1, lex));
    if (!leads && !counts) break;
    start -= 1;
  }
  while (start < index && TRIMMED_LEAD.has(view.word(start))) start += 1;
  return start;
}

/** A candidate anchored on token `index`, or null. Returns [first token, last token, kind]. */
function anchorAt(view: TokenView, index: number, lex: Lexicon): [number, number, DateCandidateKind] | null {
  const kind = view.kind(index);
  if (kind !== 'number' && kind !== 'word') return null;
  const word = view.word(index);
  if (kind === 'number') {
    if (YEAR.test(word) && !yearIsQuantity(view, index, lex) && !yearInName(view, index, lex)) {
      return [extendLeft(view, index, lex, false), index, 'year'];
    }
    if (DAY_OF_MONTH.test(word) && isMonth(view, index + 1, lex)) {
      return [extendLeft(view, index, lex, false), extendMonthRight(view, index + 1, lex), 'calendar'];
    }
    return null;
  }
  if (!lex.anchorWords.has(word) && !word.startsWith('mid-')) return null;
  if (lex.weekdays.has(word)) {
    if (weekdayInName(view, index, lex)) return null;
    return [extendLeft(view, index, lex, false), extendDayRight(view, index, lex), 'weekday'];
  }
  if (lex.relativeDays.has(word)) return [extendLeft(view, index, lex, false), extendDayRight(view, index, lex), 'relative-day'];
  if (word.startsWith('mid-') && lex.monthNames.has(word.slice(4))) {
    return [extendLeft(view, index, lex, false), extendMonthRight(view, index, lex), 'calendar'];
  }
  if (isMonth(view, index, lex)) return [extendLeft(view, index, lex, false), extendMonthRight(view, index, lex), 'calendar'];
  if (word === 'ago') {
    const period = index - 1;
    if (lex.periods.has(view.word(period)) && isCount(view, period - 1, lex)) {
      return [extendLeft(view, period - 1, lex, true), index, 'count'];
    }
    return null;
  }
  const period = lex.periods.get(word);
  if (period === undefined || period === 'day' || view.word(index + 1) === 'ago') return null;
  const previous = view.word(index - 1);
  if (word.endsWith('s')) {
    // "the past six weeks", "the next two months"; "in recent weeks", "coming days" stay as text.
    if (isCount(view, index - 1, lex) && lex.deictics.has(view.word(index - 2))) {
      return [extendLeft(view, index - 2, lex, false), index, 'count'];
    }
    if (lex.vagueAmounts.has(previous) || previous === 'coming') return [extendLeft(view, index - 1, lex, false), index, 'vague'];
    return null;
  }
  if (lex.deictics.has(previous)) return [extendLeft(view, index, lex, false), index, 'period'];
  if (previous !== 'the') return null;
  const beforeThe = view.word(index - 2);
  if (period === 'weekend' && WEEKEND_PREPOSITIONS.has(beforeThe)) return [extendLeft(view, index, lex, false), index, 'period'];
  // "later in the week", "the end of the month", "the first half of the year".
  if ((beforeThe === 'in' || beforeThe === 'of') && lex.parts.has(view.word(index - 3))) {
    return [extendLeft(view, index, lex, false), index, 'period'];
  }
  return null;
}

/**
 * Candidate date expressions in `text`, in order, from one pass over its tokens. A weekday or
 * relative day followed only by a comma and a calendar date is one expression ("Thursday, Aug. 18, 2022").
 */
export function findDateCandidates(text: string, tokens: readonly Token[]): DateCandidate[] {
  const lex = loadLexicon();
  const view = new TokenView(text, tokens);
  const found: DateCandidate[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (token.kind === 'number') {
      NUMERIC_DATE.lastIndex = token.start;
      const numeric = NUMERIC_DATE.exec(text);
      if (numeric !== null) {
        const end = token.start + numeric[0].length;
        found.push({ start: token.start, end, kind: 'calendar' });
        while (index < tokens.length && tokens[index].start < end) index += 1;
        continue;
      }
    }
    const anchor = anchorAt(view, index, lex);
    if (anchor === null) {
      index += 1;
      continue;
    }
    const [first, last, kind] = anchor;
    const candidate: DateCandidate = { start: tokens[first].start, end: tokens[last].end, kind };
    const previous = found[found.length - 1];
    const joins =
      previous !== undefined &&
      (previous.end > candidate.start ||
        ((previous.kind === 'weekday' || previous.kind === 'relative-day') &&
          (kind === 'calendar' || kind === 'year') &&
          /^[\s,]*$/.test(text.slice(previous.end, candidate.start))));
    if (joins) {
      previous.start = Math.min(previous.start, candidate.start);
      previous.end = Math.max(previous.end, candidate.end);
      if (kind === 'calendar' || kind === 'year') previous.kind = 'calendar';
    } else {
      found.push(candidate);
    }
    index = Math.max(index + 1, last + 1);
  }
  return found;
}
