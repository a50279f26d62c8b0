// Event merging: one meeting reported by several documents on different days becomes one event, planned → happened, details gathered from each.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Doc } from '../../src/doc/types.ts';
import { deriveEvent, eventReport, matchScore } from '../../src/reconcile/index.ts';
import { tallyEvent } from '../../src/reconcile/merged-events.ts';
import type { MergedFactRecord, Tallies } from '../../src/store/store.ts';
import { buildTimeline } from '../../src/report/index.ts';
import { addEvent, addParties, article, ingest, memoryStore } from './fixtures.ts';

/** Announced: the envoy will go to Vienna next week (the place comes from here). */
function announcement(): Doc {
  const doc = article({
    slug: 'envoy-to-travel',
    source: 'Lakeside Wire',
    published: '2025-11-27',
    sentences: ['The American envoy Daniel Brooks will travel to Vienna next week to meet Russian officials, the State Department said.', 'No agenda has been published.'],
  });
  addParties(doc, { 'United States': ['American', 'State Department'], Russia: ['Russian'] });
  return addEvent(doc, 'will travel to Vienna', {
    type: 'visit', status: 'planned', parties: ['United States', 'Russia'], participants: ['person:daniel-brooks'], place: 'Vienna',
    date: { start: '2025-12-01', end: '2025-12-07', text: 'next week', precision: 'week' },
  });
}

/** Held, undated: the duration comes from here. */
function heldReport(): Doc {
  const doc = article({
    slug: 'envoy-talks-ended',
    source: 'Harbour Courier',
    published: '2025-12-04',
    sentences: ['Talks between Daniel Brooks and a Russian delegation ended after four hours with a promise to keep talking.', 'Neither side described the substance.'],
  });
  addParties(doc, { 'United States': ['Daniel Brooks'], Russia: ['Russian'] });
  return addEvent(doc, 'ended after four hours', {
    type: 'talks', status: 'happened', parties: ['Russia', 'United States'], participants: ['person:daniel-brooks', 'person:oleg-marin'], duration: 'PT4H',
  });
}

/** Held, dated: the date comes from here. */
function datedReport(): Doc {
  const doc = article({
    slug: 'marin-on-talks',
    source: 'Eastern Ledger',
    published: '2025-12-05',
    sentences: ['Deputy foreign minister Oleg Marin said his meeting with the Americans on Wednesday had been businesslike.', 'He gave no details.'],
  });
  addParties(doc, { Russia: ['Oleg Marin'], 'United States': ['Americans'] });
  return addEvent(doc, 'his meeting with the Americans', {
    type: 'meeting', status: 'happened', parties: ['Russia', 'United States', 'Ukraine'], participants: ['person:oleg-marin'],
    date: { start: '2025-12-03', end: '2025-12-03', text: 'on Wednesday', precision: 'day' },
  });
}

/** Another meeting entirely: the same parties a month later in another city. */
function laterMeeting(): Doc {
  const doc = article({
    slug: 'second-round',
    source: 'Lakeside Wire',
    published: '2026-01-09',
    sentences: ['Daniel Brooks and Oleg Marin met again in Helsinki on Thursday for a second round.'],
  });
  addParties(doc, { 'United States': ['Daniel Brooks'], Russia: ['Oleg Marin'] });
  return addEvent(doc, 'met again in Helsinki', {
    type: 'meeting', status: 'happened', parties: ['United States', 'Russia'], participants: ['person:daniel-brooks', 'person:oleg-marin'], place: 'Helsinki',
    date: { start: '2026-01-08', end: '2026-01-08', text: 'on Thursday', precision: 'day' },
  });
}

describe('merged events', () => {
  it('merge an announced meeting with later reports of it: planned → happened, place, duration and date from different reports', async () => {
    const store = await memoryStore();
    const docs = [announcement(), heldReport(), datedReport(), laterMeeting()];
    await ingest(store, ...docs);
    const { events } = await buildTimeline(store);
    assert.equal(events.length, 2);
    const [vienna, helsinki] = events;
    assert.equal(vienna.status, 'happened');
    assert.equal(vienna.place, 'Vienna');
    assert.equal(vienna.duration, 'PT4H');
    assert.deepEqual(vienna.date, { start: '2025-12-03', end: '2025-12-03' });
    assert.deepEqual(vienna.documents.map((doc) => doc.id), [docs[0].id, docs[1].id, docs[2].id]);
    assert.equal(vienna.independentSources, 3);
    assert.equal(vienna.firstSeen, '2025-11-27');
    assert.equal(vienna.lastSeen, '2025-12-05');
    assert.deepEqual(new Set(vienna.parties), new Set(['Russia', 'United States', 'Ukraine']));
    assert.equal(helsinki.place, 'Helsinki');
    assert.equal(helsinki.documents.length, 1);
    for (const evidence of [...vienna.evidence, ...helsinki.evidence]) {
      const stored = await store.getDocument(evidence.documentId);
      assert.equal(stored?.text.slice(evidence.start, evidence.end), evidence.text);
    }
    await store.close();
  });

  it('merge in any arrival order', async () => {
    const store = await memoryStore();
    await ingest(store, datedReport(), laterMeeting(), heldReport(), announcement());
    const { events } = await buildTimeline(store);
    assert.deepEqual(events.map((event) => [event.place, event.status, event.documents.length]), [['Vienna', 'happened', 3], ['Helsinki', 'happened', 1]]);
    await store.close();
  });

  it('print the timeline in the shape the evaluation reads', async () => {
    const store = await memoryStore();
    const docs = [heldReport(), datedReport()];
    await ingest(store, ...docs);
    const { events } = JSON.parse(JSON.stringify(await buildTimeline(store))) as { events: Record<string, unknown>[] };
    assert.equal(events.length, 1);
    const [event] = events;
    for (const key of ['id', 'type', 'status', 'parties', 'place', 'date', 'documents', 'independentSources']) assert.ok(key in event, key);
    assert.deepEqual(event.date, { start: '2025-12-03', end: '2025-12-03' });
    assert.deepEqual(event.documents, docs.map((doc) => ({ id: doc.id, file: null, url: doc.meta.url, source: doc.meta.source, title: doc.meta.title, published: doc.meta.published })));
    await store.close();
  });

  it('do not merge a vague look back ("in March") into a dated round on a shared participant alone', async () => {
    const store = await memoryStore();
    const recap = article({
      slug: 'recap',
      source: 'Harbour Courier',
      published: '2025-12-20',
      sentences: ['Earlier this month Oleg Marin also hosted talks with the Americans in Tallinn, officials recalled.'],
    });
    addParties(recap, { Russia: ['Oleg Marin'], 'United States': ['Americans'] });
    addEvent(recap, 'hosted talks with the Americans', {
      type: 'talks', status: 'happened', parties: ['Russia', 'United States'], participants: ['person:oleg-marin'], place: 'Tallinn',
      date: { start: '2025-12-01', end: '2025-12-19', text: 'Earlier this month', precision: 'range' },
    });
    await ingest(store, datedReport(), recap);
    assert.equal((await buildTimeline(store)).events.length, 2);
    await store.close();
  });

  it('do not merge an announcement with a report that shares only parties and a week', async () => {
    const store = await memoryStore();
    await ingest(store, announcement(), datedReport());
    assert.equal((await buildTimeline(store)).events.length, 2);
    await store.close();
  });

  it('keep apart reports whose parties, dates or types do not fit', () => {
    const base = datedReport();
    const report = eventReport(`${base.id}:event:0`, base.id, '2025-12-05', base.events[0]);
    const fact = {
      id: 'ev-x', kind: 'event' as const, story: null, key: 'meeting', windowStart: '2025-12-03', windowEnd: '2025-12-03', date: '2025-12-03',
      attributes: { type: 'talks' as const, status: 'happened' as const, parties: ['Russia', 'United States'], participants: ['person:oleg-marin'], place: null, date: { start: '2025-12-03', end: '2025-12-03' }, duration: null, outcome: null },
      tallies: {}, documentCount: 1, independentSources: 1, firstSeen: '2025-12-04', lastSeen: '2025-12-04', firstIngested: null,
    };
    assert.ok((matchScore(report, fact) ?? 0) >= 3);
    assert.equal(matchScore(report, { ...fact, key: 'call' }), null, 'a call is not a meeting');
    assert.equal(matchScore(report, { ...fact, attributes: { ...fact.attributes, parties: ['Israel', 'Hamas'] } }), null, 'no shared party');
    const weekLater = { start: '2025-12-10', end: '2025-12-10' };
    assert.equal(matchScore(report, { ...fact, windowStart: weekLater.start, windowEnd: weekLater.end, attributes: { ...fact.attributes, date: weekLater } }), null, 'a week apart');
    assert.equal(matchScore({ ...report, event: { ...report.event, participants: [] } }, { ...fact, attributes: { ...fact.attributes, participants: [] } }), 4, 'the date alone is a specific detail');
  });

  it('match an event stored before its attributes said whether its place was stated or its date vague the same way, from its tallies', () => {
    const held = (place: string, text: string, date: { start: string; end: string; precision: 'day' | 'range' }): ReturnType<typeof eventReport> => {
      const doc = datedReport();
      const event = { ...doc.events[0], place, evidence: { ...doc.events[0].evidence, text }, participants: ['person:oleg-marin'], date: { ...date, text: 'then' } };
      return eventReport(`${doc.id}:event:0`, doc.id, '2025-12-20', event);
    };
    const factOf = (reports: ReturnType<typeof eventReport>[]): MergedFactRecord<'event'> => {
      const tallies: Tallies = {};
      for (const report of reports) tallyEvent(tallies, report);
      const { attributes, window } = deriveEvent(tallies);
      return {
        id: 'ev-y', kind: 'event', story: null, key: 'meeting', windowStart: window?.start ?? null, windowEnd: window?.end ?? null, date: attributes.date?.start ?? null,
        attributes, tallies, documentCount: reports.length, independentSources: reports.length, firstSeen: null, lastSeen: null, firstIngested: null,
      };
    };
    const vague = factOf([held('Tallinn', 'Talks were held in Tallinn earlier this month.', { start: '2025-12-01', end: '2025-12-19', precision: 'range' })]);
    assert.equal(vague.attributes.heldVaguely, true);
    assert.equal(vague.attributes.placeStated, true);
    const dated = factOf([held('Geneva', 'Talks were held in Geneva on Wednesday.', { start: '2025-12-03', end: '2025-12-03', precision: 'day' })]);
    assert.equal(dated.attributes.heldVaguely, false);
    const reports = [
      held('Vienna', 'Talks were held in Vienna on Wednesday.', { start: '2025-12-03', end: '2025-12-03', precision: 'day' }),
      held('Tallinn', 'Talks were held in Tallinn.', { start: '2025-12-02', end: '2025-12-04', precision: 'day' }),
      held('Tallinn', 'The talks took place on Wednesday.', { start: '2025-12-03', end: '2025-12-03', precision: 'day' }),
    ];
    for (const fact of [vague, dated]) {
      const { placeStated, heldVaguely, ...older } = fact.attributes;
      assert.equal(typeof placeStated, 'boolean');
      assert.equal(typeof heldVaguely, 'boolean');
      for (const report of reports) assert.equal(matchScore(report, { ...fact, attributes: older }), matchScore(report, fact));
    }
  });
});
