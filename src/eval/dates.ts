// Event-date scoring: does a predicted date range overlap gold's without being wider than a week (or gold's own range)?
import { isTruthy } from './python-values.ts';

/** Days since 1970-01-01 of the ISO date `value` starts with, or null when it starts with none (or names no real day). */
export function parseDay(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // setUTCFullYear rolls 2025-02-30 over into March where Python's date() refuses it, as it refuses year 0.
  if (year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.getTime() / 86_400_000;
}

/** A predicted date as a prediction may give it: an ISO string or a { start, end } object. */
export type PredictedDate = string | { start?: unknown; end?: unknown } | null | undefined;

export interface GoldDateRange {
  start?: string | null;
  end?: string | null;
}

/**
 * null when gold gives no date; otherwise whether the predicted range overlaps gold's and spans no more days than
 * the larger of seven and gold's own span. A missing end means a single day.
 */
export function dateMatches(predicted: PredictedDate, gold: GoldDateRange | null | undefined): boolean | null {
  if (!isTruthy(gold) || gold == null) return null;
  if (!isTruthy(predicted) || predicted == null) return false;
  const range = typeof predicted === 'string' ? { start: predicted, end: predicted } : predicted;
  const predictedStart = parseDay(range.start);
  let predictedEnd = parseDay(isTruthy(range.end) ? range.end : range.start);
  const goldStart = parseDay(gold.start);
  const goldEnd = parseDay(isTruthy(gold.end) ? gold.end : gold.start);
  if (predictedStart === null || goldStart === null || goldEnd === null) return false;
  predictedEnd ??= predictedStart;
  const overlaps = predictedStart <= goldEnd && predictedEnd >= goldStart;
  const width = predictedEnd - predictedStart + 1;
  return overlaps && width <= Math.max(goldEnd - goldStart + 1, 7);
}
