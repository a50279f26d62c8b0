// The part of the Store contract reconcile relies on: sketches, source groups, stories, merged facts, contradictions, the last brief.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Doc } from '../../src/doc/types.ts';
import type { MergedFactRow, Store, StoryRow } from '../../src/store/store.ts';
import { negotiationDoc, plainDoc, reconcileUpdate as update } from './fixtures.ts';

const story: StoryRow = {
  id: 'geneva-round',
  label: 'Russia – Ukraine',
  parties: ['Russia', 'Ukraine'],
  issues: ['territory'],
  places: ['Geneva'],
  profile: { 'party:Russia': 0.7, 'party:Ukraine': 0.7 },
};

function talksFact(id: string, fields: Partial<MergedFactRow<'event'>> = {}): MergedFactRow<'event'> {
  return {
    id,
    kind: 'event',
    story: 'geneva-round',
    key: 'meeting',
    windowStart: '2025-11-25',
    windowEnd: '2025-11-25',
    date: '2025-11-25',
    attributes: { type: 'talks', status: 'happened', parties: ['Russia', 'Ukraine'], participants: [], place: 'Geneva', date: { start: '2025-11-25', end: '2025-11-25' }, duration: 'PT5H', outcome: null },
    tallies: { place: { Geneva: 1 } },
    ...fields,
  };
}

function stanceFact(id: string, act: 'reject' | 'accept'): MergedFactRow<'stance'> {
  return {
    id,
    kind: 'stance',
    story: 'geneva-round',
    key: `Ukraine|territory|${act}`,
    windowStart: null,
    windowEnd: null,
    date: null,
    attributes: { party: 'Ukraine', issue: 'territory', act, actors: [], summary: 'withdrawing troops', confidence: 0.8 },
    tallies: {},
  };
}

/** Two stored documents reporting the same talks, from two outlets on two days. */
async function twoReports(store: Store): Promise<[Doc, Doc]> {
  const first = negotiationDoc({ url: 'https://wire.example/geneva', source: 'wire.example', published: '2025-11-26' });
  const second = negotiationDoc({ url: 'https://daily.example/geneva', source: 'daily.example', published: '2025-11-27' });
  await store.putDocuments([first, second]);
  return [first, second];
}

export function describeReconcileContract(store: () => Store): void {
  describe('reconcile state and sketches', () => {
    it('records a document as reconciled, with its group, story and sketch', async () => {
      const [first, second] = await twoReports(store());
      assert.equal(await store().getReconcileState(first.id), null);
      assert.deepEqual(await store().listUnreconciled(), [first.id, second.id]);
      const signature = Uint32Array.from([5, 4, 3, 2, 1, 0xffffffff]);
      await store().applyReconcile(update(first, { story: story.id, stories: [story], sketch: { shingles: 42, signature, bandKeys: [7 * 2 ** 32 + 12345, 99] } }));
      const state = await store().getReconcileState(first.id);
      assert.equal(state?.sourceGroup, first.id);
      assert.equal(state?.story, story.id);
      assert.ok(!Number.isNaN(Date.parse(state?.reconciledAt ?? '')));
      assert.deepEqual(await store().listUnreconciled(), [second.id]);
      assert.deepEqual(await store().listUnreconciled({ limit: 0 }), []);

      const [candidate] = await store().findSketchCandidates([7 * 2 ** 32 + 12345, 1]);
      assert.equal(candidate.documentId, first.id);
      assert.equal(candidate.sharedBands, 1);
      assert.equal(candidate.shingles, 42);
      assert.deepEqual([...candidate.signature], [...signature]);
      assert.equal(candidate.sourceGroup, first.id);
      assert.equal(candidate.story, story.id);
      assert.deepEqual(await store().findSketchCandidates([7 * 2 ** 32 + 12346]), []);
      await store().applyReconcile(update(second, { sketch: { shingles: 40, signature, bandKeys: [99, 100] } }));
      assert.deepEqual((await store().findSketchCandidates([99, 100, 7 * 2 ** 32 + 12345])).map((found) => [found.documentId, found.sharedBands]), [[second.id, 2], [first.id, 2]]);
      assert.deepEqual((await store().findSketchCandidates([100, 7 * 2 ** 32 + 12345])).map((found) => found.documentId), [second.id, first.id]);
      assert.deepEqual((await store().findSketchCandidates([99], { limit: 1 })).map((found) => found.documentId), [second.id]);
    });
  });

  describe('stories', () => {
    it('keeps stories with counts and first/last seen, and finds them by feature and window', async () => {
      const [first, second] = await twoReports(store());
      await store().applyReconcile(update(first, { story: story.id, stories: [story], storyFeatures: [{ story: story.id, features: ['party:Russia', 'party:Ukraine'] }] }));
      await store().applyReconcile(update(second, { story: story.id, stories: [{ ...story, label: 'Russia – Ukraine – Geneva' }] }));
      const stored = await store().getStory(story.id);
      assert.deepEqual(stored, { ...story, label: 'Russia – Ukraine – Geneva', documentCount: 2, firstSeen: '2025-11-26', lastSeen: '2025-11-27' });
      assert.deepEqual((await store().findStoryCandidates(['party:Ukraine', 'party:Chad'])).map((found) => found.id), [story.id]);
      assert.deepEqual(await store().findStoryCandidates(['party:Chad']), []);
      assert.deepEqual(await store().findStoryCandidates(['party:Ukraine'], { from: '2025-12-01' }), []);
      assert.deepEqual((await store().findStoryCandidates(['party:Ukraine'], { from: '2025-11-27', to: '2025-11-27' })).length, 1);
      assert.deepEqual((await store().listStories()).map((found) => [found.id, found.documentCount]), [[story.id, 2]]);
      assert.deepEqual((await store().listStories({ since: '2025-11-27' })).map((found) => [found.id, found.documentCount]), [[story.id, 1]]);
      assert.deepEqual(await store().listStories({ until: '2025-11-01' }), []);
      assert.equal(await store().getStory('no-such-story'), null);
    });
  });

  describe('merged facts', () => {
    it('counts documents, independent sources and first/last seen over the members', async () => {
      const [first, second] = await twoReports(store());
      await store().applyReconcile(update(first, { story: story.id, stories: [story], facts: [talksFact('ev-1')], members: [{ merged: 'ev-1', fact: `${first.id}:event:0` }] }));
      await store().applyReconcile(update(second, { sourceGroup: first.id, story: story.id, facts: [talksFact('ev-1')], members: [{ merged: 'ev-1', fact: `${second.id}:event:0` }] }));
      const [fact] = await store().listMergedFacts('event');
      assert.deepEqual(
        { id: fact.id, documents: fact.documentCount, sources: fact.independentSources, first: fact.firstSeen, last: fact.lastSeen, tallies: fact.tallies },
        { id: 'ev-1', documents: 2, sources: 1, first: '2025-11-26', last: '2025-11-27', tallies: { place: { Geneva: 1 } } },
      );
      assert.ok(fact.firstIngested);
      const members = (await store().listMembers('event', ['ev-1'])).get('ev-1') ?? [];
      assert.deepEqual(members.map((member) => [member.id, member.documentId, member.sourceGroup]), [
        [`${first.id}:event:0`, first.id, first.id],
        [`${second.id}:event:0`, second.id, first.id],
      ]);
      assert.deepEqual(members[0].fact, first.events[0]);
      assert.deepEqual(members[0].document, { id: first.id, file: null, url: first.meta.url, source: 'wire.example', title: first.meta.title, published: '2025-11-26' });
      assert.equal(members[0].fact.evidence.text, first.text.slice(members[0].fact.evidence.start, members[0].fact.evidence.end));
      const latest = (await store().listMembers('event', ['ev-1'], { perFact: 1, latestFirst: true })).get('ev-1') ?? [];
      assert.deepEqual(latest.map((member) => member.documentId), [second.id]);
      assert.deepEqual(((await store().listMembers('event', ['ev-1'], { from: '2025-11-27', to: '2025-11-27' })).get('ev-1') ?? []).map((member) => member.documentId), [second.id]);
      const shown = await store().getMergedFact('ev-1');
      assert.equal(shown?.members.length, 2);
      assert.equal(await store().getMergedFact('ev-nothing'), null);
    });

    it('finds facts by key, story, window, key prefix and document, and lists them by filter and order', async () => {
      const [first, second] = await twoReports(store());
      await store().applyReconcile(
        update(first, {
          story: story.id,
          stories: [story],
          facts: [
            talksFact('ev-1', { terms: ['Russia', 'Ukraine'] }),
            talksFact('ev-2', { windowStart: '2025-12-10', windowEnd: '2025-12-12', date: '2025-12-10', terms: ['Chad'] }),
            stanceFact('st-1', 'reject'),
          ],
          members: [{ merged: 'ev-1', fact: `${first.id}:event:0` }, { merged: 'ev-2', fact: `${first.id}:event:1` }, { merged: 'st-1', fact: `${first.id}:stance:0` }],
        }),
      );
      await store().applyReconcile(update(second, { story: story.id, facts: [stanceFact('st-2', 'accept')], members: [{ merged: 'st-2', fact: `${second.id}:stance:0` }] }));
      const ids = (facts: { id: string }[]) => facts.map((fact) => fact.id);
      assert.deepEqual(ids(await store().findMergedFacts('event', { keys: ['meeting'] })), ['ev-1', 'ev-2']);
      assert.deepEqual(ids(await store().findMergedFacts('event', { keys: ['meeting'], windowFrom: '2025-12-01', windowTo: '2025-12-31' })), ['ev-2']);
      assert.deepEqual(ids(await store().findMergedFacts('event', { keys: ['meeting'], windowFrom: '2025-11-01', windowTo: '2025-12-31', startsAfter: '2025-12-01' })), ['ev-2']);
      assert.deepEqual(ids(await store().findMergedFacts('event', { ids: ['ev-2', 'ev-9'] })), ['ev-2']);
      assert.deepEqual(ids(await store().findMergedFacts('event', { terms: ['Ukraine', 'Peru'] })), ['ev-1']);
      assert.deepEqual(ids(await store().findMergedFacts('event', { keys: ['meeting'], terms: ['Ukraine', 'Chad'], startsAfter: '2025-11-01', windowTo: '2025-11-30' })), ['ev-1']);
      assert.deepEqual(ids(await store().findMergedFacts('event', { terms: [] })), []);
      assert.deepEqual(ids(await store().findMergedFacts('stance', { story: story.id, keyPrefix: 'Ukraine|territory|' })), ['st-1', 'st-2']);
      assert.deepEqual(ids(await store().findMergedFacts('stance', { story: null })), []);
      assert.deepEqual(ids(await store().findMergedFacts('stance', { document: second.id })), ['st-2']);
      assert.deepEqual(ids(await store().listMergedFacts('event', { order: 'latest-date' })), ['ev-2', 'ev-1']);
      assert.deepEqual(ids(await store().listMergedFacts('event', { order: 'date', limit: 1 })), ['ev-1']);
      assert.deepEqual(ids(await store().listMergedFacts('stance', { since: '2025-11-27' })), ['st-2']);
      assert.deepEqual(ids(await store().listMergedFacts('stance', { firstSeenSince: '2025-11-27' })), ['st-2']);
      assert.deepEqual(ids(await store().listMergedFacts('stance', { until: '2025-11-26' })), ['st-1']);
      assert.deepEqual(ids(await store().listMergedFacts('stance', { keys: ['Ukraine|territory|accept'] })), ['st-2']);
      assert.deepEqual(ids(await store().listMergedFacts('stance', { story: 'elsewhere' })), []);
      assert.deepEqual(ids(await store().listMergedFacts('stance', { ingestedAfter: '2999-01-01T00:00:00Z' })), []);
      assert.deepEqual(ids(await store().listMergedFacts('event', { minSources: 2 })), []);

      // Reconcile counts a new report into a found fact's tallies: that changes neither the store nor the next lookup.
      for (const query of [{ ids: ['ev-1'] }, { keys: ['meeting'], terms: ['Ukraine'], nearest: { day: '2025-11-25', perTerm: 4, limit: 4 } }]) {
        const [found] = await store().findMergedFacts('event', query);
        found.tallies.place = { Geneva: 99 };
        found.tallies.added = { report: 1 };
        const [again] = await store().findMergedFacts('event', query);
        assert.deepEqual(again.tallies, { place: { Geneva: 1 } });
      }
    });

    it('moves a report between facts, dropping a fact left without reports, and detaches a superseded version', async () => {
      const [first, second] = await twoReports(store());
      await store().applyReconcile(update(first, { story: story.id, stories: [story], facts: [talksFact('ev-1')], members: [{ merged: 'ev-1', fact: `${first.id}:event:0` }] }));
      await store().applyReconcile(update(second, { story: story.id, facts: [talksFact('ev-1')], members: [{ merged: 'ev-1', fact: `${second.id}:event:0` }] }));
      await store().applyReconcile(update(second, { story: story.id, facts: [talksFact('ev-2')], members: [{ merged: 'ev-2', fact: `${second.id}:event:0` }] }));
      assert.deepEqual((await store().listMergedFacts('event')).map((fact) => [fact.id, fact.documentCount]), [['ev-1', 1], ['ev-2', 1]]);
      await store().applyReconcile(update(first, { detach: true, facts: [talksFact('ev-1')] }));
      assert.deepEqual((await store().listMergedFacts('event')).map((fact) => fact.id), ['ev-2']);
      assert.equal((await store().getStory(story.id))?.documentCount, 1);
      assert.equal((await store().getReconcileState(first.id))?.story, null);
    });

    it('refuses a member that is not a stored fact of a mergeable kind, writing nothing', async () => {
      const [first] = await twoReports(store());
      await assert.rejects(store().applyReconcile(update(first, { facts: [talksFact('ev-1')], members: [{ merged: 'ev-1', fact: `${first.id}:date:0` }] })));
      assert.equal(await store().getReconcileState(first.id), null);
      assert.deepEqual(await store().listMergedFacts('event'), []);
    });
  });

  describe('contradictions and the last brief', () => {
    it('keeps disputes by subject with both sides, finds them by document, and resolves them', async () => {
      const [first, second] = await twoReports(store());
      await store().applyReconcile(update(first));
      await store().applyReconcile(update(second));
      const evidence = (doc: Doc) => ({ documentId: doc.id, ...doc.events[0].evidence });
      const row = {
        id: 'cx-1',
        subject: 'event:ev-1:place',
        kind: 'place' as const,
        about: 'talks (Russia, Ukraine): place',
        story: null,
        sides: [
          { claim: 'Geneva', evidence: [evidence(first)] },
          { claim: 'Istanbul', evidence: [evidence(second)] },
        ],
      };
      await store().applyReconcile(update(second, { contradictions: [row] }));
      const [found] = await store().findContradictions({ subjects: ['event:ev-1:place'] });
      assert.deepEqual(found.sides.map((side) => [side.claim, side.documents.map((doc) => doc.id)]), [['Geneva', [first.id]], ['Istanbul', [second.id]]]);
      assert.equal(found.firstSeen, '2025-11-27');
      assert.equal(found.lastSeen, '2025-11-27');
      assert.deepEqual((await store().findContradictions({ document: first.id })).map((record) => record.id), ['cx-1']);
      assert.deepEqual(await store().listContradictions({ since: '2025-11-28' }), []);
      assert.equal((await store().getContradiction('cx-1'))?.about, row.about);
      await store().applyReconcile(update(second, { contradictions: [{ ...row, sides: [row.sides[0], { ...row.sides[1], claim: 'Vienna' }] }] }));
      assert.deepEqual((await store().listContradictions()).map((record) => record.sides[1].claim), ['Vienna']);
      await store().applyReconcile(update(second, { resolved: ['event:ev-1:place'] }));
      assert.deepEqual(await store().listContradictions(), []);
    });

    it('remembers when the last brief was made', async () => {
      assert.equal(await store().getLastBriefAt(), null);
      await store().recordBrief('2025-12-01T06:00:00.000Z');
      await store().recordBrief('2025-12-02T06:00:00.000Z');
      assert.equal(await store().getLastBriefAt(), '2025-12-02T06:00:00.000Z');
    });

    it('refuses to reconcile a document it does not hold', async () => {
      await assert.rejects(store().applyReconcile(update(plainDoc(['Never stored.']))));
    });
  });
}
