// The date grammar we borrow from chrono-node: what calendar fields an expression names, and chrono's own reading as a fallback.
import * as chrono from 'chrono-node';
import { dayNumber, isoDay, type DayNumber } from './date-math.ts';

/** Calendar fields an expression states outright (chrono's "certain" components); weekday is ISO (Monday 1 … Sunday 7). */
export interface NamedDate {
  year: number | null;
  month: number | null;
  day: number | null;
  weekday: number | null;
  /** Where chrono found the date inside the expression. */
  index: number;
  length: number;
}

// Noon UTC keeps chrono's day arithmetic away from midnight edges.
function referenceInstant(reference: DayNumber): Date {
  return new Date(`${isoDay(reference)}T12:00:00Z`);
}

function certain(components: chrono.ParsedComponents, component: chrono.Component): number | null {
  return components.isCertain(component) ? components.get(component) : null;
}

// News text repeats the same few date expressions ("Dec. 2", "November 2025") across articles, and chrono runs every
// one of its parsers over each: remember recent readings. Bounded so that a long ingest cannot grow it without end.
const NAMED_DATE_CACHE_LIMIT = 4096;
const namedDateCache = new Map<string, NamedDate | null>();

/** The first calendar date chrono reads in `text` with at least a month stated, or null. */
export function parseNamedDate(text: string): NamedDate | null {
  const cached = namedDateCache.get(text);
  if (cached !== undefined) return cached;
  const named = readNamedDate(text);
  if (namedDateCache.size >= NAMED_DATE_CACHE_LIMIT) namedDateCache.clear();
  namedDateCache.set(text, named);
  return named;
}

function readNamedDate(text: string): NamedDate | null {
  for (const result of chrono.en.casual.parse(text)) {
    const month = certain(result.start, 'month');
    if (month === null) continue;
    const weekday = certain(result.start, 'weekday');
    return {
      year: certain(result.start, 'year'),
      month,
      day: certain(result.start, 'day'),
      weekday: weekday === null ? null : weekday === 0 ? 7 : weekday,
      index: result.index,
      length: result.text.length,
    };
  }
  return null;
}

/** The day chrono resolves `text` to against `reference`, for expressions our own rules do not cover. */
export function chronoDay(text: string, reference: DayNumber): DayNumber | null {
  const result = chrono.en.casual.parse(text, { instant: referenceInstant(reference), timezone: 0 })[0];
  if (result === undefined) return null;
  const date = result.start.date();
  return dayNumber(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
