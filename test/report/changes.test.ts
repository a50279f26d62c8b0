// What changed since a date, and since the last brief: new events, plans reported held, new stances, shifts, newly disputed facts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Doc } from '../../src/doc/types.ts';
import { buildChanges } from '../../src/report/index.ts';
import { addEvent, addParties, addQuantity, addStance, article, ingest, memoryStore } from '../reconcile/fixtures.ts';

/** The current time once the clock has moved past the last stored timestamp, so "stored after" is unambiguous. */
function nextMillisecond(): string {
  const start = Date.now();
  while (Date.now() === start);
  return new Date().toISOString();
}

function doc(slug: string, source: string, published: string, sentences: string[]): Doc {
  const built = article({ slug, source, published, sentences });
  addParties(built, { Russia: ['Russia', 'Moscow'], Ukraine: ['Ukraine', 'Kyiv'] });
  return built;
}

/** Coverage before 1 December: a planned round in Riga, Moscow refusing a truce, a casualty count. */
function before(): Doc[] {
  const plan = doc('riga-planned', 'Lakeside Wire', '2025-11-27', [
    'Negotiators from Russia and Ukraine will meet in Riga next week, the hosts announced.',
    'Kyiv said it would send its deputy foreign minister.',
  ]);
  addEvent(plan, 'will meet in Riga', { type: 'meeting', status: 'planned', parties: ['Russia', 'Ukraine'], place: 'Riga', date: { start: '2025-12-01', end: '2025-12-07', text: 'next week' } });
  const refusal = doc('truce-refused', 'Harbour Courier', '2025-11-18', [
    'Moscow refused the winter truce that Kyiv had proposed for the power grid.',
    'Russia said the offer was a trick to rearm.',
  ]);
  addStance(refusal, 'Moscow refused the winter truce', { party: 'Russia', issue: 'ceasefire', act: 'reject' });
  const toll = doc('toll-early', 'Eastern Ledger', '2025-11-29', [
    'Monitors in Ukraine have recorded the deaths of more than 9,000 civilians since the start of the war.',
    'Russia disputes the figures.',
  ]);
  addQuantity(toll, 'more than 9,000', { value: 9000, unit: 'civilians', about: null });
  return [plan, refusal, toll];
}

/** Coverage from 3 December: the Riga round held, talks in Ankara, Moscow accepting the truce, a new demand, the count disputed. */
function after(): Doc[] {
  const held = doc('riga-held', 'Eastern Ledger', '2025-12-03', [
    'Russia and Ukraine held talks in Riga on Tuesday that lasted three hours.',
    'Kyiv called the talks difficult.',
  ]);
  addEvent(held, 'held talks in Riga', { type: 'talks', status: 'happened', parties: ['Russia', 'Ukraine'], place: 'Riga', duration: 'PT3H', date: { start: '2025-12-02', end: '2025-12-02', text: 'on Tuesday', precision: 'day' } });
  addStance(held, 'Kyiv called the talks difficult', { party: 'Ukraine', issue: 'security-guarantees', act: 'demand', summary: 'called for binding guarantees' });
  const ankara = doc('ankara-talks', 'Lakeside Wire', '2025-12-05', [
    'Military officers from Russia and Ukraine met in Ankara on Thursday to discuss prisoner exchanges.',
    'Moscow accepted the winter truce for the power grid, the officers said.',
  ]);
  addEvent(ankara, 'met in Ankara', { type: 'meeting', status: 'happened', parties: ['Russia', 'Ukraine'], place: 'Ankara', date: { start: '2025-12-04', end: '2025-12-04', text: 'on Thursday', precision: 'day' } });
  addStance(ankara, 'Moscow accepted the winter truce', { party: 'Russia', issue: 'ceasefire', act: 'accept' });
  const toll = doc('toll-late', 'Harbour Courier', '2025-12-04', [
    'The war in Ukraine has left more than 9,000 civilians killed or injured, the monitors say.',
    'Russia again rejected the count.',
  ]);
  addQuantity(toll, 'more than 9,000', { value: 9000, unit: 'civilians', about: null });
  return [held, ankara, toll];
}

describe('buildChanges', () => {
  it('lists what was first reported since a date', async () => {
    const store = await memoryStore();
    await ingest(store, ...before(), ...after());
    const changes = await buildChanges(store, { since: '2025-12-01' });
    assert.equal(changes.basis, 'published');
    assert.deepEqual(changes.heldEvents.map((event) => [event.place, event.status, event.documents.length]), [['Riga', 'happened', 2]]);
    assert.deepEqual(changes.newEvents.map((event) => event.place), ['Ankara']);
    assert.deepEqual(changes.newStances.map((stance) => [stance.party, stance.issue, stance.act]).sort(), [
      ['Russia', 'ceasefire', 'accept'],
      ['Ukraine', 'security-guarantees', 'demand'],
    ]);
    assert.deepEqual(changes.shiftedStances.map((shift) => [shift.party, shift.issue, shift.from, shift.to]), [['Russia', 'ceasefire', 'reject', 'accept']]);
    assert.deepEqual(changes.newDisputes.map((dispute) => [dispute.kind, dispute.about]), [['number', '9,000 civilians']]);
    for (const stance of changes.newStances) for (const evidence of stance.evidence) {
      assert.equal((await store.getDocument(evidence.documentId))?.text.slice(evidence.start, evidence.end), evidence.text);
    }
    await store.close();
  });

  it('lists nothing when nothing is newer than the date', async () => {
    const store = await memoryStore();
    await ingest(store, ...before(), ...after());
    const changes = await buildChanges(store, { since: '2025-12-06' });
    assert.deepEqual([changes.newEvents, changes.heldEvents, changes.newPlans, changes.newStances, changes.shiftedStances, changes.newDisputes], [[], [], [], [], [], []]);
    await store.close();
  });

  it('reads as many reports as it takes to tell a held plan, however many came after the cut-off', async () => {
    const outlets = ['North Wire', 'Valley Post', 'Coastal Herald', 'Plains Courier', 'Summit Daily', 'Delta Ledger'];
    /** The n-th report after the cut-off that the Riga round took place. */
    const heldReport = (n: number) => {
      const report = doc(`riga-held-${n}`, outlets[n % outlets.length], `2025-12-0${3 + (n % 3)}`, [
        `Russia and Ukraine held talks in Riga on Tuesday, report number ${n} of the round said.`,
        'Both sides called the session long and tense.',
      ]);
      addEvent(report, 'held talks in Riga', { type: 'talks', status: 'happened', parties: ['Russia', 'Ukraine'], place: 'Riga', date: { start: '2025-12-02', end: '2025-12-02', text: 'on Tuesday', precision: 'day' } });
      return report;
    };
    const reports = Array.from({ length: 40 }, (_, n) => heldReport(n));

    const planned = await memoryStore();
    await ingest(planned, ...before(), ...reports);
    const held = (await buildChanges(planned, { since: '2025-12-01' })).heldEvents;
    assert.deepEqual(held.map((event) => [event.place, event.documents.length]), [['Riga', 41]]);
    await planned.close();

    // Reported held once before the cut-off, behind forty later reports: not news since then.
    const early = doc('riga-early', 'Eastern Ledger', '2025-11-30', ['Russia and Ukraine held talks in Riga on Tuesday, a day early.', 'The hosts were surprised.']);
    addEvent(early, 'held talks in Riga', { type: 'talks', status: 'happened', parties: ['Russia', 'Ukraine'], place: 'Riga', date: { start: '2025-12-02', end: '2025-12-02', text: 'on Tuesday', precision: 'day' } });
    const heldBefore = await memoryStore();
    await ingest(heldBefore, ...before(), early, ...reports);
    assert.deepEqual((await buildChanges(heldBefore, { since: '2025-12-01' })).heldEvents, []);
    await heldBefore.close();
  });

  it('lists what was stored since the last brief', async () => {
    const store = await memoryStore();
    await ingest(store, ...before());
    const briefAt = nextMillisecond();
    await store.recordBrief(briefAt);
    assert.equal(await store.getLastBriefAt(), briefAt);
    nextMillisecond();
    await ingest(store, ...after());
    const changes = await buildChanges(store, { since: briefAt, basis: 'ingested' });
    assert.deepEqual(changes.heldEvents.map((event) => event.place), ['Riga']);
    assert.deepEqual(changes.newEvents.map((event) => event.place), ['Ankara']);
    assert.deepEqual(changes.shiftedStances.map((shift) => shift.to), ['accept']);
    assert.deepEqual(changes.newDisputes.map((dispute) => dispute.kind), ['number']);
    await store.close();
  });
});
