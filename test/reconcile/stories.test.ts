// Stories: documents join the negotiation they cover as they arrive; a Gaza article beside Ukraine coverage is its own story.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storyFeatures, storyLabel } from '../../src/reconcile/index.ts';
import { article, cairoTalks, dohaForum, ingest, memoryStore, moscowOwnReport, moscowWire } from './fixtures.ts';

describe('stories', () => {
  it('weigh parties by mentions and give a unit-length feature vector', () => {
    const features = storyFeatures(moscowWire());
    assert.ok((features.get('party:Russia') ?? 0) > (features.get('place:Moscow') ?? 0));
    assert.ok(features.has('issue:territory'));
    assert.ok(features.has('actor:person:daniel-brooks'));
    const length = Math.sqrt([...features.values()].reduce((sum, value) => sum + value * value, 0));
    assert.ok(Math.abs(length - 1) < 1e-9);
  });

  it('are labelled by their main parties, alphabetically', () => {
    assert.equal(storyLabel({ 'party:Ukraine': 3, 'party:Russia': 4, 'party:United States': 2, 'party:France': 0.5, 'place:Moscow': 9 }), 'Russia – Ukraine – United States');
    assert.equal(storyLabel({ 'place:Cairo': 1 }), 'Cairo');
  });

  it('keep a Gaza ceasefire article apart from Russia–Ukraine coverage, even when it names the same envoy', async () => {
    const store = await memoryStore();
    const [wire, gaza, own, doha] = await ingest(store, moscowWire(), cairoTalks(), moscowOwnReport(), dohaForum());
    assert.equal(wire.storyCreated, true);
    assert.equal(gaza.storyCreated, true);
    assert.notEqual(gaza.story, wire.story);
    assert.equal(own.story, wire.story);
    assert.equal(doha.story, gaza.story);

    const stories = await store.listStories();
    assert.deepEqual(stories.map((story) => [story.label, story.documentCount]).sort(), [
      ['Egypt – Hamas – Israel', 2],
      ['Russia – Ukraine – United States', 2],
    ]);
    const ukraine = stories.find((story) => story.id === wire.story);
    assert.ok(ukraine);
    assert.deepEqual(ukraine.parties.slice(0, 3).sort(), ['Russia', 'Ukraine', 'United States']);
    assert.ok(ukraine.issues.includes('territory'));
    assert.deepEqual([ukraine.firstSeen, ukraine.lastSeen], ['2025-12-03', '2025-12-04']);
    await store.close();
  });

  it('count stories within a publication window', async () => {
    const store = await memoryStore();
    await ingest(store, moscowWire(), cairoTalks(), moscowOwnReport(), dohaForum());
    const early = await store.listStories({ until: '2025-12-03' });
    assert.deepEqual(early.map((story) => [story.label, story.documentCount, story.lastSeen]).sort(), [
      ['Egypt – Hamas – Israel', 1, '2025-12-02'],
      ['Russia – Ukraine – United States', 1, '2025-12-03'],
    ]);
    assert.deepEqual((await store.listStories({ since: '2025-12-04' })).map((story) => story.label).sort(), ['Egypt – Hamas – Israel', 'Russia – Ukraine – United States']);
    assert.deepEqual((await store.listStories({ limit: 1 })).length, 1);
    await store.close();
  });

  it('leave a document with no parties, places or issues outside any story', async () => {
    const store = await memoryStore();
    const [result] = await ingest(store, article({ slug: 'weather', source: 'Lakeside Wire', published: '2025-12-01', sentences: ['Rain is expected over the weekend.'] }));
    assert.equal(result.status, 'reconciled');
    assert.equal(result.story, null);
    assert.deepEqual(await store.listStories(), []);
    await store.close();
  });
});
