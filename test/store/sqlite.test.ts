// Runs the Store contract against the SQLite backend, plus what only SQLite has: the file, its pragmas, opening errors.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { StoreError } from '../../src/store/errors.ts';
import { openStore } from '../../src/store/open.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { runStoreContract } from './contract.ts';
import { changeDatabase, generatedDoc, negotiationDoc, plainDoc, readDatabase } from './fixtures.ts';
import type { StanceAct } from '../../src/doc/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
let files = 0;
const freshPath = () => join(dir, `store-${++files}.db`);

after(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite', () => openSqliteStore(freshPath()));

async function assertStoreError(promise: Promise<unknown>, code: StoreError['code'], pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof StoreError);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('SQLite store file', () => {
  it('is created in WAL mode and readable by a second connection while open', async () => {
    const path = freshPath();
    const store = await openSqliteStore(path);
    const doc = negotiationDoc();
    await store.putDocument(doc);
    try {
      readDatabase(path, (reader) => {
        assert.equal(reader.pragma('journal_mode', { simple: true }), 'wal');
        assert.deepEqual(reader.prepare('SELECT id FROM documents').all(), [{ id: doc.id }]);
      });
    } finally {
      await store.close();
    }
  });

  it('keeps the data across close and reopen, and passes its integrity checks', async () => {
    const path = freshPath();
    const doc = negotiationDoc();
    const first = await openSqliteStore(path);
    await first.putDocument(doc);
    await first.close();
    const second = await openSqliteStore(path);
    try {
      assert.equal((await second.getDocument(doc.id))?.text, doc.text);
      assert.equal((await second.search('Geneva')).length, 1);
      assert.deepEqual(await second.checkIntegrity(), []);
    } finally {
      await second.close();
    }
  });

  it('shows a batch to another connection only once the batch has returned', async () => {
    const path = freshPath();
    const writer = await openSqliteStore(path);
    const reader = await openStore(path);
    const early = generatedDoc(61, { sentences: 6 });
    const late = generatedDoc(62, { sentences: 6 });
    const seen = async () => (await reader.listDocuments()).map((summary) => summary.id).sort();
    try {
      const revisionBefore = await reader.revision();
      await writer.inBatch(async () => {
        await writer.putDocument(early);
        assert.deepEqual(await seen(), [], 'the first write is not visible yet');
        await writer.putDocument(late);
        assert.deepEqual(await seen(), []);
        assert.equal((await reader.stats()).documents, 0);
        assert.equal(await reader.revision(), revisionBefore);
        assert.deepEqual((await writer.listDocuments()).map((summary) => summary.id).sort(), [early.id, late.id].sort(), 'the writer sees its own batch');
      });
      assert.deepEqual(await seen(), [early.id, late.id].sort());
      assert.notEqual(await reader.revision(), revisionBefore);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('indexes a batch\'s sentences for search in one go when it commits, leaving out a document that failed in it', async () => {
    const path = freshPath();
    const writer = await openSqliteStore(path);
    const reader = await openStore(path);
    const kept = plainDoc(['The mediators tabled a quince-coloured proposal overnight.']);
    const failed = negotiationDoc({ url: 'https://wire.example/batch-index-failed' });
    failed.stances[0] = { ...failed.stances[0], act: 'bargain' as unknown as StanceAct };
    const others = [generatedDoc(71, { sentences: 6 }), generatedDoc(72, { sentences: 6 })];
    try {
      await writer.inBatch(async () => {
        await writer.putDocument(kept);
        await assert.rejects(writer.putDocument(failed));
        for (const doc of others) await writer.putDocument(doc);
      });
      assert.deepEqual((await reader.search('quince')).map((hit) => hit.documentId), [kept.id]);
      assert.deepEqual(await reader.search('Geneva'), [], 'the failed document left no index rows');
      assert.deepEqual(await writer.checkIntegrity(), []);
      // One index segment for the batch, not one per document.
      assert.equal(readDatabase(path, (db) => db.prepare('SELECT count(*) FROM sentence_fts_data WHERE id > 10').pluck().get()), 1);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('indexes a sentence text once however many documents carry it, and finds each copy with its own document', async () => {
    const path = freshPath();
    const store = await openSqliteStore(path);
    const wire = 'Negotiators agreed to reopen the lemon-yellow corridor.';
    const copies = [
      plainDoc([wire, 'The first outlet ran it at dawn.'], { url: 'https://one.example/corridor', source: 'one.example', published: '2025-12-01' }),
      plainDoc(['A second outlet led with the news.', wire], { url: 'https://two.example/corridor', source: 'two.example', published: '2025-12-03' }),
      plainDoc([wire, wire], { url: 'https://three.example/corridor', source: 'three.example', published: '2025-12-02' }),
    ];
    try {
      await store.inBatch(async () => {
        for (const doc of copies.slice(0, 2)) await store.putDocument(doc);
      });
      await store.putDocument(copies[2]);
      const hits = await store.search('lemon-yellow corridor');
      assert.deepEqual(hits.map((hit) => `${hit.source}#${hit.sentence.index}`), ['two.example#1', 'three.example#0', 'three.example#1', 'one.example#0']);
      for (const hit of hits) {
        const text = (await store.getDocument(hit.documentId))?.text ?? '';
        assert.equal(text.slice(hit.sentence.start, hit.sentence.end), wire);
        assert.deepEqual(hit.highlights.map((span) => text.slice(span.start, span.end)), hit.highlights.map((span) => span.text));
      }
      assert.equal(new Set(hits.map((hit) => hit.score)).size, 1, 'copies rank alike');
      assert.deepEqual(await store.search('corridor', { source: 'one.example' }).then((found) => found.map((hit) => hit.documentId)), [copies[0].id]);
      assert.deepEqual(await store.checkIntegrity(), []);
      // wire, the two lead sentences: three texts for six sentences.
      assert.equal(readDatabase(path, (db) => db.prepare('SELECT count(*) FROM sentence_fts_docsize').pluck().get()), 3);
      changeDatabase(path, (db) => db.prepare('UPDATE sentences SET is_indexed = 1 WHERE id = (SELECT max(id) FROM sentences)').run());
      assert.ok((await store.checkIntegrity()).includes('full-text index: 1 sentence text is indexed under no sentence or under several'));
    } finally {
      await store.close();
    }
  });

  it('keeps the original page only when asked', async () => {
    const doc = negotiationDoc();
    doc.raw.original = '<html><body><p>the page</p></body></html>';
    const lean = await openSqliteStore(freshPath());
    const keeping = await openSqliteStore(freshPath(), { keepOriginal: true });
    try {
      await lean.putDocument(doc);
      await keeping.putDocument(doc);
      assert.equal((await lean.getDocument(doc.id))?.raw.original, null);
      assert.equal((await keeping.getDocument(doc.id))?.raw.original, doc.raw.original);
    } finally {
      await lean.close();
      await keeping.close();
    }
  });

  it('refuses a file that is not a database, naming it', async () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(100));
    await assertStoreError(openSqliteStore(path), 'store:open', /notes\.db.*not a database/);
  });

  it('refuses a path in a missing folder, and a missing file when it must exist', async () => {
    await assertStoreError(openSqliteStore(join(dir, 'no-such-folder', 'x.db')), 'store:open', /no-such-folder/);
    await assertStoreError(openSqliteStore(join(dir, 'absent.db'), { mustExist: true }), 'store:open', /no database at .*absent\.db/);
  });

  it('is what openStore opens for a file path, and openStore refuses PostgreSQL URLs for now', async () => {
    const store = await openStore(freshPath());
    assert.deepEqual(await store.listDocuments(), []);
    await store.close();
    await assertStoreError(openStore('postgres://localhost/parley'), 'store:open', /PostgreSQL/);
  });
});
