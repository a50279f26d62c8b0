// The date grammar we borrow from chrono-node: what calendar fields an expression names, and chrono's own reading as a fallback.
import * as chrono from 'chrono-node';
import { dayNumber, isoDay, type DayNumber } from './date-math.ts';
import { boundedMemo } from './bounded-memo.ts';

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

/**
 * The first calendar date chrono reads in `text` with at least a month stated, or null. News text repeats the
 * same few date expressions across articles and chrono runs every one of its parsers over each, so readings
 * are remembered.
 */
export const parseNamedDate: (text: string) => NamedDate | null = boundedMemo(readNamedDate, 4096);

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
