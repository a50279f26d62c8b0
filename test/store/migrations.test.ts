// Opening a database written at an older schema upgrades it in place; one written by a newer Parley is refused untouched.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { StoreError } from '../../src/store/errors.ts';
import { applyMigrations, latestSchemaVersion, migrations, openSqliteStore, schemaVersion } from '../../src/store/sqlite/index.ts';
import { negotiationDoc, readDatabase } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-migrations-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A database at schema version 1 holding one document, written the way version 1 stored it. */
function createVersionOneDatabase(path: string): void {
  const db = new Database(path);
  applyMigrations(db, { target: 1 });
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO documents (id, identity, version, text_hash, title, source, published, origin, source_kind, format, content, text, sentence_count, ingested_at)
              VALUES ('old-doc', 'url:old.example/story', 1, 'hash', 'An old story', 'old.example', '2025-10-01', 'https://old.example/story', 'url', 'text',
                      'The harvest talks stalled.', 'The harvest talks stalled.', 1, '2025-10-02T08:00:00.000Z')`)
    .run();
  const sentence = db.prepare(`INSERT INTO sentences (doc, ordinal, span_start, span_end, text) VALUES (?, 0, 0, 26, 'The harvest talks stalled.')`).run(lastInsertRowid);
  db.prepare(`INSERT INTO sentence_fts (rowid, text) VALUES (?, 'The harvest talks stalled.')`).run(sentence.lastInsertRowid);
  db.close();
}

describe('schema migrations', () => {
  it('are numbered 1, 2, … in order', () => {
    assert.deepEqual(migrations.map((migration) => migration.version), migrations.map((_, i) => i + 1));
    assert.equal(latestSchemaVersion, migrations.length);
    assert.ok(latestSchemaVersion >= 2);
  });

  it('upgrade a database created at an older version, keeping its documents', async () => {
    const path = join(dir, 'old.db');
    createVersionOneDatabase(path);
    const store = await openSqliteStore(path);
    try {
      assert.equal((await store.stats()).schemaVersion, latestSchemaVersion);
      assert.deepEqual((await store.listDocuments()).map((summary) => summary.id), ['old-doc']);
      assert.deepEqual((await store.search('harvest')).map((hit) => hit.documentId), ['old-doc']);
      const old = await store.getDocument('old-doc');
      assert.equal(old?.text, 'The harvest talks stalled.');
      assert.equal(old?.raw.content, 'The harvest talks stalled.');
      assert.equal(old?.ingestedAt, '2025-10-02T08:00:00.000Z');
      const doc = negotiationDoc();
      assert.equal((await store.putDocument(doc)).status, 'inserted');
      assert.equal((await store.listFacts('stance')).length, doc.stances.length);
      assert.deepEqual(await store.checkIntegrity(), []);
    } finally {
      await store.close();
    }
  });

  it('index each sentence text once when upgrading to version 12, finding every copy under it', async () => {
    const path = join(dir, 'copies.db');
    const db = new Database(path);
    applyMigrations(db, { target: 1 });
    const insertDocument = db.prepare(`INSERT INTO documents (id, identity, version, text_hash, title, source, published, origin, source_kind, format, content, text, sentence_count, ingested_at)
      VALUES (?, ?, 1, ?, 'Harvest', ?, ?, 'stdin', 'stdin', 'text', ?, ?, ?, '2025-10-02T08:00:00.000Z')`);
    const insertSentence = db.prepare('INSERT INTO sentences (doc, ordinal, span_start, span_end, text) VALUES (?, ?, ?, ?, ?)');
    const indexSentence = db.prepare('INSERT INTO sentence_fts (rowid, text) VALUES (?, ?)');
    const wire = 'The harvest talks stalled.';
    for (const [id, source, published, sentences] of [
      ['wire-1', 'wire.example', '2025-10-01', [wire]],
      ['wire-2', 'paper.example', '2025-10-03', [wire, 'Grain harvest deliveries resumed.']],
    ] as const) {
      const text = sentences.join(' ');
      const doc = insertDocument.run(id, `doc:${id}`, id, source, published, text, text, sentences.length).lastInsertRowid;
      let start = 0;
      sentences.forEach((sentence, ordinal) => {
        const row = insertSentence.run(doc, ordinal, start, start + sentence.length, sentence).lastInsertRowid;
        indexSentence.run(row, sentence);
        start += sentence.length + 1;
      });
    }
    applyMigrations(db, { target: 11 });
    db.close();

    const store = await openSqliteStore(path);
    try {
      const hits = await store.search('harvest');
      assert.deepEqual(hits.map((hit) => `${hit.documentId}#${hit.sentence.index}`).sort(), ['wire-1#0', 'wire-2#0', 'wire-2#1']);
      const copy = hits.find((hit) => hit.documentId === 'wire-2' && hit.sentence.index === 0);
      assert.equal(copy?.snippet, 'The **harvest** talks stalled.');
      assert.deepEqual(copy?.highlights.map((span) => [span.start, span.end, span.text]), [[4, 11, 'harvest']]);
      assert.deepEqual(await store.checkIntegrity(), []);
    } finally {
      await store.close();
    }
    assert.equal(readDatabase(path, (db) => db.prepare('SELECT count(*) FROM sentence_fts_docsize').pluck().get()), 2);
  });

  it('tell the caller about each migration that upgrades an existing file, not about making a new one', async () => {
    const told: string[] = [];
    const onUpgrade = (migration: { version: number }, from: number) => told.push(`${from}->${migration.version}`);
    const fresh = await openSqliteStore(join(dir, 'told-new.db'), { onUpgrade });
    await fresh.close();
    assert.deepEqual(told, []);
    const path = join(dir, 'told-old.db');
    const db = new Database(path);
    applyMigrations(db, { target: latestSchemaVersion - 2 });
    db.close();
    const upgraded = await openSqliteStore(path, { onUpgrade });
    await upgraded.close();
    assert.deepEqual(told, [`${latestSchemaVersion - 2}->${latestSchemaVersion - 1}`, `${latestSchemaVersion - 1}->${latestSchemaVersion}`]);
  });

  it('leave an up-to-date database as it is', async () => {
    const path = join(dir, 'current.db');
    const first = await openSqliteStore(path);
    await first.putDocument(negotiationDoc());
    await first.close();
    const second = await openSqliteStore(path);
    assert.equal((await second.stats()).documents, 1);
    await second.close();
  });

  it('refuse a database newer than the code, leaving it untouched', async () => {
    const path = join(dir, 'future.db');
    const db = new Database(path);
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.close();
    await assert.rejects(openSqliteStore(path), (error: unknown) => {
      assert.ok(error instanceof StoreError);
      assert.equal(error.code, 'store:newer-schema');
      assert.match(error.message, /future\.db.*newer than this Parley/);
      return true;
    });
    readDatabase(path, (check) => {
      assert.equal(schemaVersion(check), latestSchemaVersion + 1);
      assert.equal(check.pragma('journal_mode', { simple: true }), 'delete');
      assert.deepEqual(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all(), []);
    });
  });
});
