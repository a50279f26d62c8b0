import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quantity } from '../../src/doc/types.ts';
import { findQuantities, quantitiesStage } from '../../src/extract/quantities.ts';
import type { Knowledge } from '../../src/knowledge/index.ts';
import { makeDoc } from './make-doc.ts';

function quantitiesOf(text: string): Quantity[] {
  const doc = quantitiesStage.run(makeDoc(text), { kb: { version: 'test' } as Knowledge });
  for (const quantity of doc.quantities) {
    assert.ok(quantity.span !== undefined);
    assert.equal(doc.text.slice(quantity.span.start, quantity.span.end), quantity.text);
    assert.equal(doc.text.slice(quantity.evidence.start, quantity.evidence.end), quantity.evidence.text);
    assert.ok(quantity.span.start >= quantity.evidence.start && quantity.span.end <= quantity.evidence.end);
  }
  return doc.quantities;
}

function brief(quantities: Quantity[]): [number, string | null, string | null, string][] {
  return quantities.map((quantity) => [quantity.value, quantity.unit, quantity.about, quantity.text]);
}

test('the stage declares what it reads and assigns', () => {
  assert.equal(quantitiesStage.name, 'quantities');
  assert.deepEqual([...quantitiesStage.requires], ['text', 'sentences', 'tokens']);
  assert.deepEqual([...quantitiesStage.assigns], ['quantities']);
});

test('a count before a compound noun: unit from the counted noun, about from the phrase', () => {
  assert.deepEqual(brief(quantitiesOf('The draft sets a 600,000 troop cap for the army.')), [[600000, 'troops', 'troop cap', '600,000']]);
});

test('a count with a passive verb after its noun', () => {
  assert.deepEqual(brief(quantitiesOf('Monitors say over 14,000 civilians have been killed since the war began.')), [
    [14000, 'civilians', 'civilians killed', 'over 14,000'],
  ]);
  assert.deepEqual(brief(quantitiesOf('At least 35 miners were trapped or injured.')), [[35, 'miners', 'miners trapped or injured', 'At least 35']]);
});

test('hyphen compounds: the number modifies the noun after it', () => {
  assert.deepEqual(brief(quantitiesOf('Mediators tabled a 28-point plan and a 30-day truce.')), [
    [28, 'points', 'plan', '28-point'],
    [30, 'days', 'truce', '30-day'],
  ]);
  assert.deepEqual(brief(quantitiesOf('They agreed on a five-hour pause.')), [[5, 'hours', 'pause', 'five-hour']]);
});

test('durations in words', () => {
  assert.deepEqual(brief(quantitiesOf('The envoys talked for five hours. The summit lasted two days.')), [
    [5, 'hours', null, 'five hours'],
    [2, 'days', 'summit', 'two days'],
  ]);
  assert.deepEqual(brief(quantitiesOf('After eight hours of talks the teams left.')), [[8, 'hours', 'talks', 'eight hours']]);
  assert.deepEqual(brief(quantitiesOf('They agreed to a truce lasting a week.')), [[1, 'weeks', 'truce', 'a week']]);
});

test('money with symbols, scale words and glued suffixes', () => {
  assert.deepEqual(brief(quantitiesOf('The fund would hold $300 billion, with €140bn more from Europe and US$2.5m of audit fees.')), [
    [300000000000, 'USD', null, '$300 billion'],
    [140000000000, 'EUR', null, '€140bn'],
    [2500000, 'USD', 'audit fees', 'US$2.5m'],
  ]);
  assert.deepEqual(brief(quantitiesOf('Rebuilding will cost $411.8 billion.')), [[411800000000, 'USD', null, '$411.8 billion']]);
});

test('scale words after digits and fractions of a scale', () => {
  assert.deepEqual(brief(quantitiesOf('About 3.5 million people fled, and a quarter of a million residents returned.')), [
    [3500000, 'people', 'people fled', 'About 3.5 million'],
    [250000, 'residents', 'residents returned', 'a quarter of a million'],
  ]);
  assert.deepEqual(brief(quantitiesOf('Half a million homes were left without power.')), [[500000, 'homes', 'homes left', 'Half a million']]);
});

test('vague amounts are worth their lower order of magnitude', () => {
  assert.deepEqual(brief(quantitiesOf('Tens of thousands of volunteers joined, and a dozen ministers resigned.')), [
    [10000, 'volunteers', 'volunteers joined', 'Tens of thousands'],
    [12, 'ministers', 'ministers resigned', 'a dozen'],
  ]);
  assert.deepEqual(brief(quantitiesOf('Hundreds of protesters gathered.')), [[100, 'protesters', 'protesters gathered', 'Hundreds']]);
});

test('percentages and ranges', () => {
  assert.deepEqual(brief(quantitiesOf('Turnout reached 62% in the north and 55 per cent in the south.')), [
    [62, 'percent', null, '62%'],
    [55, 'percent', null, '55 per cent'],
  ]);
  assert.deepEqual(brief(quantitiesOf('Rebels hold 40% to 45% of the province.')).map(([value, unit]) => [value, unit]), [
    [40, 'percent'],
    [45, 'percent'],
  ]);
  assert.deepEqual(brief(quantitiesOf('A corridor between 2km and 4.5km wide was drawn, or 1.2-2.8 miles.')).map(([value, unit]) => [value, unit]), [
    [2, 'km'],
    [4.5, 'km'],
    [1.2, 'miles'],
    [2.8, 'miles'],
  ]);
});

test('numbers in different units joined by "to" are two quantities, not a range', () => {
  assert.deepEqual(brief(quantitiesOf('The index fell 1.5% to $52.40.')).map(([value, unit, , text]) => [value, unit, text]), [
    [1.5, 'percent', '1.5%'],
    [52.4, 'USD', '$52.40'],
  ]);
});

test('a modifier after a glued unit keeps the unit', () => {
  assert.deepEqual(brief(quantitiesOf('They drew a 20km-wide corridor and a 5,000-strong force.')), [
    [20, 'km', 'corridor', '20km-wide'],
    [5000, null, 'force', '5,000-strong'],
  ]);
});

test('area units and word numbers with counted nouns', () => {
  assert.deepEqual(brief(quantitiesOf('The zone covers some 1,500 square km. Three observers and twenty-five medics stayed.')), [
    [1500, 'square km', null, 'some 1,500 square km'],
    [3, 'observers', 'observers', 'Three'],
    [25, 'medics', 'medics stayed', 'twenty-five'],
  ]);
});

test('one counts only before what it counts', () => {
  assert.deepEqual(brief(quantitiesOf('One person was hurt. One of the envoys left. One official spoke.')), [[1, 'people', 'person hurt', 'One']]);
});

test('an ordinal counts only after a determiner and above two', () => {
  assert.deepEqual(brief(quantitiesOf('It was the sixth round of talks, after a second round failed.')).map(([value, unit]) => [value, unit]), [[6, 'rounds']]);
});

test('years, days of dates, times, labels, identifiers and names are not quantities', () => {
  const text = [
    'In 2019 the plan stalled.',
    'Talks were held on March 3 and on 14 June 2021, at 10:30 a.m., in Room 4.',
    'The G7 and F-16 pilots met at the 19th-century hall.',
    'Article Five was cited aboard Air Force One.',
    'See item No. 3 of the annex.',
    'It was the first meeting since World War Two.',
  ].join(' ');
  assert.deepEqual(brief(quantitiesOf(text)), []);
});

test('numbers glued into codes are not quantities, but both ends of a hyphen range are', () => {
  assert.deepEqual(brief(quantitiesOf('The P5+1 group met; see report-20240517 for the rest.')), []);
  assert.deepEqual(brief(quantitiesOf('Prices rose 3-4% this spring.')).map(([value, unit]) => [value, unit]), [
    [3, 'percent'],
    [4, 'percent'],
  ]);
  assert.deepEqual(brief(quantitiesOf('The final score was 2-1.')), []);
});

test('a unit written after "of" belongs to a vague amount', () => {
  assert.deepEqual(brief(quantitiesOf('Donors pledged billions of dollars for housing.')), [[1000000000, 'USD', null, 'billions']]);
});

test('a four-digit number before a counted noun is a count, not a year', () => {
  assert.deepEqual(brief(quantitiesOf('Nearly 2000 troops crossed the river.')), [[2000, 'troops', 'troops crossed', 'Nearly 2000']]);
});

test('findQuantities reads the same as the stage and cites the sentence', () => {
  const doc = makeDoc('Rain fell. The convoy carried 40 tons of flour.');
  const [quantity] = findQuantities(doc);
  assert.equal(quantity.value, 40);
  assert.equal(quantity.unit, 'tons');
  assert.equal(quantity.about, 'flour');
  assert.equal(quantity.evidence.text, 'The convoy carried 40 tons of flour.');
});
