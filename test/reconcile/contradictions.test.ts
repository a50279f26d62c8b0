// Contradictions of every kind, each side with evidence that lies in its stored document; a change of position over weeks is a shift.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spanOf } from '../../src/doc/span.ts';
import type { Doc, NegotiationEvent } from '../../src/doc/types.ts';
import { measureOf } from '../../src/reconcile/index.ts';
import { buildContradictions, buildPositions } from '../../src/report/index.ts';
import type { Store } from '../../src/store/store.ts';
import { addEvent, addParties, addQuantity, addStance, article, ingest, memoryStore } from './fixtures.ts';

async function assertEvidenceInDocuments(store: Store): Promise<void> {
  for (const contradiction of (await buildContradictions(store)).contradictions) {
    for (const side of contradiction.sides) {
      for (const evidence of side.evidence) {
        const stored = await store.getDocument(evidence.documentId);
        assert.equal(stored?.text.slice(evidence.start, evidence.end), evidence.text);
        assert.ok(side.documents.some((doc) => doc.id === evidence.documentId));
      }
    }
  }
}

function tollReport(slug: string, source: string, published: string, sentence: string, figure: string, value: number): Doc {
  const doc = article({ slug, source, published, sentences: [sentence, `${source} reports on the war in Ukraine.`] });
  addParties(doc, { Ukraine: ['Ukraine'] });
  return addQuantity(doc, figure, { value, unit: 'civilians', about: null });
}

function talks(slug: string, source: string, published: string, sentence: string, needle: string, fields: Partial<NegotiationEvent>): Doc {
  const doc = article({ slug, source, published, sentences: [sentence, `The delegations spoke to ${source} afterwards.`] });
  addParties(doc, { Armenia: ['Armenia'], Azerbaijan: ['Azerbaijan'] });
  return addEvent(doc, needle, { type: 'talks', status: 'happened', parties: ['Armenia', 'Azerbaijan'], duration: 'PT6H', ...fields });
}

describe('contradictions', () => {
  it('read what a number counts from the words next to it', () => {
    const quantity = (sentence: string, text: string) => ({ about: null, text, evidence: spanOf(sentence, 0, sentence.length) });
    assert.equal(measureOf(quantity('The monitors recorded the deaths of more than 9,000 civilians.', 'more than 9,000')), 'killed');
    assert.equal(measureOf(quantity('More than 9,000 civilians have been killed or wounded so far.', 'More than 9,000')), 'killed or injured');
    assert.equal(measureOf(quantity('Some 9,000 people were forced from their homes.', 'Some 9,000')), 'displaced');
    assert.equal(measureOf(quantity('The convoy carried 9,000 tonnes of grain.', '9,000')), null);
  });

  it('flag one figure given for different measures: killed against killed or injured', async () => {
    const store = await memoryStore();
    await ingest(
      store,
      tollReport('toll-a', 'Lakeside Wire', '2025-12-01', 'Monitors have documented the deaths of more than 9,000 civilians since the invasion.', 'more than 9,000', 9000),
      tollReport('toll-b', 'Harbour Courier', '2025-12-02', 'The monitoring mission says more than 9,000 civilians have been killed so far.', 'more than 9,000', 9000),
      tollReport('toll-c', 'Eastern Ledger', '2025-12-03', 'By the mission’s count, more than 9,000 civilians have been killed or injured.', 'more than 9,000', 9000),
    );
    const { contradictions } = await buildContradictions(store);
    assert.equal(contradictions.length, 1);
    const [dispute] = contradictions;
    assert.equal(dispute.kind, 'number');
    assert.equal(dispute.about, '9,000 civilians');
    assert.deepEqual(dispute.sides.map((side) => [side.claim, side.documents.length]), [['killed', 2], ['killed or injured', 1]]);
    await assertEvidenceInDocuments(store);
    await store.close();
  });

  it('flag different figures for the same measure reported within days', async () => {
    const store = await memoryStore();
    await ingest(
      store,
      tollReport('count-a', 'Lakeside Wire', '2025-12-01', 'Officials said 1,200 civilians were killed in the offensive.', '1,200', 1200),
      tollReport('count-b', 'Harbour Courier', '2025-12-03', 'Local authorities put the number of civilians killed at 1,450.', '1,450', 1450),
    );
    const [dispute] = (await buildContradictions(store)).contradictions;
    assert.equal(dispute?.kind, 'number');
    assert.deepEqual(dispute.sides.map((side) => side.claim).sort(), ['1,200 civilians killed', '1,450 civilians killed']);
    await assertEvidenceInDocuments(store);
    await store.close();
  });

  it('do not set a wire story against its own rewrite', async () => {
    const store = await memoryStore();
    const shared = [
      'The mission has counted attacks on hospitals, schools and power stations in every region it visits.',
      'Its teams interview survivors, doctors and local officials before any figure is published.',
      'The next report is due at the end of the month, after a visit to the southern front.',
    ];
    const copy = (slug: string, source: string, sentence: string) => {
      const doc = article({ slug, source, published: '2025-12-01', sentences: [sentence, ...shared, `${source} reports on the war in Ukraine.`] });
      addParties(doc, { Ukraine: ['Ukraine'] });
      return addQuantity(doc, 'more than 9,000', { value: 9000, unit: 'civilians', about: null });
    };
    const results = await ingest(
      store,
      copy('copy-a', 'Lakeside Wire', 'Monitors have documented the deaths of more than 9,000 civilians since the invasion began.'),
      copy('copy-b', 'Copy Desk Daily', 'Monitors have documented more than 9,000 civilians killed or injured since the invasion began.'),
    );
    assert.equal(results[1].sourceGroup, results[0].sourceGroup);
    assert.deepEqual((await buildContradictions(store)).contradictions, []);
    await store.close();
  });

  it('flag different dates for the same talks', async () => {
    const store = await memoryStore();
    await ingest(
      store,
      talks('tbilisi-a', 'Lakeside Wire', '2025-11-20', 'Negotiators from Armenia and Azerbaijan met in Tbilisi on Monday for six hours.', 'met in Tbilisi', {
        place: 'Tbilisi', date: { start: '2025-11-17', end: '2025-11-17', text: 'on Monday', precision: 'day' },
      }),
      talks('tbilisi-b', 'Harbour Courier', '2025-11-21', 'The six-hour round in Tbilisi between Armenia and Azerbaijan took place on Wednesday.', 'six-hour round in Tbilisi', {
        place: 'Tbilisi', date: { start: '2025-11-19', end: '2025-11-19', text: 'on Wednesday', precision: 'day' },
      }),
    );
    const [dispute] = (await buildContradictions(store)).contradictions;
    assert.equal(dispute?.kind, 'date');
    assert.match(dispute.about, /talks in Tbilisi/);
    assert.deepEqual(dispute.sides.map((side) => side.claim).sort(), ['2025-11-17', '2025-11-19']);
    await assertEvidenceInDocuments(store);
    await store.close();
  });

  it('flag different places for the same talks on the same day', async () => {
    const store = await memoryStore();
    const date = { start: '2025-11-17', end: '2025-11-17', text: 'on Monday', precision: 'day' as const };
    await ingest(
      store,
      talks('venue-a', 'Lakeside Wire', '2025-11-18', 'Armenia and Azerbaijan held six hours of talks in Tbilisi on Monday.', 'talks in Tbilisi', { place: 'Tbilisi', date }),
      talks('venue-b', 'Harbour Courier', '2025-11-18', 'Armenia and Azerbaijan spent six hours negotiating in Istanbul on Monday.', 'negotiating in Istanbul', { place: 'Istanbul', date }),
    );
    const [dispute] = (await buildContradictions(store)).contradictions;
    assert.equal(dispute?.kind, 'place');
    assert.deepEqual(dispute.sides.map((side) => side.claim).sort(), ['Istanbul', 'Tbilisi']);
    await assertEvidenceInDocuments(store);
    await store.close();
  });

  it('flag a role the knowledge base contradicts for the article’s date', async () => {
    const store = await memoryStore();
    const doc = article({ slug: 'former', source: 'Scraped Pages', published: '2025-12-03', sentences: ['The envoy is a close friend of former Chancellor Greta Lind, who leads the coalition.', 'Talks resume next week.'] });
    addParties(doc, { Germany: ['Chancellor'] });
    const at = doc.text.indexOf('former Chancellor Greta Lind');
    doc.messages.push({
      rule: 'entities:role-conflict',
      reason: '"former Chancellor Greta Lind": Greta Lind is Chancellor of Germany on 2025-12-03 (since 2025-05-06), not a former holder',
      place: { start: at, end: at + 'former Chancellor Greta Lind'.length },
      severity: 'warning',
    });
    await ingest(store, doc);
    const [dispute] = (await buildContradictions(store)).contradictions;
    assert.equal(dispute?.kind, 'role');
    assert.equal(dispute.about, 'former Chancellor Greta Lind');
    assert.equal(dispute.sides[0].evidence[0].text, doc.text.slice(0, doc.text.indexOf('coalition.') + 'coalition.'.length));
    assert.match(dispute.sides[1].claim, /^knowledge base: Greta Lind is Chancellor of Germany/);
    assert.deepEqual(dispute.sides[1].evidence, []);
    await assertEvidenceInDocuments(store);
    await store.close();
  });

  function stanceReport(slug: string, source: string, published: string, sentence: string, act: 'accept' | 'reject'): Doc {
    const doc = article({ slug, source, published, sentences: [sentence, `Kyiv gave ${source} no comment.`] });
    addParties(doc, { Russia: ['Moscow'], Ukraine: ['Kyiv'] });
    return addStance(doc, sentence.slice(0, 30), { party: 'Russia', issue: 'ceasefire', act });
  }

  it('flag opposite acts by one party on one issue within days', async () => {
    const store = await memoryStore();
    await ingest(
      store,
      stanceReport('accept-a', 'Lakeside Wire', '2025-12-01', 'Moscow accepted the proposed energy truce on Monday, officials said.', 'accept'),
      stanceReport('accept-b', 'Harbour Courier', '2025-12-01', 'Officials said Moscow has agreed to the thirty-day energy truce.', 'accept'),
      stanceReport('reject-a', 'Eastern Ledger', '2025-12-02', 'Moscow turned down the energy truce, a Kremlin source said on Tuesday.', 'reject'),
    );
    const [dispute] = (await buildContradictions(store)).contradictions;
    assert.equal(dispute?.kind, 'opposite-acts');
    assert.equal(dispute.about, 'Russia on ceasefire');
    assert.deepEqual(dispute.sides.map((side) => [side.claim, side.documents.length]), [['Russia accept', 2], ['Russia reject', 1]]);
    await assertEvidenceInDocuments(store);
    await store.close();
  });

  it('treat opposite acts weeks apart as a shift of position, not a contradiction', async () => {
    const store = await memoryStore();
    await ingest(
      store,
      stanceReport('early-a', 'Lakeside Wire', '2025-11-01', 'Moscow turned down the energy truce, officials said on Saturday.', 'reject'),
      stanceReport('early-b', 'Eastern Ledger', '2025-11-02', 'Moscow again rejected calls for an energy truce.', 'reject'),
      stanceReport('late-a', 'Harbour Courier', '2025-12-01', 'Moscow accepted the proposed energy truce on Monday, officials said.', 'accept'),
    );
    assert.deepEqual((await buildContradictions(store)).contradictions, []);
    const { cells } = await buildPositions(store);
    assert.equal(cells.length, 1);
    assert.equal(cells[0].latestAct, 'accept');
    assert.equal(cells[0].trend, 'shifted');
    assert.deepEqual(cells[0].history.map((act) => act.act), ['accept', 'reject']);
    await store.close();
  });
});
