// A merged fact's counts are kept as reports arrive, not recounted: after every kind of change they must equal a recount of its members.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Doc } from '../../src/doc/types.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { MergedFactRow, ReconcileUpdate, Store } from '../../src/store/store.ts';
import { negotiationDoc } from './fixtures.ts';
import { keptAndRecounted, recount } from './recount.ts';

function update(doc: Doc, sourceGroup: string, fields: Partial<ReconcileUpdate> = {}): ReconcileUpdate {
  return { documentId: doc.id, sourceGroup, story: null, sketch: null, stories: [], storyFeatures: [], facts: [], members: [], contradictions: [], resolved: [], ...fields };
}

function fact(id: string, kind: 'event' | 'stance' = 'event'): MergedFactRow {
  if (kind === 'stance') {
    return {
      id, kind, story: null, key: 'Ukraine|territory|reject', windowStart: null, windowEnd: null, date: null, tallies: {},
      attributes: { party: 'Ukraine', issue: 'territory', act: 'reject', actors: [], summary: 'keeps its land', confidence: 0.8 },
    };
  }
  return {
    id, kind, story: null, key: 'meeting', windowStart: '2025-11-25', windowEnd: '2025-11-25', date: '2025-11-25', tallies: {},
    attributes: { type: 'talks', status: 'happened', parties: ['Russia', 'Ukraine'], participants: [], place: 'Geneva', date: { start: '2025-11-25', end: '2025-11-25' }, duration: null, outcome: null },
  };
}

/** Four outlets' copies of the Geneva story: the first two are one wire's, the last has no publication date. */
function outlets(): Doc[] {
  return [
    negotiationDoc({ url: 'https://wire.example/geneva', source: 'wire.example', published: '2025-11-26' }),
    negotiationDoc({ url: 'https://reprint.example/geneva', source: 'reprint.example', published: '2025-11-28' }),
    negotiationDoc({ url: 'https://daily.example/geneva', source: 'daily.example', published: '2025-11-25' }),
    negotiationDoc({ url: 'https://undated.example/geneva', source: 'undated.example', published: null }),
  ];
}

async function assertCountsRight(store: Store): Promise<void> {
  for (const kind of ['event', 'stance'] as const) {
    const { kept, recounted } = await keptAndRecounted(store, kind);
    assert.deepEqual(kept, recounted, `${kind} counts`);
  }
}

describe('merged fact counts', () => {
  it('equal a recount of the members after reports join, move, change source group and leave', async () => {
    const store = await openSqliteStore(':memory:');
    const [wire, reprint, daily, undated] = outlets();
    await store.putDocuments([wire, reprint, daily, undated]);

    // Two reports of one document in one fact count it once.
    await store.applyReconcile(update(wire, wire.id, {
      facts: [fact('ev-geneva'), fact('st-land', 'stance')],
      members: [{ merged: 'ev-geneva', fact: `${wire.id}:event:0` }, { merged: 'ev-geneva', fact: `${wire.id}:event:1` }, { merged: 'st-land', fact: `${wire.id}:stance:0` }],
    }));
    await store.applyReconcile(update(reprint, wire.id, { facts: [fact('ev-geneva')], members: [{ merged: 'ev-geneva', fact: `${reprint.id}:event:0` }] }));
    await store.applyReconcile(update(daily, daily.id, {
      facts: [fact('ev-geneva'), fact('st-land', 'stance')],
      members: [{ merged: 'ev-geneva', fact: `${daily.id}:event:0` }, { merged: 'st-land', fact: `${daily.id}:stance:0` }],
    }));
    await store.applyReconcile(update(undated, undated.id, { facts: [fact('ev-geneva')], members: [{ merged: 'ev-geneva', fact: `${undated.id}:event:0` }] }));
    const [geneva] = await store.findMergedFacts('event', { ids: ['ev-geneva'] });
    assert.deepEqual(
      { documents: geneva.documentCount, sources: geneva.independentSources, first: geneva.firstSeen, last: geneva.lastSeen },
      { documents: 4, sources: 3, first: '2025-11-25', last: '2025-11-28' },
    );
    await assertCountsRight(store);

    // The daily's report moves to another fact: both are recounted.
    await store.applyReconcile(update(daily, daily.id, {
      facts: [fact('ev-geneva-2'), fact('st-land', 'stance')],
      members: [{ merged: 'ev-geneva-2', fact: `${daily.id}:event:0` }, { merged: 'st-land', fact: `${daily.id}:stance:0` }],
    }));
    assert.equal((await recount(store, 'event', 'ev-geneva')).firstSeen, '2025-11-26');
    await assertCountsRight(store);

    // The reprint turns out to be its own source; its report stays where it was.
    await store.applyReconcile(update(reprint, reprint.id));
    assert.equal((await store.findMergedFacts('event', { ids: ['ev-geneva'] }))[0].independentSources, 3);
    await assertCountsRight(store);

    // Superseded versions leave; a fact left without reports goes.
    await store.applyReconcile(update(wire, wire.id, { detach: true, facts: [fact('ev-geneva'), fact('st-land', 'stance')] }));
    await assertCountsRight(store);
    await store.applyReconcile(update(daily, daily.id, { detach: true, facts: [fact('ev-geneva-2'), fact('st-land', 'stance')] }));
    assert.deepEqual((await store.listMergedFacts('event')).map((found) => [found.id, found.documentCount]), [['ev-geneva', 2]]);
    assert.deepEqual(await store.listMergedFacts('stance'), []);
    await assertCountsRight(store);
    await store.close();
  });
});
