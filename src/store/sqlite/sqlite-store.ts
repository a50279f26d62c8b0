// The embedded Store: one SQLite file (WAL, FTS5) behind the Store interface.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Doc, Entity, Span } from '../../doc/types.ts';
import { summariseEntities } from '../entity-summary.ts';
import { StoreError } from '../errors.ts';
import { parseSearchQuery } from '../search-query.ts';
import { documentName } from '../validate.ts';
import type {
  BatchPutResult,
  ContradictionFilter,
  ContradictionQuery,
  ContradictionRecord,
  DocumentFilter,
  DocumentSummary,
  EntityFilter,
  EntitySummary,
  FactByKind,
  FactFilter,
  FactKind,
  MemberOptions,
  MemberReport,
  MergedFactFilter,
  MergedFactQuery,
  MergedFactRecord,
  MergedFactWithMembers,
  MergedKind,
  Page,
  PublishedFilter,
  PutResult,
  ReconcileState,
  ReconcileUpdate,
  SearchHit,
  SearchOptions,
  SketchCandidate,
  Store,
  StoredDocument,
  StoredFact,
  StoreStats,
  StoryRecord,
} from '../store.ts';
import { DocumentWriter, type IndexRow } from './document-writer.ts';
import { toFtsMatch } from './fts-query.ts';
import { applyMigrations, assertSchemaNotNewer, schemaVersion, type MigrationOptions } from './migrations.ts';
import { factTables, storedFactId } from './fact-tables.ts';
import { summaryColumns, summaryFrom, toEntityRow, toSummary, type BodyRow, type StoredEntityRow, type SummaryRow } from './rows.ts';
import { ReconcileTables, waitingBandsLimit, type MemberChanges } from './reconcile-tables.ts';
import { StatementCache } from './statement-cache.ts';

export interface SqliteStoreOptions {
  /** Keep `raw.original` (e.g. the whole HTML page) besides the decoded content; off by default to keep the file small. */
  keepOriginal?: boolean;
  /** How long a write waits for another process's write lock, in milliseconds (default 5000). */
  busyTimeoutMs?: number;
  /** Refuse to create a new file: for commands that only read an existing store. */
  mustExist?: boolean;
  /** How many documents' band keys wait before they are written together (see WaitingBands; default 2,000). */
  bandsWaitingLimit?: number;
  /** Told before each schema migration that upgrades an existing file (see applyMigrations). */
  onUpgrade?: MigrationOptions['onUpgrade'];
}

// Private-use characters mark highlights; they cannot be confused with article text unless the text itself contains them.
const highlightOpen = '\uE000';
const highlightClose = '\uE001';
const defaultMark = { open: '**', close: '**' };
const defaultSearchLimit = 20;
const snippetTokens = 32;

interface SearchRow {
  ordinal: number;
  span_start: number;
  span_end: number;
  text: string;
  document_id: string;
  version: number;
  title: string | null;
  source: string | null;
  url: string | null;
  file: string | null;
  published: string | null;
}

/** A sentence that matched and passed the filters, with what orders it. */
interface RankedMatch {
  id: number;
  /** The sentence with the same text that the full-text index holds. */
  indexed: number;
  bm25: number;
  published: string | null;
}

/** At most this many ranked texts have their sentences read in one statement. */
const maxBatch = 4096;

/** Search order: best bm25 first (lowest), then the latest published (undated last), then the earliest stored sentence. */
function bySearchOrder(a: RankedMatch, b: RankedMatch): number {
  if (a.bm25 !== b.bm25) return a.bm25 - b.bm25;
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? 1 : -1;
  }
  return a.id - b.id;
}

interface FactRow {
  ordinal: number;
  document_id: string;
  document_published: string | null;
  document_source: string | null;
}

/** WHERE clauses and parameters for the filters every listing shares. */
function publishedClauses(filter: PublishedFilter): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (!filter.includeSuperseded) clauses.push('d.is_current = 1');
  if (filter.source !== undefined) {
    clauses.push('d.source = ?');
    params.push(filter.source);
  }
  if (filter.since !== undefined) {
    clauses.push('d.published >= ?');
    params.push(filter.since);
  }
  if (filter.until !== undefined) {
    clauses.push('d.published <= ?');
    params.push(filter.until);
  }
  return { clauses, params };
}

function where(clauses: string[]): string {
  return clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
}

/** LIMIT/OFFSET parameters; -1 is SQLite's "no limit". */
function page(options: { limit?: number; offset?: number }, defaultLimit = -1): [number, number] {
  return [options.limit ?? defaultLimit, options.offset ?? 0];
}

/** Spans (document offsets) of the words highlight() wrapped in the marker characters. */
function highlightSpans(marked: string, sentenceText: string, sentenceStart: number): Span[] {
  if (sentenceText.includes(highlightOpen) || sentenceText.includes(highlightClose)) return [];
  const spans: Span[] = [];
  let plainOffset = 0;
  let openAt = -1;
  for (const char of marked) {
    if (char === highlightOpen) {
      openAt = plainOffset;
    } else if (char === highlightClose) {
      if (openAt >= 0) {
        spans.push({ start: sentenceStart + openAt, end: sentenceStart + plainOffset, text: sentenceText.slice(openAt, plainOffset) });
      }
      openAt = -1;
    } else {
      plainOffset += char.length;
    }
  }
  return spans;
}

/** The error a failed document write is reported with, or null when the failure is not about this document (disk full, I/O) and must abort. */
function documentFailure(doc: Doc, error: unknown): StoreError | null {
  if (error instanceof StoreError) return error;
  if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')) {
    return new StoreError('store:constraint', `${documentName(doc)}: could not store the document: ${error.message}`, { cause: error });
  }
  return null;
}

export class SqliteStore implements Store {
  private readonly sql: StatementCache;
  private readonly putOne: Database.Transaction<(doc: Doc, indexLater?: IndexRow[]) => PutResult>;
  private readonly writer: DocumentWriter;
  private readonly putBatch: Database.Transaction<(docs: readonly Doc[]) => BatchPutResult[]>;
  private readonly reconcile: ReconcileTables;
  /** Full-text rows of the documents stored in the running batch, indexed when it commits (see inBatch); null outside one. */
  private batchIndexRows: IndexRow[] | null = null;

  constructor(
    private readonly db: Database.Database,
    options: SqliteStoreOptions = {},
  ) {
    this.sql = new StatementCache(db);
    this.reconcile = new ReconcileTables(db, this.sql, { bandsWaitingLimit: options.bandsWaitingLimit ?? waitingBandsLimit });
    const writer = new DocumentWriter(this.sql, { keepOriginal: options.keepOriginal ?? false });
    this.writer = writer;
    this.putOne = db.transaction((doc: Doc, indexLater?: IndexRow[]) => writer.write(doc, indexLater));
    // Inside the batch transaction each putOne call runs in a savepoint, so one bad document rolls back alone.
    this.putBatch = db.transaction((docs: readonly Doc[]) =>
      docs.map((doc): BatchPutResult => {
        try {
          return this.putOne(doc);
        } catch (error) {
          const failure = documentFailure(doc, error);
          if (!failure) throw error;
          return { status: 'failed', id: doc.id, error: failure };
        }
      }),
    );
  }

  /** The database file path. */
  get path(): string {
    return this.db.name;
  }

  private assertOpen(): void {
    if (!this.db.open) throw new StoreError('store:closed', `the store ${this.db.name} is closed`);
  }

  async putDocument(doc: Doc): Promise<PutResult> {
    this.assertOpen();
    try {
      if (!this.batchIndexRows) return this.putOne.immediate(doc);
      const indexLater: IndexRow[] = [];
      const result = this.putOne.immediate(doc, indexLater);
      this.batchIndexRows.push(...indexLater);
      return result;
    } catch (error) {
      throw documentFailure(doc, error) ?? error;
    }
  }

  async putDocuments(docs: readonly Doc[]): Promise<BatchPutResult[]> {
    this.assertOpen();
    return this.putBatch.immediate(docs);
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    this.assertOpen();
    const row = this.sql
      .get(`SELECT ${summaryColumns}, d.source_kind, d.format, t.content, t.original, t.text, t.source_map, t.removed,
              t.headings, t.messages, t.source_messages
            FROM ${summaryFrom} JOIN document_texts t ON t.doc = d.seq WHERE d.id = ?`)
      .get(id) as (SummaryRow & BodyRow) | undefined;
    if (!row) return null;
    const seq = row.seq;
    const facts = <K extends FactKind>(kind: K): FactByKind[K][] => {
      const { table, read } = factTables[kind];
      const rows = this.sql.get(`SELECT * FROM ${table} WHERE doc = ? ORDER BY ordinal`).all(seq) as never[];
      return rows.map((factRow) => read(factRow));
    };
    const sentences = this.sql.get('SELECT span_start AS start, span_end AS end FROM sentences WHERE doc = ? ORDER BY ordinal').all(seq) as {
      start: number;
      end: number;
    }[];
    return {
      ...toSummary(row),
      raw: {
        origin: row.origin,
        kind: row.source_kind,
        format: row.format,
        content: row.content,
        original: row.original,
        messages: JSON.parse(row.source_messages),
      },
      text: row.text,
      sourceMap: JSON.parse(row.source_map),
      removed: JSON.parse(row.removed),
      headings: JSON.parse(row.headings),
      sentences,
      messages: JSON.parse(row.messages),
      entities: this.readEntities(seq, row.text),
      dates: facts('date'),
      quotes: facts('quote'),
      quantities: facts('quantity'),
      stances: facts('stance'),
      events: facts('event'),
    };
  }

  private readEntities(seq: number, text: string): Entity[] {
    const rows = this.sql
      .get('SELECT id, entity_id, name, kind, party, roles, aliases FROM entities WHERE doc = ? ORDER BY ordinal')
      .all(seq) as (Omit<StoredEntityRow, 'mention_count' | 'document_id'> & { id: number })[];
    const mentions = this.sql
      .get(`SELECT m.entity, m.span_start, m.span_end FROM mentions m JOIN entities e ON e.id = m.entity
            WHERE e.doc = ? ORDER BY m.entity, m.ordinal`)
      .all(seq) as { entity: number; span_start: number; span_end: number }[];
    const byEntity = new Map<number, Entity['mentions']>();
    for (const mention of mentions) {
      const list = byEntity.get(mention.entity) ?? [];
      list.push({ start: mention.span_start, end: mention.span_end, text: text.slice(mention.span_start, mention.span_end) });
      byEntity.set(mention.entity, list);
    }
    return rows.map((row) => ({
      id: row.entity_id,
      name: row.name,
      kind: row.kind,
      party: row.party,
      roles: JSON.parse(row.roles) as string[],
      aliases: JSON.parse(row.aliases) as string[],
      mentions: byEntity.get(row.id) ?? [],
    }));
  }

  async listVersions(id: string): Promise<DocumentSummary[]> {
    this.assertOpen();
    const rows = this.sql
      .get(`SELECT ${summaryColumns} FROM ${summaryFrom}
            WHERE d.identity = (SELECT identity FROM documents WHERE id = ?) ORDER BY d.version`)
      .all(id) as SummaryRow[];
    return rows.map(toSummary);
  }

  async listDocuments(filter: DocumentFilter = {}): Promise<DocumentSummary[]> {
    this.assertOpen();
    const { clauses, params } = publishedClauses(filter);
    if (filter.story !== undefined) {
      clauses.push('d.seq IN (SELECT doc FROM doc_reconcile WHERE story = ?)');
      params.push(filter.story);
    }
    const rows = this.sql
      .get(`SELECT ${summaryColumns} FROM ${summaryFrom} ${where(clauses)}
            ORDER BY d.published IS NULL, d.published DESC, d.seq DESC LIMIT ? OFFSET ?`)
      .all(...params, ...page(filter)) as SummaryRow[];
    return rows.map(toSummary);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    this.assertOpen();
    this.indexBatchSentences();
    const match = toFtsMatch(parseSearchQuery(query));
    const mark = options.mark ?? defaultMark;
    const [limit, offset] = page(options, defaultSearchLimit);
    const ranked = this.rankMatches(match, options, limit < 0 ? Infinity : offset + limit);
    const chosen = limit < 0 ? ranked.slice(offset) : ranked.slice(offset, offset + limit);
    // Read and mark up only the page of hits: snippet() and highlight() cost far more than bm25().
    // The CAST matters: JavaScript numbers bind as REAL, and FTS5 ignores a rowid constraint on a REAL value.
    const read = this.sql.get(`SELECT s.ordinal, s.span_start, s.span_end, s.text, d.id AS document_id, d.version, d.title, d.source, d.url, d.file, d.published
      FROM sentences s JOIN documents d ON d.seq = s.doc WHERE s.id = ?`);
    const markUp = this.sql.get(`SELECT snippet(sentence_fts, 0, ?, ?, '…', ${snippetTokens}) AS snippet,
        highlight(sentence_fts, 0, '${highlightOpen}', '${highlightClose}') AS marked
      FROM sentence_fts WHERE sentence_fts MATCH ? AND rowid = CAST(? AS INTEGER)`);
    return chosen.map((hit) => {
      const row = read.get(hit.id) as SearchRow;
      const marked = markUp.get(mark.open, mark.close, match, hit.indexed) as { snippet: string; marked: string };
      return {
        documentId: row.document_id,
        version: row.version,
        title: row.title,
        source: row.source,
        published: row.published,
        url: row.url,
        file: row.file,
        sentence: { index: row.ordinal, start: row.span_start, end: row.span_end, text: row.text },
        snippet: marked.snippet,
        highlights: highlightSpans(marked.marked, row.text, row.span_start),
        score: -hit.bm25,
      };
    });
  }

  /**
   * The first `wanted` sentences matching `match` that pass the filters, in search order: bm25, then
   * the latest published, then the earliest stored. The full-text index holds each sentence text once
   * (migration 12), so the texts are ranked on it alone; then the sentences of the best texts are read
   * with their documents' filter columns, a few texts at a time, doubling. Reading stops once `wanted`
   * sentences passed and the next text ranks strictly lower, so that every sentence tied with the last
   * one kept is read and ordered by the tie-breaks.
   */
  private rankMatches(match: string, filter: PublishedFilter, wanted: number): RankedMatch[] {
    if (wanted < 1) return [];
    const { clauses, params } = publishedClauses(filter);
    // INDEXED BY: SQLite would read each copy's row from the table, which holds the text; the two indexes answer from fewer pages.
    const copies = this.sql.get(`SELECT k.id AS indexed, s.id, d.published
      FROM sentences k JOIN sentences s INDEXED BY sentences_text ON s.text_key = k.text_key
      JOIN documents d INDEXED BY documents_search_filter ON d.seq = s.doc
      ${where(['k.id IN (SELECT value FROM json_each(?))', ...clauses])}`);
    const kept: RankedMatch[] = [];
    let pending = new Map<number, number>();
    const readCopies = () => {
      if (pending.size === 0) return;
      const rows = copies.all(JSON.stringify([...pending.keys()]), ...params) as { indexed: number; id: number; published: string | null }[];
      for (const row of rows) kept.push({ id: row.id, indexed: row.indexed, bm25: pending.get(row.indexed) as number, published: row.published });
      pending = new Map();
    };
    let batch = 1;
    let worstKept = Infinity;
    // Sorted by SQLite rather than by FTS5's `ORDER BY rank`, whose rows come out several times slower.
    const ranked = this.sql.get('SELECT rowid, bm25(sentence_fts) AS bm25 FROM sentence_fts WHERE sentence_fts MATCH ? ORDER BY bm25').raw(true);
    for (const [indexed, bm25] of ranked.iterate(match) as IterableIterator<[number, number]>) {
      if (bm25 > worstKept) break;
      pending.set(indexed, bm25);
      if (pending.size < batch) continue;
      readCopies();
      batch = Math.min(batch * 2, maxBatch);
      if (kept.length >= wanted) worstKept = kept.sort(bySearchOrder)[wanted - 1].bm25;
    }
    readCopies();
    return kept.sort(bySearchOrder);
  }

  async stats(): Promise<StoreStats> {
    this.assertOpen();
    const count = (from: string): number =>
      (this.sql.get(`SELECT count(*) AS n FROM ${from} WHERE d.is_current = 1`).get() as { n: number }).n;
    const facts = (table: string) => count(`${table} f JOIN documents d ON d.seq = f.doc`);
    const totals = this.sql.get('SELECT count(*) AS versions FROM documents').get() as { versions: number };
    const range = this.sql.get('SELECT min(published) AS first, max(published) AS last FROM documents WHERE is_current = 1').get() as {
      first: string | null;
      last: string | null;
    };
    const bySource = this.sql
      .get('SELECT source, count(*) AS documents FROM documents WHERE is_current = 1 GROUP BY source ORDER BY documents DESC, source')
      .all() as { source: string | null; documents: number }[];
    const pageCount = this.db.pragma('page_count', { simple: true }) as number;
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    return {
      documents: count('documents d'),
      versions: totals.versions,
      sentences: facts('sentences'),
      entities: facts('entities'),
      mentions: count('mentions m JOIN entities e ON e.id = m.entity JOIN documents d ON d.seq = e.doc'),
      quotes: facts('quotes'),
      quantities: facts('quantities'),
      stances: facts('stances'),
      events: facts('events'),
      dates: facts('dates'),
      bySource,
      published: range,
      sizeBytes: pageCount * pageSize,
      schemaVersion: schemaVersion(this.db),
    };
  }

  async revision(): Promise<string> {
    this.assertOpen();
    const row = this.sql.get('SELECT token, value FROM store_revision WHERE id = 1').get() as { token: string; value: number };
    return `${row.token}-${row.value}`;
  }

  async listEntities(filter: EntityFilter = {}): Promise<EntitySummary[]> {
    this.assertOpen();
    const rows = this.sql
      .get(`SELECT e.entity_id, e.name, e.kind, e.party, e.roles, e.aliases, e.mention_count, d.id AS document_id
            FROM entities e JOIN documents d ON d.seq = e.doc
            ${filter.includeSuperseded ? '' : 'WHERE d.is_current = 1'}
            ORDER BY d.seq, e.ordinal`)
      .iterate() as IterableIterator<StoredEntityRow>;
    return summariseEntities(
      (function* () {
        for (const row of rows) yield toEntityRow(row);
      })(),
      filter,
    );
  }

  async listFacts<K extends FactKind>(kind: K, filter: FactFilter = {}): Promise<StoredFact<K>[]> {
    this.assertOpen();
    const { table, read } = factTables[kind];
    const { clauses, params } = publishedClauses(filter);
    if (filter.documentId !== undefined) {
      clauses.push('d.id = ?');
      params.push(filter.documentId);
    }
    const rows = this.sql
      .get(`SELECT f.*, d.id AS document_id, d.published AS document_published, d.source AS document_source
            FROM ${table} f JOIN documents d ON d.seq = f.doc ${where(clauses)}
            ORDER BY d.published IS NULL, d.published, d.seq, f.ordinal LIMIT ? OFFSET ?`)
      .all(...params, ...page(filter)) as FactRow[];
    return rows.map((row) => ({
      id: storedFactId(row.document_id, kind, row.ordinal),
      kind,
      documentId: row.document_id,
      published: row.document_published,
      source: row.document_source,
      fact: read(row as never),
    }));
  }

  async getReconcileState(documentId: string): Promise<ReconcileState | null> {
    this.assertOpen();
    return this.reconcile.getReconcileState(documentId);
  }

  async listUnreconciled(page: Page = {}): Promise<string[]> {
    this.assertOpen();
    return this.reconcile.listUnreconciled(page);
  }

  async findSketchCandidates(bandKeys: readonly number[], options: { limit?: number } = {}): Promise<SketchCandidate[]> {
    this.assertOpen();
    return this.reconcile.findSketchCandidates(bandKeys, options);
  }

  async findStoryCandidates(features: readonly string[], window: { from?: string; to?: string } = {}): Promise<StoryRecord[]> {
    this.assertOpen();
    return this.reconcile.findStoryCandidates(features, window);
  }

  async getStory(id: string): Promise<StoryRecord | null> {
    this.assertOpen();
    return this.reconcile.getStory(id);
  }

  async listStories(filter: { since?: string; until?: string; limit?: number } = {}): Promise<StoryRecord[]> {
    this.assertOpen();
    return this.reconcile.listStories(filter);
  }

  async findMergedFacts<K extends MergedKind>(kind: K, query: MergedFactQuery): Promise<MergedFactRecord<K>[]> {
    this.assertOpen();
    return this.reconcile.findMergedFacts(kind, query);
  }

  async listMergedFacts<K extends MergedKind>(kind: K, filter: MergedFactFilter = {}): Promise<MergedFactRecord<K>[]> {
    this.assertOpen();
    return this.reconcile.listMergedFacts(kind, filter);
  }

  async listMembers<K extends MergedKind>(kind: K, ids: readonly string[], options: MemberOptions = {}): Promise<Map<string, MemberReport<K>[]>> {
    this.assertOpen();
    // A bounded listing reads each fact's first members by index; the full listing reads them all in one query.
    if (options.perFact !== undefined) return this.reconcile.listMemberWindow(kind, ids, { ...options, perFact: options.perFact });
    return this.reconcile.listMembers(kind, ids, options);
  }

  async getMergedFact(id: string): Promise<MergedFactWithMembers | null> {
    this.assertOpen();
    return this.reconcile.getMergedFact(id);
  }

  async findContradictions(query: ContradictionQuery): Promise<ContradictionRecord[]> {
    this.assertOpen();
    return this.reconcile.findContradictions(query);
  }

  async listContradictions(filter: ContradictionFilter = {}): Promise<ContradictionRecord[]> {
    this.assertOpen();
    return this.reconcile.listContradictions(filter);
  }

  async getContradiction(id: string): Promise<ContradictionRecord | null> {
    this.assertOpen();
    return this.reconcile.getContradiction(id);
  }

  async applyReconcile(update: ReconcileUpdate): Promise<void> {
    this.assertOpen();
    // A batch writes the waiting band keys at its commit. Outside one, an update that finds enough of them waiting
    // writes them first, in its own transaction: if either fails, neither is committed, and the error the caller
    // sees is never about an update that was in fact stored.
    const single = !this.db.inTransaction;
    let changes: MemberChanges;
    try {
      changes = this.reconcile.transaction(() => {
        if (single) this.reconcile.writeWaitingBands();
        return this.reconcile.apply(update);
      });
    } catch (error) {
      // The keys written and taken out of the copy in memory came back with the rollback.
      if (single) this.reconcile.forgetCaches();
      throw error;
    }
    this.reconcile.updateApplied(update, changes);
  }

  async inBatch<T>(work: () => Promise<T>): Promise<T> {
    this.assertOpen();
    if (this.db.inTransaction) throw new StoreError('store:batch', 'a batch is already running on this store');
    // Inside an open transaction better-sqlite3 runs each document's and each reconcile's transaction as a
    // savepoint, so one failing write still rolls back alone while the commit is shared. SQLite copies every page
    // a savepoint touches that the batch had already changed into the savepoint's journal: kept in memory for the
    // batch, not written to a temporary file (a pwrite per page, ~5% of ingest). Outside a batch temporary files
    // stay allowed: SQLite sorts (search ranks its matches) ~10% faster with them.
    this.db.pragma('temp_store = MEMORY');
    try {
      return await this.runBatch(work);
    } finally {
      this.db.pragma('temp_store = DEFAULT');
    }
  }

  private async runBatch<T>(work: () => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    // FTS5 writes its pending rows out as a new index segment at every savepoint, that is for every document:
    // the batch's sentences are indexed together, before it commits or a search inside it.
    this.batchIndexRows = [];
    try {
      return await work();
    } finally {
      const indexRows = this.batchIndexRows ?? [];
      this.batchIndexRows = null;
      // A severe SQLite error (disk full, I/O) may already have rolled the whole transaction back.
      if (this.db.inTransaction) this.commitBatch(indexRows);
      // Rolled back: the caches that saw the batch's writes go.
      else this.reconcile.forgetCaches();
    }
  }

  /** Indexes the sentences of the documents stored so far in the running batch. */
  private indexBatchSentences(): void {
    if (!this.batchIndexRows?.length) return;
    this.writer.indexSentences(this.batchIndexRows);
    this.batchIndexRows = [];
  }

  private commitBatch(indexRows: readonly IndexRow[]): void {
    try {
      this.writer.indexSentences(indexRows);
      this.reconcile.writeWaitingBands();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.reconcile.forgetCaches();
      throw new StoreError('store:write', `cannot commit to ${this.db.name}: ${(error as Error).message}`, { cause: error });
    }
  }

  async getLastBriefAt(): Promise<string | null> {
    this.assertOpen();
    return this.reconcile.getLastBriefAt();
  }

  async recordBrief(at: string): Promise<void> {
    this.assertOpen();
    this.reconcile.recordBrief(at);
  }

  /** SQLite's own integrity check plus the full-text index's; an empty list means healthy. */
  async checkIntegrity(): Promise<string[]> {
    this.assertOpen();
    this.indexBatchSentences();
    const problems = (this.db.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .filter((result) => result !== 'ok');
    try {
      this.db.exec("INSERT INTO sentence_fts (sentence_fts) VALUES ('integrity-check')");
    } catch (error) {
      problems.push(`full-text index: ${(error as Error).message}`);
    }
    // Search finds a sentence only through the one sentence of its text that the index holds (migration 12).
    const misindexed = this.sql
      .get('SELECT count(*) FROM (SELECT text_key FROM sentences GROUP BY text_key HAVING sum(is_indexed) <> 1)')
      .pluck()
      .get() as number;
    if (misindexed > 0) problems.push(`full-text index: ${misindexed} sentence ${misindexed === 1 ? 'text is' : 'texts are'} indexed under no sentence or under several`);
    return problems;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens (creating if needed) the SQLite store at `path` and brings its schema up to date.
 * Fails with a `store:open` StoreError for a path that cannot be opened or a file that is
 * not a database, and `store:newer-schema` for a database written by a newer Parley.
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  if (options.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new StoreError('store:open', `there is no database at ${path}: ingest some documents first, or pass --db`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: options.busyTimeoutMs ?? 5000 });
    assertSchemaNotNewer(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Each stored document and its reconcile touch a few dozen scattered pages (band keys, indexes);
    // checkpointing every 1,000 pages (the default) then costs more than the writes themselves.
    db.pragma('wal_autocheckpoint = 10000');
    // SQLite's own page cache (2 MB by default) grows to 64 MB as pages are read. A large store's pages otherwise come
    // from the OS, which may have dropped them (on the benchmark machine its file cache is reclaimed within a minute or
    // two): at 100,000 articles this cut the system time of an ingest by a third (−0.5 ms an article, −3.4% to −4.6%).
    db.pragma('cache_size = -65536');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, { onUpgrade: options.onUpgrade });
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError('store:open', `cannot open the database ${path}: ${(error as Error).message}`, { cause: error });
  }
  return new SqliteStore(db, options);
}
