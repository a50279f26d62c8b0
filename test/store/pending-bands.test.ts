// Band keys written in a batch wait for its commit: the near-duplicate lookup must find them meanwhile exactly as if they were stored.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Doc } from '../../src/doc/types.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { ReconcileUpdate, Store } from '../../src/store/store.ts';
import { negotiationDoc, readDatabase, readFresh } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-pending-bands-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function withBands(doc: Doc, bandKeys: number[], fields: Partial<ReconcileUpdate> = {}): ReconcileUpdate {
  const sketch = { shingles: 40, signature: Uint32Array.from([7, 8, 9]), bandKeys };
  return { documentId: doc.id, sourceGroup: doc.id, story: null, sketch, stories: [], storyFeatures: [], facts: [], members: [], contradictions: [], resolved: [], ...fields };
}

const outlet = (n: number) => negotiationDoc({ url: `https://outlet${n}.example/geneva`, source: `outlet${n}.example`, published: '2025-11-26' });

/** Candidates as (document, shared bands), in the order the store ranks them. */
async function shared(store: Store, keys: readonly number[]): Promise<[string, number][]> {
  return (await store.findSketchCandidates(keys)).map((candidate) => [candidate.documentId, candidate.sharedBands]);
}

function storedBands(path: string): { band_key: number; doc: number }[] {
  return readDatabase(path, (db) => db.prepare('SELECT band_key, doc FROM sketch_bands ORDER BY band_key, doc').all() as { band_key: number; doc: number }[]);
}

describe('band keys held back in a batch', () => {
  it('are found before the commit as after it, the most recent documents of a band first across stored and waiting ones', async () => {
    const path = join(dir, 'batches.db');
    const store = await openSqliteStore(path);
    const docs = Array.from({ length: 45 }, (_, i) => outlet(i));
    // Band 5 is shared by every document (more than a band reads); band 6 by every third; band 100 + i is each one's own.
    const bandsOf = (i: number) => [5, ...(i % 3 === 0 ? [6] : []), 100 + i];
    await store.inBatch(async () => {
      for (const [i, doc] of docs.slice(0, 20).entries()) {
        await store.putDocument(doc);
        await store.applyReconcile(withBands(doc, bandsOf(i)));
      }
    });
    let during: [string, number][] = [];
    await store.inBatch(async () => {
      for (const [i, doc] of docs.slice(20).entries()) {
        await store.putDocument(doc);
        await store.applyReconcile(withBands(doc, bandsOf(20 + i)));
      }
      assert.equal(storedBands(path).length, 20 + 7 + 20, 'the second batch has written no band key yet');
      during = await shared(store, [5, 6, 121, 999]);
    });
    assert.deepEqual(during, await readFresh(path, (fresh) => shared(fresh, [5, 6, 121, 999])));
    // Band 5 reads the 30 most recent of its 45 documents (15..44); band 6 all of its 15 (0, 3, … 42); doc 21 is in all three.
    assert.deepEqual(during[0], [docs[21].id, 3]);
    const expected = [...docs.slice(15), ...docs.slice(0, 15).filter((_, i) => i % 3 === 0)];
    assert.deepEqual(new Set(during.map(([id]) => id)), new Set(expected.map((doc) => doc.id)));
    assert.equal(during.length, expected.length);
    assert.equal(storedBands(path).length, 45 + 15 + 45);
    await store.close();
  });

  it('follow a document reconciled again in the same batch, and leave nothing of an update that rolled back', async () => {
    const path = join(dir, 'rolled-back.db');
    const store = await openSqliteStore(path);
    const [a, b] = [outlet(1), outlet(2)];
    await store.inBatch(async () => {
      await store.putDocuments([a, b]);
      await store.applyReconcile(withBands(a, [1, 2, 3]));
      await store.applyReconcile(withBands(a, [3, 4]));
      assert.deepEqual(await shared(store, [1, 2, 3, 4]), [[a.id, 2]]);
      // b's update names a member that is no mergeable fact: it rolls back, its band keys with it.
      await assert.rejects(store.applyReconcile(withBands(b, [4, 7], { members: [{ merged: 'st-x', fact: `${b.id}:date:0` }] })));
      assert.deepEqual(await shared(store, [4, 7]), [[a.id, 1]]);
    });
    assert.deepEqual(
      storedBands(path).map((row) => row.band_key),
      [3, 4],
    );
    await store.close();
  });

  it('are written when a batch\'s work throws, as the rest of its work is', async () => {
    const path = join(dir, 'failed-batch.db');
    const store = await openSqliteStore(path);
    const [a, b] = [outlet(1), outlet(2)];
    await store.putDocuments([a, b]);
    await store.applyReconcile(withBands(a, [1]));
    // ingestInBatches commits what a batch did when its work throws: keys of updates that were applied are kept.
    await assert.rejects(
      store.inBatch(async () => {
        await store.applyReconcile(withBands(b, [1, 2]));
        throw new Error('the input stream broke');
      }),
      /input stream broke/,
    );
    assert.deepEqual(await shared(store, [1, 2]), [[b.id, 2], [a.id, 1]]);
    assert.deepEqual(storedBands(path).length, 3);
    await store.close();
  });
});
