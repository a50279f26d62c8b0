// Events found by the term lookup may come from facts kept in memory: they must always equal what the database holds.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { passesQuery } from '../../src/store/sqlite/fact-cache.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { MergedFactQuery, MergedFactRow, Store } from '../../src/store/store.ts';
import { negotiationDoc, readFresh, reconcileUpdate as update } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-fact-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function event(id: string, place: string, fields: Partial<MergedFactRow<'event'>> = {}): MergedFactRow<'event'> {
  return {
    id,
    kind: 'event',
    story: null,
    key: 'meeting',
    windowStart: '2025-11-25',
    windowEnd: '2025-11-25',
    date: '2025-11-25',
    attributes: { type: 'talks', status: 'happened', parties: ['Russia', 'Ukraine'], participants: [], place, date: { start: '2025-11-25', end: '2025-11-25' }, duration: null, outcome: null },
    tallies: { placeStated: { [place]: 1 } },
    terms: ['meeting|Russia|day:2025-11-25'],
    ...fields,
  };
}

const lookup: MergedFactQuery = {
  keys: ['meeting'],
  terms: ['meeting|Russia|day:2025-11-25'],
  windowFrom: '2025-11-20',
  windowTo: '2025-11-30',
  startsAfter: '2025-09-01',
  nearest: { day: '2025-11-24', perTerm: 12, limit: 32 },
};

async function placesFound(store: Store): Promise<(string | null)[]> {
  return (await store.findMergedFacts('event', lookup)).map((fact) => fact.attributes.place);
}

describe('merged facts kept in memory', () => {
  it('follow what this connection writes, what another commits, and forget what was rolled back', async () => {
    const path = join(dir, 'events.db');
    const mine = await openSqliteStore(path);
    const doc = negotiationDoc({ url: 'https://wire.example/geneva', published: '2025-11-26' });
    await mine.putDocument(doc);
    await mine.applyReconcile(update(doc, { facts: [event('ev-1', 'Geneva')], members: [{ merged: 'ev-1', fact: `${doc.id}:event:0` }] }));
    assert.deepEqual(await placesFound(mine), ['Geneva']);
    const [read] = await mine.findMergedFacts('event', lookup);
    assert.throws(() => (read.attributes.parties as string[]).push('Chad'), TypeError, 'shared attributes are frozen');
    read.tallies.placeStated.Geneva = 99;
    assert.deepEqual((await mine.findMergedFacts('event', lookup))[0].tallies, { placeStated: { Geneva: 1 } }, 'tallies are the caller’s own');

    await mine.applyReconcile(update(doc, { facts: [event('ev-1', 'Vienna')] }));
    assert.deepEqual(await placesFound(mine), ['Vienna']);

    const other = await openSqliteStore(path);
    await other.applyReconcile(update(doc, { facts: [event('ev-1', 'Bern', { windowStart: '2025-11-22', windowEnd: '2025-11-23' })] }));
    await other.close();
    assert.deepEqual(await placesFound(mine), ['Bern']);
    assert.deepEqual(await placesFound(mine), await readFresh(path, placesFound));

    // The member names a document that is not stored: the update fails after the fact was rewritten.
    const failing = update(doc, { facts: [event('ev-1', 'Oslo')], members: [{ merged: 'ev-1', fact: 'not-stored:event:0' }] });
    await assert.rejects(mine.applyReconcile(failing));
    assert.deepEqual(await placesFound(mine), ['Bern']);
    await mine.close();
  });

  it('filter as the SQL lookup by ids does', async () => {
    const store = await openSqliteStore(':memory:');
    const doc = negotiationDoc({ url: 'https://daily.example/geneva', published: '2025-11-27' });
    await store.putDocument(doc);
    const days = [null, '2025-11-01', '2025-11-10', '2025-11-20', '2025-11-30'];
    const facts: MergedFactRow<'event'>[] = [];
    for (const [i, start] of days.entries()) {
      for (const [j, end] of days.entries()) {
        if (start !== null && end !== null && end < start) continue;
        facts.push(event(`ev-${i}-${j}`, 'Geneva', { story: (i + j) % 2 ? 'geneva-round' : null, key: j % 3 ? 'meeting' : 'call', windowStart: start, windowEnd: end }));
      }
    }
    await store.applyReconcile(update(doc, { facts, members: facts.map((fact, ordinal) => ({ merged: fact.id, fact: `${doc.id}:event:${ordinal}` })) }));
    const ids = facts.map((fact) => fact.id);
    const all = await store.findMergedFacts('event', { ids });
    let compared = 0;
    for (const from of [undefined, ...days.slice(1)]) {
      for (const to of [undefined, ...days.slice(1)]) {
        for (const startsAfter of [undefined, '2025-11-05', '2025-11-20']) {
          for (const story of [undefined, null, 'geneva-round']) {
            for (const keys of [undefined, ['meeting'], ['call', 'meeting']]) {
              const query = { windowFrom: from ?? undefined, windowTo: to ?? undefined, startsAfter, story, keys };
              const bySql = (await store.findMergedFacts('event', { ids, ...query })).map((fact) => fact.id);
              assert.deepEqual(all.filter((fact) => passesQuery(fact, 'event', query)).map((fact) => fact.id), bySql, JSON.stringify(query));
              compared += 1;
            }
          }
        }
      }
    }
    assert.ok(compared > 500);
    await store.close();
  });
});
