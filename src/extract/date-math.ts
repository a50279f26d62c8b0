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

/** The ISO date (YYYY-MM-DD) of a day number. */
export function isoDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function calendarDate(day: DayNumber): CalendarDate {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
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

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
