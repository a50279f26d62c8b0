// Tests for merging event mentions within a document, on mentions built by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventMention, PlaceRef } from '../../src/extract/events.ts';
import { mergeEventMentions, placesCompatible } from '../../src/extract/events.ts';

const TEXT = 'One sentence stands in for the evidence of every mention here.';

function mention(overrides: Partial<EventMention>): EventMention {
  return {
    type: 'talks',
    mode: null,
    status: 'happened',
    parties: [],
    host: null,
    participants: [],
    place: null,
    date: null,
    duration: null,
    outcome: null,
    ordinal: null,
    distinct: false,
    next: false,
    weak: false,
    typeWeight: 1,
    at: 0,
    trigger: { start: 0, end: 3, text: TEXT.slice(0, 3) },
    evidence: { start: 0, end: TEXT.length, text: TEXT },
    ...overrides,
  };
}

const day = (iso: string) => ({ start: iso, end: iso, text: iso, precision: 'day' as const });
const city = (name: string, country: string): PlaceRef => ({ name, specificity: 3, capitalOf: null, country });
const capital = (name: string, country: string): PlaceRef => ({ name, specificity: 3, capitalOf: country, country });
const country = (name: string): PlaceRef => ({ name, specificity: 1, capitalOf: null, country: name });

test('places: the same place, a city inside a country, an unknown town inside a region', () => {
  assert.ok(placesCompatible(city('Geneva', 'Switzerland'), city('Geneva', 'Switzerland')));
  assert.ok(placesCompatible(country('Ukraine'), city('Lviv', 'Ukraine')));
  assert.ok(placesCompatible({ name: 'Florida', specificity: 2, capitalOf: null, country: 'United States' }, { name: 'Seaside', specificity: 3, capitalOf: null, country: null }));
  assert.ok(!placesCompatible(capital('Moscow', 'Russia'), city('Geneva', 'Switzerland')));
  assert.ok(!placesCompatible(country('Qatar'), city('Lviv', 'Ukraine')));
});

test('mentions sharing parties, place and date make one event with the fullest details', () => {
  const events = mergeEventMentions([
    mention({ parties: ['Chile', 'Peru'], place: city('Arica', 'Chile'), at: 0 }),
    mention({ type: 'meeting', parties: ['Peru', 'Chile'], date: day('2024-05-02'), duration: 'PT3H', at: 100, typeWeight: 2 }),
    mention({ type: 'meeting', parties: [], outcome: 'constructive', at: 200 }),
  ]);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'meeting');
  assert.equal(events[0].place, 'Arica');
  assert.equal(events[0].date?.start, '2024-05-02');
  assert.equal(events[0].duration, 'PT3H');
  assert.equal(events[0].outcome, 'constructive');
});

test('different places, days, lengths or ordinals keep sittings apart', () => {
  const base = { parties: ['Chile', 'Peru'] };
  assert.equal(mergeEventMentions([mention({ ...base, place: capital('Lima', 'Peru') }), mention({ ...base, place: capital('Santiago', 'Chile'), at: 50 })]).length, 2);
  assert.equal(mergeEventMentions([mention({ ...base, date: day('2024-05-01') }), mention({ ...base, date: day('2024-05-03'), at: 50 })]).length, 2);
  assert.equal(mergeEventMentions([mention({ ...base, duration: 'PT2H' }), mention({ ...base, duration: 'PT6H', at: 50 })]).length, 2);
  assert.equal(mergeEventMentions([mention({ ...base, ordinal: 'day:1' }), mention({ ...base, ordinal: 'day:2', at: 50 })]).length, 2);
});

test('a plan told twice in different weeks is still one plan', () => {
  const events = mergeEventMentions([
    mention({ status: 'planned', parties: ['Chile', 'Peru'], date: { start: '2024-05-06', end: '2024-05-12', text: 'next week', precision: 'week' } }),
    mention({ status: 'planned', parties: ['Chile', 'Peru'], date: { start: '2024-04-29', end: '2024-05-05', text: 'this week', precision: 'week' }, at: 50 }),
  ]);
  assert.equal(events.length, 1);
});

test('a one-party mention joins the event with its party; alone it is dropped', () => {
  assert.equal(mergeEventMentions([mention({ parties: ['Chile', 'Peru'] }), mention({ parties: ['Peru'], at: 50 })]).length, 1);
  assert.deepEqual(mergeEventMentions([mention({ parties: ['Peru'] })]), []);
});

test('the host of a venue joins the parties', () => {
  const [event] = mergeEventMentions([mention({ type: 'visit', parties: ['Chile'], host: 'Peru', place: capital('Lima', 'Peru') })]);
  assert.deepEqual(event.parties, ['Chile', 'Peru']);
  assert.deepEqual(event.plover, { type: 'CONSULT', mode: 'visit' });
});

test('"another round" stays apart from the round already held and takes its parties', () => {
  const events = mergeEventMentions([
    mention({ parties: ['Chile', 'Peru'], date: day('2024-05-01') }),
    mention({ status: 'planned', parties: [], distinct: true, next: true, at: 50 }),
  ]);
  assert.equal(events.length, 2);
  assert.deepEqual(events[1].parties, ['Chile', 'Peru']);
  assert.equal(events[1].status, 'planned');
});

test('a bare reference with a place of its own is another sitting of the main negotiation', () => {
  const events = mergeEventMentions([
    mention({ parties: ['Chile', 'Peru'], place: capital('Lima', 'Peru') }),
    mention({ parties: ['Chile', 'Peru'], place: capital('Lima', 'Peru'), at: 20 }),
    mention({ parties: [], place: city('Arica', 'Chile'), at: 50 }),
  ]);
  assert.deepEqual(events.map((event) => event.place).sort(), ['Arica', 'Lima']);
});

test('an event dated after publication is planned', () => {
  const [event] = mergeEventMentions([mention({ parties: ['Chile', 'Peru'], date: day('2024-06-01') })], { published: '2024-05-20' });
  assert.equal(event.status, 'planned');
});

test('a cancellation wins over earlier plans', () => {
  const [event] = mergeEventMentions([
    mention({ status: 'planned', parties: ['Chile', 'Peru'] }),
    mention({ status: 'cancelled', parties: ['Chile', 'Peru'], at: 50 }),
  ]);
  assert.equal(event.status, 'cancelled');
});
