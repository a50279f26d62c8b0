// Calendar arithmetic on whole days (UTC day numbers), so date resolution never meets time zones or clock hours.

/** Days since 1970-01-01. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a calendar date (month 1–12); out-of-range days roll over as Date.UTC does. */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The day number of an ISO date (YYYY-MM-DD), or null when it is not one. */
export function parseIsoDay(iso: string): DayNumber | null {
  const match = ISO_DATE.exec(iso.slice(0, 10));
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumber(year, month, day);
}

/** Two-digit month and day numbers, so an ISO date is one concatenation. */
const TWO_DIGITS = Array.from({ length: 32 }, (_, value) => String(value).padStart(2, '0'));

/** The ISO date (YYYY-MM-DD) of a day number. */
export function isoDay(day: DayNumber): string {
  const date = civilDate(day);
  if (date === null) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${date.year}-${TWO_DIGITS[date.month]}-${TWO_DIGITS[date.day]}`;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function calendarDate(day: DayNumber): CalendarDate {
  const civil = civilDate(day);
  if (civil !== null) return civil;
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The proleptic Gregorian date of a whole day number in the years 1000–9999, by arithmetic rather than a
 * Date object (H. Hinnant's civil_from_days); null for anything else, which the Date object handles.
 */
function civilDate(day: DayNumber): CalendarDate | null {
  if (!Number.isInteger(day)) return null;
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return null;
  return { year, month, day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1 };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(day: DayNumber): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the Monday–Sunday week that holds `day`. */
export function weekStart(day: DayNumber): DayNumber {
  return day - (isoWeekday(day) - 1);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Date.UTC reads years 0–99 as 1900–1999 and rolls months over: only plain dates take the table.
  if (!Number.isInteger(year) || !Number.isInteger(month) || year < 100 || month < 1 || month > 12) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

export function monthStart(year: number, month: number): DayNumber {
  return dayNumber(year, month, 1);
}

export function monthEnd(year: number, month: number): DayNumber {
  return dayNumber(year, month, daysInMonth(year, month));
}

/** Adds whole months, keeping the day within the target month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { year, month, day: dayOfMonth } = calendarDate(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayNumber(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}
