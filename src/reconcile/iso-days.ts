// Day arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone shifts a day.
import { boundedMemo } from '../doc/bounded-memo.ts';

const dayMs = 86_400_000;

/** Day numbers worked out so far: reconcile compares the same few hundred dates for every report, and parsing one costs six times a lookup. */
const dayNumberOf = boundedMemo((day) => Math.floor(Date.parse(`${day}T00:00:00Z`) / dayMs), 20_000);

/** Days since the epoch for an ISO date (its first ten characters). */
export function dayNumber(date: string): number {
  return dayNumberOf(date.length === 10 ? date : date.slice(0, 10));
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * dayMs).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Whether [aStart, aEnd] and [bStart, bEnd] overlap once each is widened by `slack` days. */
export function rangesOverlap(a: { start: string; end: string }, b: { start: string; end: string }, slack = 0): boolean {
  return dayNumber(a.start) - slack <= dayNumber(b.end) && dayNumber(b.start) - slack <= dayNumber(a.end);
}

export function isIsoDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10)));
}
