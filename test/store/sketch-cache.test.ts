// Near-duplicate candidates may come from sketches kept in memory: they must always equal what a fresh connection reads.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Doc } from '../../src/doc/types.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { SketchCache } from '../../src/store/sqlite/sketch-cache.ts';
import type { ReconcileUpdate, SketchCandidate, Store } from '../../src/store/store.ts';
import { negotiationDoc, readFresh } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-sketch-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const bands = [11, 12, 13];
const sketch = { shingles: 50, signature: Uint32Array.from([1, 2, 3, 4]), bandKeys: bands };

function update(doc: Doc, fields: Partial<ReconcileUpdate> = {}): ReconcileUpdate {
  return { documentId: doc.id, sourceGroup: doc.id, story: null, sketch, stories: [], storyFeatures: [], facts: [], members: [], contradictions: [], resolved: [], ...fields };
}

const story = { id: 'geneva-round', label: 'Russia – Ukraine', parties: ['Russia', 'Ukraine'], issues: [], places: ['Geneva'], profile: {} };

/** What a store answers for the shared bands, as plain data. */
async function candidates(store: Store): Promise<Omit<SketchCandidate, 'signature'>[]> {
  return (await store.findSketchCandidates(bands)).map(({ signature, ...rest }) => {
    assert.deepEqual([...signature], [...sketch.signature]);
    return rest;
  });
}

describe('sketches kept in memory', () => {
  it('follow the source group and story this connection writes, and what another connection commits', async () => {
    const path = join(dir, 'two-connections.db');
    const mine = await openSqliteStore(path);
    const doc = negotiationDoc({ url: 'https://wire.example/geneva', published: '2025-11-26' });
    await mine.putDocument(doc);
    await mine.applyReconcile(update(doc, { story: story.id, stories: [story] }));
    assert.deepEqual(await candidates(mine), [{ documentId: doc.id, sharedBands: 3, shingles: 50, sourceGroup: doc.id, story: story.id }]);

    await mine.applyReconcile(update(doc, { sourceGroup: 'wire-group', story: null }));
    assert.deepEqual(await candidates(mine), await readFresh(path, candidates));
    assert.equal((await candidates(mine))[0].sourceGroup, 'wire-group');

    // Another connection takes the document out of its story: the cached sketch must not hide that.
    await mine.applyReconcile(update(doc, { story: story.id }));
    assert.equal((await candidates(mine))[0].story, story.id);
    const other = await openSqliteStore(path);
    await other.applyReconcile(update(doc, { sourceGroup: 'wire-group', story: null, sketch: null, detach: true }));
    await other.close();
    assert.deepEqual(await candidates(mine), await readFresh(path, candidates));
    assert.equal((await candidates(mine))[0].story, null);
    await mine.close();
  });

  it('never hold an update that was rolled back', async () => {
    const path = join(dir, 'rolled-back.db');
    const store = await openSqliteStore(path);
    const doc = negotiationDoc({ url: 'https://daily.example/geneva', published: '2025-11-27' });
    await store.putDocument(doc);
    await store.applyReconcile(update(doc));
    assert.equal((await candidates(store))[0].sourceGroup, doc.id);
    // The member names a document that is not stored: the whole update fails after the sketch was written.
    const failing = update(doc, { sourceGroup: 'other-group', members: [{ merged: 'ev-missing', fact: 'not-stored:event:0' }] });
    await assert.rejects(store.applyReconcile(failing));
    assert.deepEqual(await candidates(store), await readFresh(path, candidates));
    assert.equal((await candidates(store))[0].sourceGroup, doc.id);
    await store.close();
  });

  it('drop the sketch least recently used once full', () => {
    const cache = new SketchCache(2);
    const entry = (documentId: string) => ({ documentId, shingles: 1, signature: new Uint32Array(1), sourceGroup: documentId, story: null });
    cache.set(1, entry('a'));
    cache.set(2, entry('b'));
    cache.set(1, entry('a2'));
    cache.set(3, entry('c'));
    assert.equal(cache.get(2), undefined);
    assert.equal(cache.get(1)?.documentId, 'a2');
    assert.equal(cache.get(3)?.documentId, 'c');
  });
});
