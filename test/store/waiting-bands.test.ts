// Band keys wait in a small table before they go into sketch_bands together: the near-duplicate lookup must find them meanwhile exactly as if they were stored, from any connection.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Doc } from '../../src/doc/types.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { ReconcileUpdate, Store } from '../../src/store/store.ts';
import type Database from 'better-sqlite3';
import { negotiationDoc, readDatabase, readFresh, reconcileUpdate } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-waiting-bands-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function withBands(doc: Doc, bandKeys: number[], fields: Partial<ReconcileUpdate> = {}): ReconcileUpdate {
  return reconcileUpdate(doc, { sketch: { shingles: 40, signature: Uint32Array.from([7, 8, 9]), bandKeys }, ...fields });
}

const outlet = (n: number) => negotiationDoc({ url: `https://outlet${n}.example/geneva`, source: `outlet${n}.example`, published: '2025-11-26' });

/** Candidates as (document, shared bands), in the order the store ranks them. */
async function shared(store: Store, keys: readonly number[]): Promise<[string, number][]> {
  return (await store.findSketchCandidates(keys)).map((candidate) => [candidate.documentId, candidate.sharedBands]);
}

/** Band rows written into sketch_bands, and how many documents still wait. */
function bandTables(path: string): { stored: { band_key: number; doc: number }[]; waiting: number } {
  return readDatabase(path, (db) => ({
    stored: db.prepare('SELECT band_key, doc FROM sketch_bands ORDER BY band_key, doc').all() as { band_key: number; doc: number }[],
    waiting: (db.prepare('SELECT count(*) AS n FROM sketch_bands_waiting').get() as { n: number }).n,
  }));
}

async function reconcileAll(store: Store, docs: readonly Doc[], bandsOf: (doc: Doc, i: number) => number[]): Promise<void> {
  for (const [i, doc] of docs.entries()) {
    await store.putDocument(doc);
    await store.applyReconcile(withBands(doc, bandsOf(doc, i)));
  }
}

describe('band keys waiting to be written together', () => {
  it('are found while they wait as after they are written, the most recent documents of a band first across stored and waiting ones', async () => {
    const path = join(dir, 'batches.db');
    const store = await openSqliteStore(path, { bandsWaitingLimit: 20 });
    const docs = Array.from({ length: 45 }, (_, i) => outlet(i));
    // Band 5 is shared by every document (more than a band reads); band 6 by every third; band 100 + i is each one's own.
    const bandsOf = (i: number) => [5, ...(i % 3 === 0 ? [6] : []), 100 + i];
    await store.inBatch(() => reconcileAll(store, docs.slice(0, 20), (_, i) => bandsOf(i)));
    assert.equal(bandTables(path).waiting, 0, 'twenty documents waited: written at the commit');
    assert.equal(bandTables(path).stored.length, 20 + 7 + 20);
    let during: [string, number][] = [];
    await store.inBatch(async () => {
      await reconcileAll(store, docs.slice(20), (_, i) => bandsOf(20 + i));
      during = await shared(store, [5, 6, 121, 999]);
    });
    assert.deepEqual(during, await readFresh(path, (fresh) => shared(fresh, [5, 6, 121, 999])));
    // Band 5 reads the 30 most recent of its 45 documents (15..44); band 6 all of its 15 (0, 3, … 42); doc 21 is in all three.
    assert.deepEqual(during[0], [docs[21].id, 3]);
    const expected = [...docs.slice(15), ...docs.slice(0, 15).filter((_, i) => i % 3 === 0)];
    assert.deepEqual(new Set(during.map(([id]) => id)), new Set(expected.map((doc) => doc.id)));
    assert.equal(during.length, expected.length);
    const tables = bandTables(path);
    assert.equal(tables.stored.length, 45 + 15 + 45);
    assert.equal(tables.waiting, 0);
    await store.close();
  });

  it('outlast the process that wrote them: the next one, and any other connection, reads them from their table', async () => {
    const path = join(dir, 'reopened.db');
    const docs = Array.from({ length: 6 }, (_, i) => outlet(i));
    const store = await openSqliteStore(path);
    await store.inBatch(() => reconcileAll(store, docs.slice(0, 3), (_, i) => [1, 10 + i]));
    await reconcileAll(store, docs.slice(3), (_, i) => [1, 2, 20 + i]);
    const before = await shared(store, [1, 2, 10, 20]);
    assert.deepEqual(bandTables(path), { stored: [], waiting: 6 });
    assert.deepEqual(await readFresh(path, (fresh) => shared(fresh, [1, 2, 10, 20])), before, 'another connection reads the waiting keys');
    await store.close();
    assert.deepEqual(await readFresh(path, (reopened) => shared(reopened, [1, 2, 10, 20])), before, 'the next process reads them');
    assert.deepEqual(before[0], [docs[3].id, 3]);
    assert.equal(before.length, 6);
  });

  it('follow a document reconciled again, and leave nothing of an update that rolled back', async () => {
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
    assert.deepEqual(await readFresh(path, (fresh) => shared(fresh, [1, 2, 3, 4, 7])), [[a.id, 2]]);
    assert.equal(bandTables(path).waiting, 1);
    await store.close();
  });

  it('are kept when a batch\'s work throws, as the rest of its work is', async () => {
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
    assert.deepEqual(await readFresh(path, (fresh) => shared(fresh, [1, 2])), [[b.id, 2], [a.id, 1]]);
    await store.close();
  });

  it('of a batch whose commit fails are gone with it, from the table and from the lookup', async () => {
    const path = join(dir, 'failed-commit.db');
    const store = await openSqliteStore(path);
    const [a, b] = [outlet(1), outlet(2)];
    await store.putDocument(a);
    await store.applyReconcile(withBands(a, [1]));
    // A foreign key checked only at COMMIT makes the commit itself fail, after the batch's work succeeded.
    const connection = (store as unknown as { db: Database.Database }).db;
    await assert.rejects(
      store.inBatch(async () => {
        await store.putDocument(b);
        await store.applyReconcile(withBands(b, [1, 2]));
        assert.deepEqual(await shared(store, [1, 2]), [[b.id, 2], [a.id, 1]], 'waiting inside the batch');
        connection.pragma('defer_foreign_keys = ON');
        connection.prepare('INSERT INTO sketch_bands (band_key, doc) VALUES (3, 999999)').run();
      }),
      (error: Error) => error.message.includes(`cannot commit to ${path}`),
    );
    assert.deepEqual(await shared(store, [1, 2]), [[a.id, 1]]);
    assert.deepEqual(await readFresh(path, (fresh) => shared(fresh, [1, 2])), [[a.id, 1]]);
    assert.equal(bandTables(path).waiting, 1, "only the first document's keys wait");
    assert.equal(await store.getDocument(b.id), null);
    await store.close();
  });

  it('written by another connection are seen once it commits', async () => {
    const path = join(dir, 'two-writers.db');
    const first = await openSqliteStore(path);
    const second = await openSqliteStore(path);
    const [a, b] = [outlet(1), outlet(2)];
    await reconcileAll(first, [a], () => [1, 2]);
    assert.deepEqual(await shared(first, [1, 2]), [[a.id, 2]]);
    await reconcileAll(second, [b], () => [2, 3]);
    // Of documents sharing as many bands, the most recently stored first.
    assert.deepEqual(await shared(first, [1, 2, 3]), [[b.id, 2], [a.id, 2]]);
    await first.close();
    await second.close();
  });

  it('go into sketch_bands in key order once enough documents wait, outside a batch with the next update', async () => {
    const path = join(dir, 'limit.db');
    const store = await openSqliteStore(path, { bandsWaitingLimit: 3 });
    const docs = Array.from({ length: 4 }, (_, i) => outlet(i));
    await reconcileAll(store, docs.slice(0, 3), (_, i) => (i < 2 ? [9 - i, 1] : [5]));
    assert.deepEqual(bandTables(path), { stored: [], waiting: 3 });
    await reconcileAll(store, docs.slice(3), () => [1]);
    const written = bandTables(path);
    assert.equal(written.waiting, 1, 'the update that wrote them waits itself');
    assert.deepEqual(
      written.stored.map((row) => row.band_key),
      [1, 1, 5, 8, 9],
    );
    assert.deepEqual(
      (await shared(store, [1])).map(([id]) => id),
      [docs[3].id, docs[1].id, docs[0].id],
    );
    await store.close();
  });

  it('stay waiting when the update outside a batch that would write them fails: neither is committed', async () => {
    const path = join(dir, 'limit-failed.db');
    const store = await openSqliteStore(path, { bandsWaitingLimit: 2 });
    const docs = Array.from({ length: 3 }, (_, i) => outlet(i));
    await reconcileAll(store, docs.slice(0, 2), (_, i) => [1, 10 + i]);
    await store.putDocument(docs[2]);
    // The update names a member that is no mergeable fact: it fails after the waiting keys were written in its transaction.
    await assert.rejects(store.applyReconcile(withBands(docs[2], [1, 12], { members: [{ merged: 'st-x', fact: `${docs[2].id}:date:0` }] })));
    assert.deepEqual(bandTables(path), { stored: [], waiting: 2 });
    assert.equal(await store.getReconcileState(docs[2].id), null);
    const expected: [string, number][] = [[docs[1].id, 1], [docs[0].id, 1]];
    assert.deepEqual(await shared(store, [1, 12]), expected, 'the lookup still finds the waiting keys');
    assert.deepEqual(await readFresh(path, (fresh) => shared(fresh, [1, 12])), expected);
    await store.applyReconcile(withBands(docs[2], [1, 12]));
    assert.deepEqual(bandTables(path), { stored: [{ band_key: 1, doc: 1 }, { band_key: 1, doc: 2 }, { band_key: 10, doc: 1 }, { band_key: 11, doc: 2 }], waiting: 1 });
    assert.deepEqual(await shared(store, [1, 12]), [[docs[2].id, 2], ...expected]);
    await store.close();
  });
});
