// ingestInBatches: every item handled in order, commits at the document and time limits, and a failure keeps what came before it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Doc } from '../../src/doc/types.ts';
import { ingestInBatches } from '../../src/reconcile/ingest-document.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import { plainDoc } from '../store/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-batches-'));
let files = 0;
const freshPath = () => join(dir, `ingest-${++files}.db`);

after(() => rmSync(dir, { recursive: true, force: true }));

const places = ['Vienna', 'Oslo', 'Doha', 'Nairobi', 'Lima', 'Hanoi', 'Tunis'];

/** The n-th short dispatch (from 1), each at a URL of its own. */
function dispatch(n: number): Doc {
  const place = places[(n - 1) % places.length];
  return plainDoc([`Delegates gathered in ${place} for round ${n} of the ceasefire talks.`, `Round ${n} ended without a joint statement.`], {
    url: `https://dispatch.example/round-${n}`,
    title: `Round ${n} in ${place}`,
  });
}

/** Yields `docs` one by one and notes whether the consumer closed it early. */
function trackedSource(docs: readonly Doc[]): { source: AsyncIterable<Doc>; state: { yielded: number; closedEarly: boolean } } {
  const state = { yielded: 0, closedEarly: false };
  async function* generate(): AsyncGenerator<Doc> {
    let done = false;
    try {
      for (const doc of docs) {
        state.yielded += 1;
        yield doc;
      }
      done = true;
    } finally {
      if (!done) state.closedEarly = true;
    }
  }
  return { source: generate(), state };
}

/**
 * The store with its batches counted, and `put`: a handler that stores a document and notes in
 * `batchOfItem` which batch it came in. A batch that handles nothing while items remain would repeat
 * forever, so after `maxBatches` the wrapper throws instead of hanging the test.
 */
function countingBatches(store: Store, options: { maxBatches?: number } = {}): { store: Store; batches: () => number; batchOfItem: number[]; put: (doc: Doc) => Promise<void> } {
  const maxBatches = options.maxBatches ?? 100;
  let batches = 0;
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'inBatch') {
        return <T>(work: () => Promise<T>): Promise<T> => {
          batches += 1;
          if (batches > maxBatches) return Promise.reject(new Error(`more than ${maxBatches} batches: a batch handled no item`));
          return target.inBatch(work);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const batchOfItem: number[] = [];
  const put = async (doc: Doc): Promise<void> => {
    batchOfItem.push(batches);
    await counted.putDocument(doc);
  };
  return { store: counted, batches: () => batches, batchOfItem, put };
}

const storedIds = async (store: Store): Promise<string[]> => (await store.listDocuments()).map((summary) => summary.id).sort();

describe('ingestInBatches', () => {
  it('hands every item to `handle` in order, inside a batch, and stores them all', async () => {
    const store = await openSqliteStore(':memory:');
    const docs = [1, 2, 3, 4, 5].map(dispatch);
    const { store: counted, batches, batchOfItem, put } = countingBatches(store);
    const handled: string[] = [];
    try {
      await ingestInBatches(counted, trackedSource(docs).source, async (doc) => {
        handled.push(doc.id);
        await put(doc);
      });
      assert.deepEqual(handled, docs.map((doc) => doc.id));
      assert.deepEqual(batchOfItem, [1, 1, 1, 1, 1], 'the default limits put five items in one batch');
      assert.equal(batches(), 1);
      assert.deepEqual(await storedIds(store), docs.map((doc) => doc.id).sort());
    } finally {
      await store.close();
    }
  });

  it('commits every `documents` items: five items two at a time make three batches, each seen by other readers when it ends', async () => {
    const path = freshPath();
    const store = await openSqliteStore(path);
    const reader = await openSqliteStore(path);
    const docs = [1, 2, 3, 4, 5].map(dispatch);
    const { store: counted, batches, batchOfItem, put } = countingBatches(store);
    const seenByReader: number[] = [];
    try {
      await ingestInBatches(
        counted,
        trackedSource(docs).source,
        async (doc) => {
          seenByReader.push((await reader.listDocuments()).length);
          await put(doc);
        },
        { documents: 2, milliseconds: 1e9 },
      );
      assert.equal(batches(), 3);
      assert.deepEqual(batchOfItem, [1, 1, 2, 2, 3]);
      assert.deepEqual(seenByReader, [0, 0, 2, 2, 4], 'a reader sees whole batches only');
      assert.deepEqual(await storedIds(reader), docs.map((doc) => doc.id).sort());
    } finally {
      await reader.close();
      await store.close();
    }
  });

  it('commits before waiting for an input that is slow to read, and starts the next batch with it', async () => {
    const path = freshPath();
    const store = await openSqliteStore(path);
    const reader = await openSqliteStore(path);
    const docs = [1, 2, 3, 4].map(dispatch);
    const seenWhileReading: number[] = [];
    // The third input takes a while to arrive, as a fetched page can.
    async function* slowThird(): AsyncGenerator<Doc> {
      for (const [index, doc] of docs.entries()) {
        if (index === 2) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          seenWhileReading.push((await reader.listDocuments()).length);
        }
        yield doc;
      }
    }
    const { store: counted, batchOfItem, put } = countingBatches(store);
    try {
      await ingestInBatches(
        counted,
        slowThird(),
        put,
        { documents: 100, milliseconds: 1e9 },
      );
      assert.deepEqual(seenWhileReading, [2], 'the first two were committed before the slow read was waited for');
      assert.deepEqual(batchOfItem, [1, 1, 2, 2]);
      assert.deepEqual(await storedIds(reader), docs.map((doc) => doc.id).sort());
    } finally {
      await reader.close();
      await store.close();
    }
  });

  it('ends a batch on the time limit: with no time at all, one item per batch', async () => {
    const store = await openSqliteStore(':memory:');
    const docs = [1, 2, 3].map(dispatch);
    const { store: counted, batchOfItem, put } = countingBatches(store, { maxBatches: 20 });
    try {
      await ingestInBatches(
        counted,
        trackedSource(docs).source,
        put,
        { documents: 1000, milliseconds: 0 },
      );
      assert.deepEqual(batchOfItem, [1, 2, 3]);
      assert.deepEqual(await storedIds(store), docs.map((doc) => doc.id).sort());
    } finally {
      await store.close();
    }
  });

  it('handles nothing from an empty source and leaves the store empty and usable', async () => {
    const store = await openSqliteStore(':memory:');
    const { source, state } = trackedSource([]);
    let handled = 0;
    try {
      await ingestInBatches(store, source, async () => {
        handled += 1;
      });
      assert.equal(handled, 0);
      assert.equal(state.closedEarly, false);
      assert.deepEqual(await store.listDocuments(), []);
      assert.equal((await store.putDocument(dispatch(1))).status, 'inserted');
    } finally {
      await store.close();
    }
  });

  it('when `handle` throws on item 3, keeps items 1 and 2, passes the error on and closes the source', async () => {
    const path = freshPath();
    const store = await openSqliteStore(path);
    const docs = [1, 2, 3, 4, 5].map(dispatch);
    const { source, state } = trackedSource(docs);
    const failure = new Error('round 3 could not be read');
    const handled: string[] = [];
    try {
      await assert.rejects(
        ingestInBatches(store, source, async (doc) => {
          handled.push(doc.id);
          if (doc.id === docs[2].id) throw failure;
          await store.putDocument(doc);
        }),
        (error: unknown) => error === failure,
      );
      assert.deepEqual(handled, [docs[0].id, docs[1].id, docs[2].id]);
      assert.equal(state.yielded, 3, 'nothing is read past the failure');
      assert.equal(state.closedEarly, true, "the source's finally block ran");
      assert.deepEqual(await storedIds(store), [docs[0].id, docs[1].id].sort());
    } finally {
      await store.close();
    }
    const reopened = await openSqliteStore(path);
    try {
      assert.deepEqual(await storedIds(reopened), [docs[0].id, docs[1].id].sort(), 'the first two were committed');
    } finally {
      await reopened.close();
    }
  });
});
