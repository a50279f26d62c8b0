// Resolves one date expression against a reference day into a range and a precision: weeks, week halves, weekends, tense-driven weekdays and years.
import type { DateValue } from '../doc/types.ts';
import { readDataFile } from '../knowledge/data-file.ts';
import { chronoDay, parseNamedDate } from './date-grammar.ts';
import {
  addMonths,
  calendarDate,
  dayNumber,
  isoDay,
  isoWeekday,
  monthEnd,
  monthStart,
  parseIsoDay,
  weekStart,
  type DayNumber,
} from './date-math.ts';
import { loadNumberWords, smallNumberValue } from './quantity-words.ts';

export type Tense = 'past' | 'future' | 'present';
export type DatePrecision = NonNullable<DateValue['precision']>;

export interface ResolveOptions {
  /** Tense of the clause around the expression; decides which way a bare weekday, weekend, month or day-of-month points. */
  tense?: Tense | null;
}

/** A weekday stated beside a date ("Yesterday (Thursday)") that is not the weekday of the day the rest resolved to. */
export interface WeekdayMismatch {
  /** ISO weekday stated in the text. */
  stated: number;
  /** The day the expression resolved to before the weekday was trusted. */
  resolvedBefore: string;
}

export interface DateResolution {
  value: DateValue;
  weekdayMismatch: WeekdayMismatch | null;
}

interface DateWords {
  monthNames: Record<string, number>;
  monthAbbreviations: Record<string, number>;
  weekdays: Record<string, number>;
  relativeDays: Record<string, number>;
  periods: Record<string, 'day' | 'week' | 'weekend' | 'month' | 'year'>;
  prepositions: string[];
  deictics: Record<string, Deictic>;
  partsOfPeriod: Record<string, Part>;
  approximators: string[];
  vagueAmounts: string[];
}

type Deictic = 'this' | 'next' | 'last';
type Part = 'early' | 'mid' | 'late' | 'later' | 'earlier' | 'first-half' | 'second-half' | 'end' | 'start';
type Period = 'day' | 'week' | 'weekend' | 'month' | 'year';

interface Lexicon {
  months: Map<string, number>;
  weekdays: Map<string, number>;
  relativeDays: Map<string, number>;
  periods: Map<string, Period>;
  prepositions: Set<string>;
  deictics: Map<string, Deictic>;
  parts: Map<string, Part>;
  /** First words of the two-word parts ("first" of "first half"). */
  partPhraseStarts: Set<string>;
  approximators: Set<string>;
  vagueAmounts: Set<string>;
}

let lexicon: Lexicon | null = null;

function loadLexicon(): Lexicon {
  if (lexicon === null) {
    const data = readDataFile<DateWords>('date-words.json');
    lexicon = {
      months: new Map([...Object.entries(data.monthNames), ...Object.entries(data.monthAbbreviations)]),
      weekdays: new Map(Object.entries(data.weekdays)),
      relativeDays: new Map(Object.entries(data.relativeDays)),
      periods: new Map(Object.entries(data.periods)),
      prepositions: new Set(data.prepositions),
      deictics: new Map(Object.entries(data.deictics)),
      parts: new Map(Object.entries(data.partsOfPeriod)),
      partPhraseStarts: new Set(Object.keys(data.partsOfPeriod).filter((phrase) => phrase.includes(' ')).map((phrase) => phrase.split(' ')[0])),
      approximators: new Set(data.approximators),
      vagueAmounts: new Set(data.vagueAmounts),
    };
  }
  return lexicon;
}

/** A resolved stretch of days; `period` is what the part-of modifiers ("early", "second half of") cut up. */
interface Resolved {
  start: DayNumber;
  end: DayNumber;
  precision: DatePrecision;
  period: Period;
  /** Whether the expression named the day's calendar date outright (then a contradicting weekday is not trusted). */
  explicitDate?: boolean;
}

/** Prepositions that change what the expression means, not just introduce it. */
type Anchor = 'since' | 'until' | null;

interface Parsed {
  words: string[];
  /** Index of the first word after prepositions and part-of modifiers. */
  core: number;
  part: Part | null;
  anchor: Anchor;
}

const PARENTHESISED_WEEKDAY = /\(\s*([A-Za-z]+)\.?\s*\)\s*$/;
const NUMERIC_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const YEAR = /^(1[89]|20)\d\d$/;
const DAY_OF_MONTH = /^(\d{1,2})(st|nd|rd|th)?$/;
/** How far the tense may push a day-of-month from the reference before a close reading the other way wins. */
const MAX_DIRECTED_DAYS = 183;
const CLOSE_DAYS = 31;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2019']s\b/g, '')
    .split(/[^a-z0-9']+/)
    .filter((word) => word.length > 0 && word !== "'");
}

function parsePrefix(tokens: string[]): Parsed {
  const lex = loadLexicon();
  let part: Part | null = null;
  let anchor: Anchor = null;
  let index = 0;
  while (index < tokens.length) {
    const word = tokens[index];
    const next = tokens[index + 1];
    const phrase = next !== undefined && lex.partPhraseStarts.has(word) ? lex.parts.get(`${word} ${next}`) : undefined;
    if (phrase !== undefined) {
      part = phrase;
      index += 2;
    } else if (lex.parts.has(word) && next !== undefined) {
      part = lex.parts.get(word) ?? part;
      index += 1;
    } else if (lex.prepositions.has(word) || lex.approximators.has(word)) {
      if (word === 'since') anchor = 'since';
      if (word === 'until' || word === 'till' || word === 'by' || word === 'before') anchor = anchor ?? 'until';
      index += 1;
    } else {
      break;
    }
  }
  return { words: tokens, core: index, part, anchor };
}

/** Which way a bare weekday, weekend, month or day-of-month points, given the tense and the preposition. */
function direction(tense: Tense | null | undefined, anchor: Anchor): 'past' | 'future' | 'nearest' {
  if (anchor === 'since') return 'past';
  if (anchor === 'until' && tense !== 'past') return 'future';
  if (tense === 'past') return 'past';
  if (tense === 'future') return 'future';
  return 'nearest';
}

function dayRange(day: DayNumber, explicitDate = false): Resolved {
  return { start: day, end: day, precision: 'day', period: 'day', explicitDate };
}

function weekRange(monday: DayNumber): Resolved {
  return { start: monday, end: monday + 6, precision: 'week', period: 'week' };
}

function monthRange(year: number, month: number): Resolved {
  return { start: monthStart(year, month), end: monthEnd(year, month), precision: 'month', period: 'month' };
}

function yearRange(year: number): Resolved {
  return { start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31), precision: 'year', period: 'year' };
}

/** The named weekday nearest the reference in the given direction; "last"/"next"/"this" pick the previous, following or current Monday–Sunday week. */
function resolveWeekday(weekday: number, reference: DayNumber, deictic: Deictic | null, way: 'past' | 'future' | 'nearest'): DayNumber {
  const offset = weekday - isoWeekday(reference);
  if (deictic === 'this') return weekStart(reference) + weekday - 1;
  if (deictic === 'next') return weekStart(reference) + 7 + weekday - 1;
  if (deictic === 'last') return reference + (offset < 0 ? offset : offset - 7);
  const back = offset <= 0 ? offset : offset - 7;
  const forward = offset >= 0 ? offset : offset + 7;
  if (way === 'past') return reference + back;
  if (way === 'future') return reference + forward;
  return reference + (-back <= forward ? back : forward);
}

function resolveWeekend(reference: DayNumber, deictic: Deictic | null, way: 'past' | 'future' | 'nearest'): Resolved {
  const saturday = weekStart(reference) + 5;
  let start: DayNumber;
  if (deictic === 'this') start = saturday;
  else if (deictic === 'next') start = saturday + 7;
  else if (deictic === 'last') start = saturday - 7;
  else if (way === 'past') start = saturday < reference ? saturday : saturday - 7;
  else if (way === 'future') start = saturday + 1 > reference ? saturday : saturday + 7;
  else if (reference >= saturday) start = saturday;
  else start = isoWeekday(reference) <= 3 ? saturday - 7 : saturday;
  return { start, end: start + 1, precision: 'range', period: 'weekend' };
}

/** The year of a bare month name: the last one before the reference when past, the next one when future, else the nearest. */
function yearForMonth(month: number, reference: DayNumber, deictic: Deictic | null, way: 'past' | 'future' | 'nearest'): number {
  const { year, month: current } = calendarDate(reference);
  if (deictic === 'this') return year;
  if (deictic === 'last') return month >= current ? year - 1 : year;
  if (deictic === 'next') return month <= current ? year + 1 : year;
  if (way === 'past') return month > current ? year - 1 : year;
  if (way === 'future') return month < current ? year + 1 : year;
  if (month - current > 6) return year - 1;
  if (current - month > 6) return year + 1;
  return year;
}

/** The date with this month and day nearest the reference in the given direction. */
function dayOfMonthNearest(month: number, day: number, reference: DayNumber, way: 'past' | 'future' | 'nearest'): DayNumber {
  const { year } = calendarDate(reference);
  const options = [year - 1, year, year + 1].map((y) => dayNumber(y, month, day));
  const nearest = options.reduce((best, d) => (Math.abs(d - reference) < Math.abs(best - reference) ? d : best));
  const directed =
    way === 'past' ? Math.max(...options.filter((d) => d <= reference)) : way === 'future' ? Math.min(...options.filter((d) => d >= reference)) : nearest;
  // A day most of a year off in the tense's direction is less likely than one within a month the other way.
  const farOff = Math.abs(directed - reference) > MAX_DIRECTED_DAYS;
  return farOff && Math.abs(nearest - reference) <= CLOSE_DAYS ? nearest : directed;
}

function shiftByUnits(reference: DayNumber, period: Period, amount: number): DayNumber {
  if (period === 'day') return reference + amount;
  if (period === 'week' || period === 'weekend') return reference + amount * 7;
  if (period === 'month') return addMonths(reference, amount);
  return addMonths(reference, amount * 12);
}

/** The range the period-sized unit holding `day` covers ("two weeks ago" → that Monday–Sunday week). */
function unitAround(day: DayNumber, period: Period): Resolved {
  if (period === 'week' || period === 'weekend') return weekRange(weekStart(day));
  const { year, month } = calendarDate(day);
  if (period === 'month') return monthRange(year, month);
  if (period === 'year') return yearRange(year);
  return dayRange(day);
}

/** Cuts a week, month or year down to the part named ("first half of", "early", "later"). */
function applyPart(range: Resolved, part: Part | null, reference: DayNumber | null): Resolved {
  if (part === null || range.period === 'day' || range.period === 'weekend') return range;
  const { start, end } = range;
  const length = end - start + 1;
  const holdsReference = reference !== null && reference >= start && reference <= end;
  let cut: [DayNumber, DayNumber];
  if (part === 'later' && holdsReference) cut = [reference, end];
  else if (part === 'earlier' && holdsReference) cut = [start, reference];
  else if (range.period === 'week') {
    const byPart: Record<Part, [number, number]> = {
      early: [0, 2], start: [0, 2], 'first-half': [0, 2], earlier: [0, 2],
      mid: [1, 3],
      late: [3, 6], later: [3, 6], 'second-half': [3, 6], end: [4, 6],
    };
    const [from, to] = byPart[part];
    cut = [start + from, start + to];
  } else if (range.period === 'month') {
    const byPart: Record<Part, [number, number]> = {
      early: [0, 9], start: [0, 9], earlier: [0, 9], 'first-half': [0, 14],
      mid: [10, 19],
      late: [20, length - 1], later: [20, length - 1], end: [20, length - 1], 'second-half': [15, length - 1],
    };
    const [from, to] = byPart[part];
    cut = [start + from, start + to];
  } else {
    const { year } = calendarDate(start);
    const months: Record<Part, [number, number]> = {
      early: [1, 4], start: [1, 3], earlier: [1, 4], 'first-half': [1, 6],
      mid: [5, 8],
      late: [9, 12], later: [9, 12], end: [10, 12], 'second-half': [7, 12],
    };
    const [from, to] = months[part];
    cut = [monthStart(year, from), monthEnd(year, to)];
  }
  return { ...range, start: cut[0], end: cut[1], precision: 'range' };
}

/** "last year" / "this year" / "next year" after a month name ("in February last year") → the year offset. */
function statedYearShift(tokens: readonly string[], lex: Lexicon): number | null {
  for (let index = 1; index + 1 < tokens.length; index++) {
    const afterDate = lex.months.has(tokens[index - 1]) || DAY_OF_MONTH.test(tokens[index - 1]);
    if (tokens[index + 1] !== 'year' || !afterDate) continue;
    const deictic = lex.deictics.get(tokens[index]);
    if (deictic !== undefined) return deictic === 'last' ? -1 : deictic === 'next' ? 1 : 0;
  }
  return null;
}

function parseCount(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^\d+$/.test(word)) return Number(word);
  if (word === 'a' || word === 'an') return 1;
  return smallNumberValue(word, loadNumberWords());
}

/** Resolves the core of the expression (after prepositions and part-of modifiers); null when it names no date we can place. */
function resolveCore(parsed: Parsed, text: string, reference: DayNumber | null, tense: Tense | null | undefined): Resolved | null {
  const lex = loadLexicon();
  const { words: w, core, anchor } = parsed;
  const way = direction(tense, anchor);
  const hasMonth = w.some((word) => lex.months.has(word));
  const yearShift = statedYearShift(w, lex);
  const shiftedYear = yearShift === null || reference === null ? null : calendarDate(reference).year + yearShift;

  // A calendar date named outright ("Aug. 18, 2022", "February 18", "7 October", "December 2024", "12/03/2025").
  if (hasMonth || NUMERIC_DATE.test(text)) {
    const named = parseNamedDate(text);
    if (named !== null && named.month !== null) {
      const year = named.year ?? shiftedYear;
      if (named.day !== null) {
        if (year !== null) return dayRange(dayNumber(year, named.month, named.day), true);
        if (reference === null) return null;
        return dayRange(dayOfMonthNearest(named.month, named.day, reference, way), true);
      }
      if (year !== null) return monthRange(year, named.month);
    }
  }

  let index = core;
  let deictic: Deictic | null = null;
  const first = w[index];
  if (first !== undefined && lex.deictics.has(first)) {
    deictic = lex.deictics.get(first) ?? null;
    index += 1;
  }
  const word = w[index];
  if (word === undefined) return null;

  if (YEAR.test(word) && deictic === null) return yearRange(Number(word));

  const month = lex.months.get(word);
  if (month !== undefined) {
    const yearWord = w[index + 1];
    if (yearWord !== undefined && YEAR.test(yearWord)) return monthRange(Number(yearWord), month);
    if (shiftedYear !== null) return monthRange(shiftedYear, month);
    if (reference === null) return null;
    return monthRange(yearForMonth(month, reference, deictic, way), month);
  }

  if (reference === null) return null;

  const relativeDay = lex.relativeDays.get(word);
  if (relativeDay !== undefined) return dayRange(reference + relativeDay);

  const weekday = lex.weekdays.get(word);
  if (weekday !== undefined) return dayRange(resolveWeekday(weekday, reference, deictic, way));

  const period = lex.periods.get(word);
  if (period !== undefined && period !== 'day' && !word.endsWith('s')) {
    // "this week", "the weekend", "next month", "last year"; a bare "the week" is this one.
    if (period === 'weekend') return resolveWeekend(reference, deictic, way);
    const shift = deictic === 'next' ? 1 : deictic === 'last' ? -1 : 0;
    if (period === 'week') return weekRange(weekStart(reference) + 7 * shift);
    const { year, month: current } = calendarDate(reference);
    if (period === 'month') {
      const { year: y, month: m } = calendarDate(addMonths(monthStart(year, current), shift));
      return monthRange(y, m);
    }
    if (period === 'year') return yearRange(year + shift);
  }

  // "two weeks ago", "a year ago", "the past six weeks", "the next three days".
  const count = parseCount(word);
  const unit = lex.periods.get(w[index + 1] ?? '');
  if (count !== null && unit !== undefined) {
    if (w[index + 2] === 'ago') return unitAround(shiftByUnits(reference, unit, -count), unit);
    if (deictic === 'last') return { start: shiftByUnits(reference, unit, -count), end: reference, precision: 'range', period: 'day' };
    if (deictic === 'next') return { start: reference, end: shiftByUnits(reference, unit, count), precision: 'range', period: 'day' };
    return null;
  }
  if (lex.vagueAmounts.has(word) || lex.vagueAmounts.has(first ?? '')) return null;

  const fallback = chronoDay(text, reference);
  return fallback === null ? null : dayRange(fallback);
}

// A document's dates share its publication day: read it once, not once per expression.
let lastReference: string | null = null;
let lastReferenceDay: DayNumber | null = null;

function referenceDayOf(reference: string): DayNumber | null {
  if (reference !== lastReference) {
    lastReference = reference;
    lastReferenceDay = parseIsoDay(reference);
  }
  return lastReferenceDay;
}

function unresolved(text: string): DateResolution {
  return { value: { start: null, end: null, text, precision: null }, weekdayMismatch: null };
}

/**
 * Resolves a date expression against `reference` (ISO day of publication), with the weekday check.
 * A weekday in parentheses or beside a relative day that disagrees with it wins (rewrites keep the
 * source's weekday while "yesterday" drifts with the republication date): the day moves to the
 * nearest such weekday and the mismatch is reported. Beside a full calendar date the date wins.
 * Without a reference only expressions that name their year resolve.
 */
export function resolveDateDetailed(text: string, reference: string | null, options?: ResolveOptions): DateResolution {
  const lex = loadLexicon();
  const referenceDay = reference === null ? null : referenceDayOf(reference);
  let body = text;
  let stated: number | null = null;
  const parenthesised = PARENTHESISED_WEEKDAY.exec(text);
  if (parenthesised !== null && lex.weekdays.has(parenthesised[1].toLowerCase())) {
    stated = lex.weekdays.get(parenthesised[1].toLowerCase()) ?? null;
    body = text.slice(0, parenthesised.index);
  }
  const tokens = words(body);
  const parsed = parsePrefix(tokens);
  let resolved = resolveCore(parsed, body, referenceDay, options?.tense);
  if (resolved === null) return unresolved(text);
  if (stated === null && resolved.precision === 'day') {
    const named = tokens.slice(parsed.core).find((word) => lex.weekdays.has(word));
    const relative = tokens.some((word) => lex.relativeDays.has(word) || YEAR.test(word) || DAY_OF_MONTH.test(word));
    if (named !== undefined && relative) stated = lex.weekdays.get(named) ?? null;
  }
  let weekdayMismatch: WeekdayMismatch | null = null;
  if (stated !== null && resolved.precision === 'day' && isoWeekday(resolved.start) !== stated) {
    weekdayMismatch = { stated, resolvedBefore: isoDay(resolved.start) };
    if (!resolved.explicitDate) {
      let offset = stated - isoWeekday(resolved.start);
      if (offset > 3) offset -= 7;
      if (offset < -3) offset += 7;
      resolved = dayRange(resolved.start + offset);
    }
  }
  resolved = applyPart(resolved, parsed.part, referenceDay);
  const start = isoDay(resolved.start);
  let end: string | null = isoDay(resolved.end);
  let precision: DatePrecision = resolved.precision;
  if (parsed.anchor === 'since') {
    end = referenceDay !== null && referenceDay >= resolved.start ? isoDay(referenceDay) : null;
    precision = 'range';
  }
  return { value: { start, end, text, precision }, weekdayMismatch };
}

/** Resolves a date expression against `reference` (ISO date) into an inclusive range with a precision; unresolvable → start/end null. */
export function resolveDateExpression(text: string, reference: string | null, options?: ResolveOptions): DateValue {
  return resolveDateDetailed(text, reference, options).value;
}
