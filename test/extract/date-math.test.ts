// Calendar arithmetic agrees with the Date object it replaces on the hot path, across leap years and far-off years.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarDate, dayNumber, daysInMonth, isoDay, parseIsoDay } from '../../src/extract/date-math.ts';

const MS_PER_DAY = 86_400_000;

test('isoDay and calendarDate match the Date object day by day over four centuries and at the edges', () => {
  const ranges: [number, number][] = [
    [dayNumber(1899, 1, 1), dayNumber(2301, 1, 1)],
    [dayNumber(999, 12, 1), dayNumber(1000, 2, 1)],
    [dayNumber(9999, 12, 1), dayNumber(10000, 2, 1)],
    [dayNumber(-5, 1, 1), dayNumber(-4, 1, 1)],
  ];
  for (const [from, to] of ranges) {
    for (let day = from; day <= to; day++) {
      const date = new Date(day * MS_PER_DAY);
      assert.equal(isoDay(day), date.toISOString().slice(0, 10));
      assert.deepEqual(calendarDate(day), { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
    }
  }
});

test('isoDay of known days', () => {
  assert.equal(isoDay(0), '1970-01-01');
  assert.equal(isoDay(dayNumber(2024, 2, 29)), '2024-02-29');
  assert.equal(isoDay(dayNumber(2000, 3, 1) - 1), '2000-02-29');
});

test('daysInMonth follows the leap-year rules and Date.UTC for odd inputs', () => {
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2023, 2), 28);
  assert.equal(daysInMonth(1900, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
  assert.equal(daysInMonth(2025, 4), 30);
  assert.equal(daysInMonth(2025, 12), 31);
  for (const [year, month] of [[50, 2], [2025, 0], [2025, 13], [0, 2]]) {
    assert.equal(daysInMonth(year, month), new Date(Date.UTC(year, month, 0)).getUTCDate());
  }
});

test('parseIsoDay rejects impossible dates', () => {
  assert.equal(parseIsoDay('2025-02-29'), null);
  assert.equal(parseIsoDay('2024-02-29'), dayNumber(2024, 2, 29));
  assert.equal(parseIsoDay('2025-06-31T10:00:00Z'), null);
});
