import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DateMention, Doc } from '../../src/doc/types.ts';
import { datesStage, findDates, sentenceTense } from '../../src/extract/dates.ts';
import { tenseAround } from '../../src/extract/date-tense.ts';
import type { Knowledge } from '../../src/knowledge/index.ts';
import { makeDoc } from './make-doc.ts';

// 2024-05-15 is a Wednesday.
const PUBLISHED = '2024-05-15';

function datesOf(text: string, published: string | null = PUBLISHED): { doc: Doc; dates: DateMention[] } {
  const doc = datesStage.run(makeDoc(text, { published }), { kb: { version: 'test' } as Knowledge });
  for (const date of doc.dates) {
    assert.equal(doc.text.slice(date.span.start, date.span.end), date.span.text);
    assert.equal(date.text, date.span.text);
  }
  return { doc, dates: doc.dates };
}

function summary(dates: DateMention[]): [string, string | null, string | null, string | null | undefined][] {
  return dates.map((date) => [date.text, date.start, date.end, date.precision]);
}

test('the stage declares what it reads and assigns', () => {
  assert.equal(datesStage.name, 'dates');
  assert.deepEqual([...datesStage.requires], ['text', 'sentences', 'tokens']);
  assert.deepEqual([...datesStage.assigns], ['dates']);
});

test('a weekday points back in a past clause and forward in a future one', () => {
  const { dates } = datesOf('The two envoys met in Oslo on Monday. They will meet again on Monday to sign the text.');
  assert.deepEqual(summary(dates), [
    ['on Monday', '2024-05-13', '2024-05-13', 'day'],
    ['on Monday', '2024-05-20', '2024-05-20', 'day'],
  ]);
});

test('future cue phrases point a weekday forward', () => {
  const { dates } = datesOf('The minister is set to arrive in Vienna on Friday. Delegates are expected to vote on Tuesday.');
  assert.deepEqual(summary(dates), [
    ['on Friday', '2024-05-17', '2024-05-17', 'day'],
    ['on Tuesday', '2024-05-21', '2024-05-21', 'day'],
  ]);
});

test('a plan reported in the past stays in the past', () => {
  const { dates } = datesOf('The accord was expected to be signed in April but talks broke down.');
  assert.deepEqual(summary(dates), [['in April', '2024-04-01', '2024-04-30', 'month']]);
});

test('yesterday with an agreeing weekday in parentheses is one mention and no warning', () => {
  const { doc, dates } = datesOf('Yesterday (Tuesday) the mediator said the gap had narrowed.');
  assert.deepEqual(summary(dates), [['Yesterday (Tuesday)', '2024-05-14', '2024-05-14', 'day']]);
  assert.equal(doc.messages.filter((message) => message.rule === 'dates:weekday-mismatch').length, 0);
});

test('a contradicting weekday wins and leaves a warning on the document', () => {
  const { doc, dates } = datesOf('Yesterday (Monday) the mediator said the gap had narrowed.');
  assert.deepEqual(summary(dates), [['Yesterday (Monday)', '2024-05-13', '2024-05-13', 'day']]);
  const warnings = doc.messages.filter((message) => message.rule === 'dates:weekday-mismatch');
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].severity, 'warning');
  assert.deepEqual(warnings[0].place, { start: dates[0].span.start, end: dates[0].span.end });
});

test('week expressions and their parts', () => {
  const { dates } = datesOf(
    'Negotiators will resume talks later this week. A second round is planned in the first half of next week, and a summit next week is possible.',
  );
  assert.deepEqual(summary(dates), [
    ['later this week', '2024-05-15', '2024-05-19', 'range'],
    ['in the first half of next week', '2024-05-20', '2024-05-22', 'range'],
    ['next week', '2024-05-20', '2024-05-26', 'week'],
  ]);
});

test('the weekend follows the tense of its clause', () => {
  const { dates } = datesOf('Aid convoys crossed the border over the weekend. More trucks will cross over the weekend.');
  assert.deepEqual(summary(dates), [
    ['over the weekend', '2024-05-11', '2024-05-12', 'range'],
    ['over the weekend', '2024-05-18', '2024-05-19', 'range'],
  ]);
});

test('months, days of months and years', () => {
  const { dates } = datesOf(
    'The treaty lapsed in October. Envoys met on March 3 and again in mid-April; a vote is due next month. The dispute has simmered since 2016 and flared in 2021.',
  );
  assert.deepEqual(summary(dates), [
    ['in October', '2023-10-01', '2023-10-31', 'month'],
    ['on March 3', '2024-03-03', '2024-03-03', 'day'],
    ['in mid-April', '2024-04-11', '2024-04-20', 'range'],
    ['next month', '2024-06-01', '2024-06-30', 'month'],
    ['since 2016', '2016-01-01', '2024-05-15', 'range'],
    ['in 2021', '2021-01-01', '2021-12-31', 'year'],
  ]);
});

test('a weekday and a full date written together are one mention', () => {
  const { dates } = datesOf('Farmers protested outside parliament on Tuesday, Feb. 6, 2024, over grain prices.');
  assert.deepEqual(summary(dates), [['on Tuesday, Feb. 6, 2024', '2024-02-06', '2024-02-06', 'day']]);
});

test('counted periods ago resolve; vague spans stay as text without a date', () => {
  const { dates } = datesOf('The ceasefire collapsed two weeks ago. Fighting has intensified in recent weeks.');
  assert.deepEqual(summary(dates), [
    ['two weeks ago', '2024-04-29', '2024-05-05', 'week'],
    ['in recent weeks', null, null, null],
  ]);
});

test('ambiguous month words and numbers that are not dates are left alone', () => {
  const { dates } = datesOf('Talks may resume soon. Protesters will march to the square. The 600 delegates and 2,000 observers waited for a year.');
  assert.deepEqual(summary(dates), []);
});

test('names that hold a weekday or a year are not dates', () => {
  const { dates } = datesOf('The Good Friday Agreement was praised in the Sunday Times, and Vision 2030 was cited.');
  assert.deepEqual(summary(dates), []);
});

test('a possessive weekday names the nearest such day', () => {
  const { dates } = datesOf("Officials said Thursday's session would focus on prisoners.");
  assert.deepEqual(summary(dates), [["Thursday's", '2024-05-16', '2024-05-16', 'day']]);
});

test('without a publication date relative expressions keep their text and full dates still resolve', () => {
  const { dates } = datesOf('The envoy arrived on Monday. The accord was signed on 7 June 2019.', null);
  assert.deepEqual(summary(dates), [
    ['on Monday', null, null, null],
    ['on 7 June 2019', '2019-06-07', '2019-06-07', 'day'],
  ]);
});

test('the tense of a clause comes from its nearest tense cue', () => {
  const doc = makeDoc('She said the delegation will travel on Sunday. The panel reviewed the draft.', { published: PUBLISHED });
  const sunday = doc.text.indexOf('on Sunday');
  assert.equal(tenseAround(doc, sunday, sunday + 'on Sunday'.length), 'future');
  assert.equal(sentenceTense(doc, doc.sentences[0]), 'past');
  assert.equal(sentenceTense(doc, doc.sentences[1]), 'past');
  assert.equal(findDates(doc).dates[0].start, '2024-05-19');
});
