// Normalises whatever a source gives as a publication date (ISO, RFC 822, Date, epoch) to `YYYY-MM-DD`.

const isoDayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timeOfDayPattern = /\d{1,2}:\d{2}/;
const earliestYear = 1900;
const latestYear = 2100;

/**
 * The publication day of `value` as `YYYY-MM-DD`, or null when it is not a plausible date.
 * A bare day is kept as written; a timestamp is read as UTC, the convention of the manifests.
 */
export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date) return dayOfUtc(value);
  if (typeof value === 'number') return Number.isFinite(value) ? dayOfUtc(new Date(value)) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  const bareDay = isoDayPattern.exec(text);
  if (bareDay) return checkedDay(Number(bareDay[1]), Number(bareDay[2]), Number(bareDay[3]));
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return null;
  // Without a time of day the engine reads the text as local midnight, so the local calendar day is the one written.
  if (!timeOfDayPattern.test(text)) {
    return checkedDay(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate());
  }
  return dayOfUtc(parsed);
}

function dayOfUtc(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return checkedDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function checkedDay(year: number, month: number, day: number): string | null {
  if (year < earliestYear || year > latestYear) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
