// Reconcile runs once per stored version: again it changes nothing, a new version replaces the old in every merged fact, missed documents are caught up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reconcileDocument, reconcilePending } from '../../src/reconcile/index.ts';
import { buildTimeline, buildPositions } from '../../src/report/index.ts';
import { keptAndRecounted } from '../store/recount.ts';
import { moscowWireSentences, ingest, memoryStore, moscowOwnReport, moscowRewrite, moscowWire, article, addParties, addEvent, cairoTalks, dohaForum } from './fixtures.ts';

describe('reconcileDocument', () => {
  it('changes nothing when run again on the same document', async () => {
    const store = await memoryStore();
    const wire = moscowWire();
    await ingest(store, wire, moscowOwnReport());
    const before = await buildTimeline(store);
    const again = await reconcileDocument(store, wire);
    assert.equal(again.status, 'already-reconciled');
    assert.deepEqual(await buildTimeline(store), before);
    await store.close();
  });

  it('leaves a document the store does not hold alone', async () => {
    const store = await memoryStore();
    assert.equal((await reconcileDocument(store, moscowWire())).status, 'not-stored');
    assert.deepEqual(await store.listStories(), []);
    await store.close();
  });

  it('replaces an earlier version in merged facts and keeps its source group and story', async () => {
    const store = await memoryStore();
    const first = moscowWire();
    const [original] = await ingest(store, first, moscowOwnReport());
    const updated = article({
      slug: 'moscow-talks',
      source: 'Lakeside Wire',
      published: '2025-12-03',
      sentences: [...moscowWireSentences, 'This story was updated with a statement from Kyiv.'],
    });
    updated.entities = first.entities.map((entity) => ({ ...entity, mentions: entity.mentions.filter((mention) => updated.text.slice(mention.start, mention.end) === mention.text) }));
    addEvent(updated, 'received the American envoys', { ...first.events[0] });
    assert.equal(updated.meta.url, first.meta.url);
    const put = await store.putDocument(updated);
    assert.equal(put.status, 'new-version');
    const result = await reconcileDocument(store, updated);
    assert.equal(result.status, 'reconciled');
    assert.equal(result.sourceGroup, original.sourceGroup);
    assert.equal(result.story, original.story);

    const [event] = (await buildTimeline(store)).events;
    assert.equal(event.documents.length, 2);
    assert.ok(event.documents.some((doc) => doc.id === updated.id));
    assert.ok(!event.documents.some((doc) => doc.id === first.id));
    // The old version's stance left with it: only the other report's remains.
    const { cells } = await buildPositions(store);
    assert.deepEqual(cells.map((cell) => [cell.party, cell.issue, cell.documents]), [['Ukraine', 'territory', 1]]);
    assert.equal((await store.getStory(original.story as string))?.documentCount, 2);
    assert.equal((await reconcileDocument(store, first)).status, 'already-reconciled');
    await store.close();
  });

  it('catches up documents stored without being reconciled', async () => {
    const store = await memoryStore();
    const docs = [moscowWire(), moscowOwnReport()];
    for (const doc of docs) await store.putDocument(doc);
    assert.deepEqual(await store.listUnreconciled(), docs.map((doc) => doc.id));
    const results = await reconcilePending(store);
    assert.deepEqual(results.map((result) => result.status), ['reconciled', 'reconciled']);
    assert.deepEqual(await store.listUnreconciled(), []);
    assert.equal((await buildTimeline(store)).events[0].documents.length, 2);
    assert.deepEqual(await reconcilePending(store), []);
    await store.close();
  });

  it('does not merge two reports from one document into one event', async () => {
    const store = await memoryStore();
    const doc = article({
      slug: 'two-rounds',
      source: 'Lakeside Wire',
      published: '2025-12-05',
      sentences: ['Delegations from Serbia and Kosovo met in Brussels on Monday.', 'Serbia and Kosovo met again in Brussels on Tuesday evening.'],
    });
    addParties(doc, { Serbia: ['Serbia'], Kosovo: ['Kosovo'] });
    addEvent(doc, 'met in Brussels on Monday', { type: 'meeting', status: 'happened', parties: ['Serbia', 'Kosovo'], place: 'Brussels', date: { start: '2025-12-01', end: '2025-12-01', text: 'on Monday' } });
    addEvent(doc, 'met again in Brussels', { type: 'meeting', status: 'happened', parties: ['Serbia', 'Kosovo'], place: 'Brussels', date: { start: '2025-12-02', end: '2025-12-02', text: 'on Tuesday' } });
    await ingest(store, doc);
    assert.equal((await buildTimeline(store)).events.length, 2);
    await store.close();
  });

  it('keeps the counts of every merged fact equal to a recount as reports arrive and a new version changes its facts', async () => {
    const store = await memoryStore();
    const assertCountsRight = async () => {
      for (const kind of ['event', 'stance', 'quantity', 'quote'] as const) {
        const { kept, recounted } = await keptAndRecounted(store, kind);
        assert.deepEqual(kept, recounted, `${kind} counts`);
      }
    };
    const first = moscowWire();
    await ingest(store, first, moscowRewrite(), moscowOwnReport(), cairoTalks(), dohaForum());
    await assertCountsRight();
    const [talks] = await store.listMergedFacts('event', { keys: ['meeting'], order: 'sources' });
    assert.deepEqual([talks.documentCount, talks.independentSources], [3, 2]);

    // The wire's new version moves the talks to Wednesday and drops its stance and quote.
    const updated = article({ slug: 'moscow-talks', source: 'Lakeside Wire', published: '2025-12-04', sentences: [...moscowWireSentences, 'The talks were on Wednesday, not Tuesday.'] });
    updated.entities = first.entities.map((entity) => ({ ...entity, mentions: entity.mentions.filter((mention) => updated.text.slice(mention.start, mention.end) === mention.text) }));
    addEvent(updated, 'received the American envoys', { ...first.events[0], date: { start: '2025-12-03', end: '2025-12-03', text: 'on Wednesday', precision: 'day' } });
    assert.equal((await store.putDocument(updated)).status, 'new-version');
    await reconcileDocument(store, updated);
    await assertCountsRight();
    const reported = await store.findMergedFacts('event', { document: updated.id });
    assert.equal(reported.length, 1);
    assert.equal((await store.findMergedFacts('stance', { document: first.id })).length, 0);
    await store.close();
  });
});
