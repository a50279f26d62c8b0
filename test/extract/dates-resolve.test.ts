import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveDateDetailed, resolveDateExpression } from '../../src/extract/relative-dates.ts';

// Reference days used below: 2024-05-15 is a Wednesday, 2024-05-17 a Friday, 2024-05-19 a Sunday.
const WEDNESDAY = '2024-05-15';
const FRIDAY = '2024-05-17';

function range(text: string, reference: string | null, tense?: 'past' | 'future' | 'present') {
  const value = resolveDateExpression(text, reference, { tense });
  return [value.start, value.end, value.precision];
}

test('yesterday, today and tomorrow are single days', () => {
  assert.deepEqual(range('yesterday', WEDNESDAY), ['2024-05-14', '2024-05-14', 'day']);
  assert.deepEqual(range('today', WEDNESDAY), ['2024-05-15', '2024-05-15', 'day']);
  assert.deepEqual(range('tomorrow morning', WEDNESDAY), ['2024-05-16', '2024-05-16', 'day']);
});

test('a weekday in parentheses that agrees with "yesterday" changes nothing', () => {
  const result = resolveDateDetailed('Yesterday (Thursday)', FRIDAY);
  assert.equal(result.value.start, '2024-05-16');
  assert.equal(result.weekdayMismatch, null);
});

test('a weekday in parentheses that disagrees wins and is reported', () => {
  const result = resolveDateDetailed('Yesterday (Tuesday)', FRIDAY);
  assert.deepEqual([result.value.start, result.value.end, result.value.precision], ['2024-05-14', '2024-05-14', 'day']);
  assert.deepEqual(result.weekdayMismatch, { stated: 2, resolvedBefore: '2024-05-16' });
});

test('a weekday beside a full calendar date keeps the date and is reported', () => {
  const result = resolveDateDetailed('Monday, March 5, 2024', FRIDAY);
  assert.equal(result.value.start, '2024-03-05');
  assert.equal(result.weekdayMismatch?.stated, 1);
});

test('a bare weekday points back in a past clause and forward in a future one', () => {
  assert.deepEqual(range('on Monday', WEDNESDAY, 'past'), ['2024-05-13', '2024-05-13', 'day']);
  assert.deepEqual(range('on Monday', WEDNESDAY, 'future'), ['2024-05-20', '2024-05-20', 'day']);
  assert.deepEqual(range('on Wednesday', WEDNESDAY, 'past'), ['2024-05-15', '2024-05-15', 'day']);
  // Without a tense the nearest such day wins: Friday is two days ahead, five days back.
  assert.deepEqual(range('Friday', WEDNESDAY), ['2024-05-17', '2024-05-17', 'day']);
  assert.deepEqual(range('Monday night', WEDNESDAY), ['2024-05-13', '2024-05-13', 'day']);
});

test('last, next and this before a weekday pick the previous, following or current week', () => {
  assert.deepEqual(range('last Sunday', WEDNESDAY), ['2024-05-12', '2024-05-12', 'day']);
  assert.deepEqual(range('next Tuesday', WEDNESDAY), ['2024-05-21', '2024-05-21', 'day']);
  assert.deepEqual(range('this Saturday', WEDNESDAY), ['2024-05-18', '2024-05-18', 'day']);
});

test('weeks run Monday to Sunday', () => {
  assert.deepEqual(range('this week', WEDNESDAY), ['2024-05-13', '2024-05-19', 'week']);
  assert.deepEqual(range('next week', WEDNESDAY), ['2024-05-20', '2024-05-26', 'week']);
  assert.deepEqual(range('last week', WEDNESDAY), ['2024-05-06', '2024-05-12', 'week']);
});

test('parts of a week', () => {
  assert.deepEqual(range('later this week', WEDNESDAY), ['2024-05-15', '2024-05-19', 'range']);
  assert.deepEqual(range('earlier this week', WEDNESDAY), ['2024-05-13', '2024-05-15', 'range']);
  assert.deepEqual(range('in the first half of next week', WEDNESDAY), ['2024-05-20', '2024-05-22', 'range']);
  assert.deepEqual(range('the second half of the week', WEDNESDAY), ['2024-05-16', '2024-05-19', 'range']);
  assert.deepEqual(range('early next week', WEDNESDAY), ['2024-05-20', '2024-05-22', 'range']);
  assert.deepEqual(range('by the end of the week', WEDNESDAY), ['2024-05-17', '2024-05-19', 'range']);
});

test('the weekend follows the tense', () => {
  assert.deepEqual(range('over the weekend', WEDNESDAY, 'past'), ['2024-05-11', '2024-05-12', 'range']);
  assert.deepEqual(range('over the weekend', WEDNESDAY, 'future'), ['2024-05-18', '2024-05-19', 'range']);
  assert.deepEqual(range('over the weekend', '2024-05-19', 'past'), ['2024-05-18', '2024-05-19', 'range']);
  assert.deepEqual(range('next weekend', WEDNESDAY), ['2024-05-25', '2024-05-26', 'range']);
});

test('month expressions cover the whole month', () => {
  assert.deepEqual(range('next month', WEDNESDAY), ['2024-06-01', '2024-06-30', 'month']);
  assert.deepEqual(range('last month', WEDNESDAY), ['2024-04-01', '2024-04-30', 'month']);
  assert.deepEqual(range('earlier this month', WEDNESDAY), ['2024-05-01', '2024-05-15', 'range']);
  assert.deepEqual(range('in September 2023', WEDNESDAY), ['2023-09-01', '2023-09-30', 'month']);
  assert.deepEqual(range('in March last year', WEDNESDAY), ['2023-03-01', '2023-03-31', 'month']);
});

test('a bare month name after the reference month means last year in a past clause', () => {
  assert.deepEqual(range('in October', WEDNESDAY, 'past'), ['2023-10-01', '2023-10-31', 'month']);
  assert.deepEqual(range('in October', WEDNESDAY, 'future'), ['2024-10-01', '2024-10-31', 'month']);
  assert.deepEqual(range('in February', WEDNESDAY, 'future'), ['2025-02-01', '2025-02-28', 'month']);
  assert.deepEqual(range('in April', WEDNESDAY, 'past'), ['2024-04-01', '2024-04-30', 'month']);
});

test('early, mid and late cut months and years', () => {
  assert.deepEqual(range('early June', WEDNESDAY, 'future'), ['2024-06-01', '2024-06-10', 'range']);
  assert.deepEqual(range('mid-July', WEDNESDAY, 'future'), ['2024-07-11', '2024-07-20', 'range']);
  assert.deepEqual(range('late August', WEDNESDAY, 'future'), ['2024-08-21', '2024-08-31', 'range']);
  assert.deepEqual(range('late 2023', WEDNESDAY), ['2023-09-01', '2023-12-31', 'range']);
  assert.deepEqual(range('mid-2019', WEDNESDAY), ['2019-05-01', '2019-08-31', 'range']);
});

test('a day of a month takes its year from the tense and the reference', () => {
  assert.deepEqual(range('March 3', WEDNESDAY, 'past'), ['2024-03-03', '2024-03-03', 'day']);
  assert.deepEqual(range('on Dec. 9', '2024-11-20', 'future'), ['2024-12-09', '2024-12-09', 'day']);
  assert.deepEqual(range('on Nov. 9', '2024-11-20', 'future'), ['2024-11-09', '2024-11-09', 'day']);
  assert.deepEqual(range('on February 10', '2024-08-15', 'past'), ['2024-02-10', '2024-02-10', 'day']);
  assert.deepEqual(range('on February 10', '2024-08-15', 'future'), ['2025-02-10', '2025-02-10', 'day']);
  assert.deepEqual(range('4 January', '2024-12-28'), ['2025-01-04', '2025-01-04', 'day']);
  // A tense that would push the day most of a year away loses to a reading within a month.
  assert.deepEqual(range('May 10', WEDNESDAY, 'future'), ['2024-05-10', '2024-05-10', 'day']);
  assert.deepEqual(range('May 10', WEDNESDAY, 'past'), ['2024-05-10', '2024-05-10', 'day']);
});

test('years and since', () => {
  assert.deepEqual(range('in 2019', WEDNESDAY), ['2019-01-01', '2019-12-31', 'year']);
  assert.deepEqual(range('since 2016', WEDNESDAY), ['2016-01-01', '2024-05-15', 'range']);
  assert.deepEqual(range('since last Friday', WEDNESDAY), ['2024-05-10', '2024-05-15', 'range']);
  assert.deepEqual(range('last year', WEDNESDAY), ['2023-01-01', '2023-12-31', 'year']);
  assert.deepEqual(range('earlier this year', WEDNESDAY), ['2024-01-01', '2024-05-15', 'range']);
});

test('counted periods ago and spans of the past', () => {
  assert.deepEqual(range('three days ago', WEDNESDAY), ['2024-05-12', '2024-05-12', 'day']);
  assert.deepEqual(range('two weeks ago', WEDNESDAY), ['2024-04-29', '2024-05-05', 'week']);
  assert.deepEqual(range('almost five years ago', WEDNESDAY), ['2019-01-01', '2019-12-31', 'year']);
  assert.deepEqual(range('the past three weeks', WEDNESDAY), ['2024-04-24', '2024-05-15', 'range']);
});

test('numeric dates and full dates resolve without a reference', () => {
  assert.deepEqual(range('2023-11-02', null), ['2023-11-02', '2023-11-02', 'day']);
  assert.deepEqual(range('Sept. 14, 2021', null), ['2021-09-14', '2021-09-14', 'day']);
  assert.deepEqual(range('in 2019', null), ['2019-01-01', '2019-12-31', 'year']);
});

test('relative expressions without a reference, and vague ones, keep their text with no date', () => {
  assert.deepEqual(resolveDateExpression('next week', null), { start: null, end: null, text: 'next week', precision: null });
  assert.deepEqual(range('on Tuesday', null), [null, null, null]);
  assert.deepEqual(range('in recent weeks', WEDNESDAY), [null, null, null]);
  assert.deepEqual(range('in the coming months', WEDNESDAY), [null, null, null]);
});
