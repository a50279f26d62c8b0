// A store reconciled before migrations 5, 7 and 8 upgrades to what the code now writes: the source groups of each fact, events looked up by party and detail.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { applyMigrations, openSqliteStore } from '../../src/store/sqlite/index.ts';
import { cairoTalks, ingest, moscowOwnReport, moscowRewrite, moscowWire } from '../reconcile/fixtures.ts';
import { readDatabase } from './fixtures.ts';
import { keptAndRecounted } from './recount.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-migration-reconcile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A copy of the store at `from` as schema version 4 held it: every table version 4 has, copied as it
 * is (documents with their text), except the event terms, which version 4 kept by party alone (and no per-fact source groups).
 */
function copyAsVersionFour(from: string, to: string): void {
  const db = new Database(to);
  applyMigrations(db, { target: 4 });
  db.pragma('foreign_keys = OFF');
  db.prepare('ATTACH DATABASE ? AS source').run(from);
  const tables = db
    .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sentence_fts%' AND name NOT IN ('store_revision', 'merged_fact_terms')")
    .pluck()
    .all() as string[];
  db.transaction(() => {
    for (const table of tables) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).join(', ');
      // Version 4 kept a document's text in its row (migration 9 moved it to document_texts).
      const from = table === 'documents' ? 'source.documents JOIN source.document_texts ON document_texts.doc = documents.seq' : `source.${table}`;
      db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM ${from}`);
    }
    db.exec(`INSERT INTO main.merged_fact_terms (term, window_start, fact)
      SELECT p.value, coalesce(f.window_start, ''), f.id FROM main.merged_facts f, json_each(f.attributes, '$.parties') p WHERE f.kind = 'event'`);
    db.exec("INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')");
  })();
  db.exec('DETACH DATABASE source');
  db.close();
}

function reconcileRows(path: string): { terms: unknown[]; groups: unknown[]; members: unknown[] } {
  return readDatabase(path, (db) => ({
    terms: db.prepare('SELECT term, window_start, window_end, fact FROM merged_fact_terms ORDER BY fact, term').all(),
    groups: db.prepare('SELECT merged, source_group FROM merged_fact_groups ORDER BY merged, source_group').all(),
    members: db.prepare('SELECT merged, kind, doc, ordinal, published FROM merged_members ORDER BY doc, kind, ordinal').all(),
  }));
}

describe('reconcile migrations', () => {
  it('rebuild the source groups of each fact and the event terms the code writes, and reconcile goes on from them', async () => {
    const path = join(dir, 'reconciled.db');
    const store = await openSqliteStore(path);
    const [wire] = await ingest(store, moscowWire(), moscowOwnReport(), cairoTalks());
    const [moscowTalks] = wire.merged.event;
    await store.close();
    const written = reconcileRows(path);
    assert.ok(written.terms.length > 0 && written.groups.length > 0 && written.members.length > 0);

    const old = join(dir, 'version-four.db');
    copyAsVersionFour(path, old);
    const upgraded = await openSqliteStore(old);
    assert.deepEqual(reconcileRows(old), written);

    // A rewrite of the wire finds the Moscow talks through the migrated terms and is counted in.
    const [rewrite] = await ingest(upgraded, moscowRewrite());
    assert.deepEqual(rewrite.merged.event, [moscowTalks]);
    for (const kind of ['event', 'stance', 'quantity', 'quote'] as const) {
      const { kept, recounted } = await keptAndRecounted(upgraded, kind);
      assert.deepEqual(kept, recounted, `${kind} counts`);
    }
    assert.deepEqual(await upgraded.checkIntegrity(), []);
    await upgraded.close();
  });
});
