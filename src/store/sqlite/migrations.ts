// The SQLite schema as numbered migrations, applied in order and tracked with PRAGMA user_version.
//
// Tables and why they exist:
// - documents: one row per stored version of an article. `seq` is a small integer key the
//   fact tables point at; `id` is the Doc id. `identity` ties the versions of one article
//   together (see ../identity.ts) and `is_current` marks the latest one, which listings and
//   search show by default; a partial unique index allows one current version per identity.
//   `supersedes` links a version to the one it replaced, so history is kept. The row keeps
//   the metadata as columns (filters and listings); since migration 9 the decoded source, cleaned
//   text and the parts only read back whole (as JSON) live in document_texts.
// - sentences: the sentences of each version with their offsets and text; the unit of search
//   and the usual evidence of a fact.
// - sentence_fts: FTS5 index over sentences (external content: the text lives once, in
//   sentences). The code inserts the spelling-folded text (../spelling.ts); folding keeps token
//   positions, so snippet() and highlight() read the original sentence and mark the right words.
// - entities, mentions: each entity a document names (with its party, roles, aliases) and
//   where; summed across documents for `parley actors`.
// - stances, events, quotes, quantities, dates: the extracted facts, each with its evidence
//   span (offsets and text) into the document's cleaned text. List-valued fields (event
//   parties and participants) are JSON; fields queried across documents are columns.
// Every fact row belongs to a document and goes with it (ON DELETE CASCADE); a document and
// all its rows are written in one transaction.
// Reconcile (migration 3) keeps what it learns across documents, each written in one transaction per document:
// - doc_sketches, sketch_bands: a MinHash signature per document and its LSH band keys; a new
//   document looks up only the documents sharing a band key, so finding near-duplicates costs
//   time in proportion to the candidates, never to the corpus.
// - doc_reconcile: per reconciled document, its source group (the id of the document that founded
//   the group of copies and rewrites) and its story.
// - stories, story_features: stories with their label, main parties/issues/places and a feature
//   profile; story_features indexes stories by feature so a new document meets only related stories.
// - merged_facts, merged_members: one row per real-world event, stance, number or quote, with the
//   attributes reconcile derived and counts the store keeps (documents, independent sources,
//   first/last seen); members point at the stored facts (document, kind, ordinal) that report it.
//   merged_fact_terms indexes facts by lookup term and window start (events by their parties), so
//   finding the candidates for a new report reads the events of its parties in its weeks, not all.
//   A member keeps its document's publication date (fixed for a stored version), so the reports of
//   a fact from a few days are read by index range, however often the fact was reported.
// - contradictions, contradiction_documents: disagreements between sources, each side with its
//   evidence as JSON; `subject` is unique so a dispute is updated as reports arrive.
// - settings: small named values, such as when the last brief was made.
// Migration 4 (report reads):
// - merged_members_window: a fact's members in the order reports list them (publication date, then
//   document, then place in it), covering, so the first few members of a fact are read without the rest.
// - store_revision: one row, a random token for this file and a counter that triggers bump on every
//   write reports depend on. Every reconcile of a document writes its doc_reconcile row in the same
//   transaction as its merged facts and contradictions, so counting those rows' writes (with documents
//   and settings) is enough; the server answers ETags from it without building the report.
// Migration 5 (reconcile cost flat as the store grows):
// - merged_fact_sources: per merged fact and source group, how many of its documents belong to the
//   group, so a new report updates the fact's independent-source count without reading its members.
//   merged_members_merged goes: merged_members_window (migration 4) starts with the same columns.
// - merged_fact_terms keeps each row's window end, so that a walk of the term index from a day passes
//   over facts whose window ended before the days asked for without reading them. Events are now looked
//   up by their type group with a party and a detail (`meeting|Russia|place:moscow`, see eventTerms in
//   src/reconcile/merged-events.ts); the migration writes those terms for the events already stored, in
//   SQL (whose lower() folds ASCII letters only: a place spelled with other capitals is found again once
//   a new report rewrites its event).
// Migration 6 (search):
// - sentences_document, documents_search_filter: a ranked sentence's document and the columns search
//   filters and breaks ties on, in two small indexes. Search reads them for every sentence tied at the
//   edge of a page (thousands when an article's sentence is copied across outlets); read from the
//   tables, each would be a seek into the large rows that hold the text.
// Migration 7 (reconcile writes less): merged_fact_sources becomes merged_fact_groups, which only lists
//   the source groups of each fact. A report of a known group then writes nothing there; counts per group
//   are never needed, since a report that leaves a fact has the fact recounted from its members.
// Migration 9 (small document rows): the decoded source, cleaned text and the JSON read back only whole
//   (source map, removed text, headings, messages) move to document_texts, one row per document. Reconcile,
//   listings and search read a document's metadata for every report they cite; while the row also held
//   ~10 KB of text, each such read walked the row's overflow pages to reach the columns stored after it
//   (ingested_at, sentence_count) and filled SQLite's page cache with text no one asked for.
// Migration 10: the indexes no query reads go: entities by entity id (actors are summed from every row in
//   document order), stances by issue and party, events by date, quotes by speaker (facts are read by
//   document, or through the merged facts). Each cost every stored entity or fact a write at a random
//   place in a large b-tree.
// Migration 11: sketch_bands_waiting holds the band keys of recently reconciled documents, one row each, until
//   enough wait to go into sketch_bands together in key order (see waiting-bands.ts). Keys written with their
//   document fell on a page of their own each once the table was large; the rows outlast the process.
// Migration 12 (search ranks each sentence text once): the full-text index holds each distinct sentence text
//   once, under its first sentence (`is_indexed`); `text_key` (sentenceTextKey) ties every sentence to the
//   others with its text, and sentences_text finds them with their documents. The same sentence in hundreds of
//   copies of a wire story was ranked hundreds of times (bm25 reads each match's length) and tied at the edge of
//   every page; now a search ranks the texts and then reads the documents of the best ones. The index's
//   statistics count distinct texts, so copies no longer make a word look common. sentence_fts reads its
//   content from the view indexed_sentences (what `integrity-check` compares the index with);
//   sentences_document, which only search read, goes.
import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import { sentenceTextKey } from '../identity.ts';
import { normaliseSpelling } from '../spelling.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, sentences and the full-text index',
    sql: `
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        identity TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        is_current INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0, 1)),
        supersedes INTEGER REFERENCES documents(seq),
        text_hash TEXT NOT NULL,
        title TEXT,
        byline TEXT,
        source TEXT,
        url TEXT,
        file TEXT,
        published TEXT,
        language TEXT,
        origin TEXT NOT NULL,
        source_kind TEXT NOT NULL,
        format TEXT NOT NULL,
        content TEXT NOT NULL,
        original TEXT,
        text TEXT NOT NULL,
        source_map TEXT NOT NULL DEFAULT '[]',
        removed TEXT NOT NULL DEFAULT '[]',
        headings TEXT NOT NULL DEFAULT '[]',
        messages TEXT NOT NULL DEFAULT '[]',
        source_messages TEXT NOT NULL DEFAULT '[]',
        sentence_count INTEGER NOT NULL,
        ingested_at TEXT NOT NULL,
        UNIQUE (identity, version)
      );
      CREATE UNIQUE INDEX documents_current_identity ON documents(identity) WHERE is_current = 1;
      CREATE INDEX documents_current_published ON documents(published) WHERE is_current = 1;
      CREATE INDEX documents_source ON documents(source, published);
      CREATE UNIQUE INDEX documents_supersedes ON documents(supersedes);

      CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (doc, ordinal),
        CHECK (span_start >= 0 AND span_end >= span_start)
      );

      CREATE VIRTUAL TABLE sentence_fts USING fts5(
        text,
        content = 'sentences',
        content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 2,
    name: 'extracted facts with their evidence',
    sql: `
      CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place', 'country', 'group')),
        party TEXT,
        roles TEXT NOT NULL DEFAULT '[]',
        aliases TEXT NOT NULL DEFAULT '[]',
        mention_count INTEGER NOT NULL,
        UNIQUE (doc, ordinal),
        UNIQUE (doc, entity_id)
      );
      CREATE INDEX entities_entity ON entities(entity_id);

      CREATE TABLE mentions (
        entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        PRIMARY KEY (entity, ordinal),
        CHECK (span_start >= 0 AND span_end >= span_start)
      ) WITHOUT ROWID;

      CREATE TABLE stances (
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        party TEXT NOT NULL,
        actor TEXT,
        issue TEXT NOT NULL,
        act TEXT NOT NULL CHECK (act IN ('demand', 'propose', 'accept', 'reject', 'support', 'oppose')),
        summary TEXT NOT NULL,
        confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        negated INTEGER CHECK (negated IN (0, 1)),
        hedged INTEGER CHECK (hedged IN (0, 1)),
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence_text TEXT NOT NULL,
        PRIMARY KEY (doc, ordinal)
      );
      CREATE INDEX stances_issue_party ON stances(issue, party);

      CREATE TABLE events (
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('meeting', 'talks', 'call', 'visit', 'summit', 'statement', 'proposal', 'agreement', 'ceasefire')),
        status TEXT NOT NULL CHECK (status IN ('planned', 'happened', 'cancelled')),
        parties TEXT NOT NULL DEFAULT '[]',
        participants TEXT NOT NULL DEFAULT '[]',
        place TEXT,
        date_text TEXT,
        date_start TEXT,
        date_end TEXT,
        date_precision TEXT,
        duration TEXT,
        outcome TEXT,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence_text TEXT NOT NULL,
        PRIMARY KEY (doc, ordinal)
      );
      CREATE INDEX events_date ON events(date_start);

      CREATE TABLE quotes (
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        speaker TEXT,
        speaker_name TEXT,
        text TEXT NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence_text TEXT NOT NULL,
        PRIMARY KEY (doc, ordinal)
      );
      CREATE INDEX quotes_speaker ON quotes(speaker);

      CREATE TABLE quantities (
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        value REAL NOT NULL,
        unit TEXT,
        about TEXT,
        text TEXT NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence_text TEXT NOT NULL,
        PRIMARY KEY (doc, ordinal)
      );

      CREATE TABLE dates (
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        text TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        precision TEXT,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        span_text TEXT NOT NULL,
        PRIMARY KEY (doc, ordinal)
      );
    `,
  },
  {
    version: 3,
    name: 'reconcile: sketches, source groups, stories, merged facts, contradictions',
    sql: `
      CREATE TABLE doc_sketches (
        doc INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
        shingles INTEGER NOT NULL,
        signature BLOB NOT NULL
      );

      CREATE TABLE sketch_bands (
        band_key INTEGER NOT NULL,
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        PRIMARY KEY (band_key, doc)
      ) WITHOUT ROWID;
      CREATE INDEX sketch_bands_doc ON sketch_bands(doc);

      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        parties TEXT NOT NULL DEFAULT '[]',
        issues TEXT NOT NULL DEFAULT '[]',
        places TEXT NOT NULL DEFAULT '[]',
        profile TEXT NOT NULL DEFAULT '{}',
        document_count INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT,
        last_seen TEXT
      );
      CREATE INDEX stories_last_seen ON stories(last_seen);

      CREATE TABLE story_features (
        feature TEXT NOT NULL,
        story TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        PRIMARY KEY (feature, story)
      ) WITHOUT ROWID;

      CREATE TABLE doc_reconcile (
        doc INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
        source_group TEXT NOT NULL,
        story TEXT REFERENCES stories(id),
        reconciled_at TEXT NOT NULL
      );
      CREATE INDEX doc_reconcile_group ON doc_reconcile(source_group);
      CREATE INDEX doc_reconcile_story ON doc_reconcile(story);

      CREATE TABLE merged_facts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'stance', 'quantity', 'quote')),
        story TEXT,
        key TEXT NOT NULL,
        window_start TEXT,
        window_end TEXT,
        fact_date TEXT,
        attributes TEXT NOT NULL,
        tallies TEXT NOT NULL DEFAULT '{}',
        document_count INTEGER NOT NULL DEFAULT 0,
        source_count INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT,
        last_seen TEXT,
        first_ingested TEXT
      );
      CREATE INDEX merged_facts_key ON merged_facts(kind, key, window_start);
      CREATE INDEX merged_facts_story_sources ON merged_facts(kind, story, source_count);
      CREATE INDEX merged_facts_story_date ON merged_facts(kind, story, fact_date);
      CREATE INDEX merged_facts_last_seen ON merged_facts(kind, last_seen);

      CREATE TABLE merged_fact_terms (
        term TEXT NOT NULL,
        window_start TEXT NOT NULL,
        fact TEXT NOT NULL REFERENCES merged_facts(id) ON DELETE CASCADE,
        PRIMARY KEY (term, window_start, fact)
      ) WITHOUT ROWID;
      CREATE INDEX merged_fact_terms_fact ON merged_fact_terms(fact);

      CREATE TABLE merged_members (
        merged TEXT NOT NULL REFERENCES merged_facts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        published TEXT,
        PRIMARY KEY (kind, doc, ordinal)
      );
      CREATE INDEX merged_members_merged ON merged_members(merged, published);
      CREATE INDEX merged_members_doc ON merged_members(doc);

      CREATE TABLE contradictions (
        id TEXT PRIMARY KEY,
        subject TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('number', 'date', 'place', 'role', 'opposite-acts')),
        about TEXT NOT NULL,
        story TEXT,
        sides TEXT NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        first_ingested TEXT
      );
      CREATE INDEX contradictions_story ON contradictions(story, first_seen);

      CREATE TABLE contradiction_documents (
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        contradiction TEXT NOT NULL REFERENCES contradictions(id) ON DELETE CASCADE,
        PRIMARY KEY (doc, contradiction)
      ) WITHOUT ROWID;
      CREATE INDEX contradiction_documents_contradiction ON contradiction_documents(contradiction);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'report reads: store revision for ETags, members in report order',
    sql: `
      CREATE INDEX merged_members_window ON merged_members(merged, published, doc, ordinal, kind);

      CREATE TABLE store_revision (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        token TEXT NOT NULL,
        value INTEGER NOT NULL
      );
      INSERT INTO store_revision (id, token, value) VALUES (1, lower(hex(randomblob(8))), 0);
      CREATE TRIGGER documents_insert_revision AFTER INSERT ON documents BEGIN UPDATE store_revision SET value = value + 1; END;
      CREATE TRIGGER documents_update_revision AFTER UPDATE ON documents BEGIN UPDATE store_revision SET value = value + 1; END;
      CREATE TRIGGER doc_reconcile_insert_revision AFTER INSERT ON doc_reconcile BEGIN UPDATE store_revision SET value = value + 1; END;
      CREATE TRIGGER doc_reconcile_update_revision AFTER UPDATE ON doc_reconcile BEGIN UPDATE store_revision SET value = value + 1; END;
      CREATE TRIGGER settings_insert_revision AFTER INSERT ON settings BEGIN UPDATE store_revision SET value = value + 1; END;
      CREATE TRIGGER settings_update_revision AFTER UPDATE ON settings BEGIN UPDATE store_revision SET value = value + 1; END;
    `,
  },
  {
    version: 5,
    name: 'reconcile: source groups counted per merged fact, events looked up by party and detail',
    sql: `
      CREATE TABLE merged_fact_sources (
        merged TEXT NOT NULL REFERENCES merged_facts(id) ON DELETE CASCADE,
        source_group TEXT NOT NULL,
        documents INTEGER NOT NULL CHECK (documents > 0),
        PRIMARY KEY (merged, source_group)
      ) WITHOUT ROWID;
      INSERT INTO merged_fact_sources (merged, source_group, documents)
        SELECT m.merged, r.source_group, count(DISTINCT m.doc) FROM merged_members m JOIN doc_reconcile r ON r.doc = m.doc
        GROUP BY m.merged, r.source_group;
      DROP INDEX merged_members_merged;

      ALTER TABLE merged_fact_terms RENAME TO merged_fact_terms_v3;
      DROP INDEX merged_fact_terms_fact;
      CREATE TABLE merged_fact_terms (
        term TEXT NOT NULL,
        window_start TEXT NOT NULL,
        window_end TEXT NOT NULL,
        fact TEXT NOT NULL REFERENCES merged_facts(id) ON DELETE CASCADE,
        PRIMARY KEY (term, window_start, fact)
      ) WITHOUT ROWID;
      CREATE INDEX merged_fact_terms_fact ON merged_fact_terms(fact);
      WITH
        places (fact, place) AS (
          SELECT id, lower(trim(json_extract(attributes, '$.place'))) FROM merged_facts WHERE kind = 'event'),
        dates (fact, start, finish) AS (
          SELECT id, substr(json_extract(attributes, '$.date.start'), 1, 10),
            substr(CASE WHEN date(substr(json_extract(attributes, '$.date.end'), 1, 10)) IS NOT NULL
              THEN json_extract(attributes, '$.date.end') ELSE json_extract(attributes, '$.date.start') END, 1, 10)
          FROM merged_facts WHERE kind = 'event' AND date(substr(json_extract(attributes, '$.date.start'), 1, 10)) IS NOT NULL),
        details (fact, detail) AS (
          SELECT fact, 'place:' || CASE WHEN place LIKE 'the %' THEN ltrim(substr(place, 5)) ELSE place END FROM places
            WHERE place IS NOT NULL AND place <> '' AND place <> 'the'
          UNION ALL
          SELECT id, 'duration:' || json_extract(attributes, '$.duration') FROM merged_facts
            WHERE kind = 'event' AND coalesce(json_extract(attributes, '$.duration'), '') <> ''
          UNION ALL
          SELECT f.id, 'participant:' || p.value FROM merged_facts f, json_each(f.attributes, '$.participants') p
            WHERE f.kind = 'event' AND p.key < 8
          UNION ALL
          SELECT fact, 'day:' || date(start, '+' || n || ' days') FROM dates, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2)
            WHERE julianday(finish) - julianday(start) <= 2 AND date(start, '+' || n || ' days') <= finish)
      INSERT OR IGNORE INTO merged_fact_terms (term, window_start, window_end, fact)
        SELECT f.key || '|' || p.value || '|' || d.detail, coalesce(f.window_start, ''), coalesce(f.window_end, ''), f.id
        FROM merged_facts f JOIN details d ON d.fact = f.id, json_each(f.attributes, '$.parties') p;
      DROP TABLE merged_fact_terms_v3;
    `,
  },
  {
    version: 6,
    name: 'search: covering indexes to filter ranked sentences',
    sql: `
      CREATE INDEX sentences_document ON sentences(id, doc);
      CREATE INDEX documents_search_filter ON documents(seq, is_current, published, source);
    `,
  },
  {
    version: 7,
    name: 'reconcile: the source groups of each merged fact, without a count that every report rewrote',
    sql: `
      CREATE TABLE merged_fact_groups (
        merged TEXT NOT NULL REFERENCES merged_facts(id) ON DELETE CASCADE,
        source_group TEXT NOT NULL,
        PRIMARY KEY (merged, source_group)
      ) WITHOUT ROWID;
      INSERT INTO merged_fact_groups (merged, source_group) SELECT merged, source_group FROM merged_fact_sources;
      DROP TABLE merged_fact_sources;
    `,
  },
  {
    version: 8,
    name: 'reconcile: members keyed by document (two b-trees per report instead of four), fact terms read from their index alone',
    sql: `
      CREATE TABLE merged_members_v8 (
        merged TEXT NOT NULL REFERENCES merged_facts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        published TEXT,
        PRIMARY KEY (doc, kind, ordinal)
      ) WITHOUT ROWID;
      INSERT INTO merged_members_v8 (merged, kind, doc, ordinal, published) SELECT merged, kind, doc, ordinal, published FROM merged_members;
      DROP TABLE merged_members;
      ALTER TABLE merged_members_v8 RENAME TO merged_members;
      CREATE INDEX merged_members_window ON merged_members(merged, published, doc, ordinal, kind);

      DROP INDEX merged_fact_terms_fact;
      CREATE INDEX merged_fact_terms_fact ON merged_fact_terms(fact, window_end);
    `,
  },
  {
    version: 9,
    name: 'documents: the text and source in their own table, so that reading a document\'s metadata reads a small row',
    sql: `
      CREATE TABLE document_texts (
        doc INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
        content TEXT NOT NULL,
        original TEXT,
        text TEXT NOT NULL,
        source_map TEXT NOT NULL,
        removed TEXT NOT NULL,
        headings TEXT NOT NULL,
        messages TEXT NOT NULL,
        source_messages TEXT NOT NULL
      );
      INSERT INTO document_texts (doc, content, original, text, source_map, removed, headings, messages, source_messages)
        SELECT seq, content, original, text, source_map, removed, headings, messages, source_messages FROM documents;
      ALTER TABLE documents DROP COLUMN content;
      ALTER TABLE documents DROP COLUMN original;
      ALTER TABLE documents DROP COLUMN text;
      ALTER TABLE documents DROP COLUMN source_map;
      ALTER TABLE documents DROP COLUMN removed;
      ALTER TABLE documents DROP COLUMN headings;
      ALTER TABLE documents DROP COLUMN messages;
      ALTER TABLE documents DROP COLUMN source_messages;
    `,
  },
  {
    version: 10,
    name: 'entities and facts: no indexes that no query reads',
    sql: `
      DROP INDEX entities_entity;
      DROP INDEX stances_issue_party;
      DROP INDEX events_date;
      DROP INDEX quotes_speaker;
    `,
  },
  {
    version: 11,
    name: 'near-duplicates: band keys wait in a small table and go into sketch_bands together, in key order',
    sql: `
      CREATE TABLE sketch_bands_waiting (
        doc INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
        band_keys BLOB NOT NULL
      );
    `,
  },
  {
    version: 12,
    name: 'search: each distinct sentence text indexed once, its copies found by key',
    sql: `
      ALTER TABLE sentences ADD COLUMN text_key INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sentences ADD COLUMN is_indexed INTEGER NOT NULL DEFAULT 0;
      UPDATE sentences SET text_key = sentence_text_key(text);
      CREATE INDEX sentences_text ON sentences(text_key, doc);
      UPDATE sentences SET is_indexed = 1 WHERE id IN (SELECT min(id) FROM sentences GROUP BY text_key);
      DROP INDEX sentences_document;
      DROP TABLE sentence_fts;
      CREATE VIEW indexed_sentences AS SELECT id, text FROM sentences WHERE is_indexed = 1;
      CREATE VIRTUAL TABLE sentence_fts USING fts5(
        text,
        content = 'indexed_sentences',
        content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      INSERT INTO sentence_fts (rowid, text) SELECT id, fold_spelling(text) FROM indexed_sentences;
    `,
  },
];

export const latestSchemaVersion = migrations[migrations.length - 1].version;

/** The schema version recorded in the database file (0 for a new file). */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws `store:newer-schema` for a database written by a newer Parley, before anything touches it. */
export function assertSchemaNotNewer(db: Database.Database): void {
  const found = schemaVersion(db);
  if (found > latestSchemaVersion) {
    throw new StoreError(
      'store:newer-schema',
      `the database ${db.name} has schema version ${found}, newer than this Parley understands (${latestSchemaVersion}); upgrade Parley to open it`,
    );
  }
}

export interface MigrationOptions {
  /** Default: the latest version. */
  target?: number;
  /** Told before each migration that upgrades a database already holding a schema (not a new file), since one takes seconds to tens of seconds on a large store. */
  onUpgrade?: (migration: Migration, from: number) => void;
}

/**
 * Brings the database up to `target` (default: the latest), one transaction per
 * migration. A database newer than this code is refused rather than guessed at.
 */
export function applyMigrations(db: Database.Database, options: MigrationOptions = {}): void {
  const target = options.target ?? latestSchemaVersion;
  assertSchemaNotNewer(db);
  const found = schemaVersion(db);
  if (found >= target) return;
  // Migrations compute in SQL what the writer computes in code, with the same functions.
  db.function('sentence_text_key', { deterministic: true }, (text) => sentenceTextKey(String(text)));
  db.function('fold_spelling', { deterministic: true }, (text) => normaliseSpelling(String(text)));
  const isNewFile = found === 0;
  for (const migration of migrations) {
    if (migration.version > target) break;
    // IMMEDIATE takes the write lock first, so two processes opening a new file do not both migrate it.
    db.transaction(() => {
      const from = schemaVersion(db);
      if (from >= migration.version) return;
      if (!isNewFile) options.onUpgrade?.(migration, from);
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
