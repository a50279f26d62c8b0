// The SQLite side of reconcile: sketches and band keys, source groups, stories, merged facts and contradictions.
import type Database from 'better-sqlite3';
import type { DocumentEvidence, DocumentRef } from '../../doc/types.ts';
import type {
  ContradictionFilter,
  ContradictionQuery,
  ContradictionRecord,
  ContradictionRow,
  MemberOptions,
  MemberReport,
  MergedFactFilter,
  MergedFactQuery,
  MergedFactRecord,
  MergedFactRow,
  MergedFactWithMembers,
  MergedKind,
  Page,
  ReconcileState,
  ReconcileUpdate,
  SketchCandidate,
  StoryRecord,
  StoryRow,
} from '../store.ts';
import { mergedKinds } from '../store.ts';
import { factTables, parseStoredFactId, storedFactId } from './fact-tables.ts';
import { listMemberWindow, MemberWindowCache, type MemberPosition } from './member-window.ts';
import { LRUCache } from 'lru-cache';
import { cachedFact, passesQuery, recordOf, type CachedFact } from './fact-cache.ts';
import { WaitingBands } from './waiting-bands.ts';
import { SketchCache, type CachedSketch } from './sketch-cache.ts';
import type { StatementCache } from './statement-cache.ts';
import { assertTermDay, TermIndexCache, type KeptTermRow, type TermChange, type TermRow } from './term-index-cache.ts';

// SQLite accepts many more bound parameters, but lists this long are better sent in slices.
const inClauseChunk = 500;
const lastBriefKey = 'last-brief';
/** Documents read per LSH band when looking for near-duplicates (the most recently stored): a copy shares several bands, so a few dozen per band find it. */
const documentsPerBand = 30;
/**
 * Documents whose band keys wait before they are written together (see WaitingBands). At 100,000 documents
 * `sketch_bands` has ~32,000 leaf pages: a batch's 10,000 keys fall on ~8,600 of them, 2,000 documents' 100,000
 * keys about three to a page (+3.6% at 60,000 generated articles against writing at every commit). Their copy in
 * memory is ~10 MB.
 */
export const waitingBandsLimit = 2_000;
/*
 * What the reconcile caches hold. Each cached MB costs more than a MB of peak memory (evicted entries die in V8's
 * old generation and wait there for a full collection): with Node's default heap growth three to four, so the caches
 * were kept small (10,000 sketches, 3,000 facts, 8,000 window reports: 563–589 MB at 100,000 articles); with
 * parley's heap policy (src/cli/heap-policy.ts) about one and a half, and these sizes were +2.5% at 30,000
 * generated articles for 60 MB more (A/B, 308 → 368 MB peak).
 */
/** Sketches kept in memory for the near-duplicate lookup (see SketchCache): about 25 MB. */
const cachedSketches = 30_000;
/** Merged facts kept in memory for the event lookup (see ReconcileTables.facts): about 20 MB. */
const cachedMergedFacts = 12_000;
/**
 * Reports kept in member windows (see MemberWindowCache): a window holds up to twenty (disputeReports in
 * src/reconcile/reconcile-document.ts), so some thousands of windows. At 8,000 reports windows were evicted
 * more often than a new report made them stale from 20,000 articles on.
 */
const cachedWindowMembers = 40_000;
/**
 * Rows of the term index kept in memory for the event lookup (see TermIndexCache): the index of generated articles
 * grows more slowly than the store (19,500 rows at 5,000 articles, 28,100 at 10,000), so this holds all of it at
 * 100,000; a row costs about a hundred bytes.
 */
const cachedTermRows = 300_000;
// A rank no fact's member list reaches: "no limit" for the per-fact window.
const allMembers = 2 ** 31 - 1;

interface StoryDbRow {
  id: string;
  label: string;
  parties: string;
  issues: string;
  places: string;
  profile: string;
  document_count: number;
  first_seen: string | null;
  last_seen: string | null;
}

interface MergedDbRow {
  id: string;
  kind: MergedKind;
  story: string | null;
  key: string;
  window_start: string | null;
  window_end: string | null;
  fact_date: string | null;
  attributes: string;
  tallies: string;
  document_count: number;
  source_count: number;
  first_seen: string | null;
  last_seen: string | null;
  first_ingested: string | null;
}

/** One member report of a merged fact with the document facts every listing shows. */
export interface MemberDbRow {
  merged: string;
  ordinal: number;
  document_id: string;
  published: string | null;
  source: string | null;
  file: string | null;
  url: string | null;
  title: string | null;
  ingested_at: string;
  source_group: string;
  doc_story: string | null;
}

interface ContradictionDbRow {
  id: string;
  subject: string;
  kind: ContradictionRow['kind'];
  about: string;
  story: string | null;
  sides: string;
  first_seen: string | null;
  last_seen: string | null;
  first_ingested: string | null;
}

/** A document's first report in a merged fact, to count. */
/** A stored document whose reports an update attaches, with what counting them needs. */
interface Reporter {
  seq: number;
  published: string | null;
  ingestedAt: string;
  /** Null when the document is not reconciled: its reports are then not counted. */
  sourceGroup: string | null;
  /** Whether it had members before this update; `joinedFacts` are the facts this update put it in. */
  hadMembers: boolean;
  joinedFacts: Set<string>;
}

/** What an update did to merged facts' members, for the member window cache: reports joined, or something rarer (`reset`). */
export interface MemberChanges {
  joined: { merged: string; position: MemberPosition }[];
  reset: boolean;
  /** The stored document the update was about. */
  doc: number;
  /** Merged facts the update wrote, counted anew or deleted. */
  facts: Set<string>;
  /** Rows of the term index the update wrote or deleted. */
  termRows: TermChange[];
  /** Whether it deleted a merged fact (its term rows go with it, unseen). */
  factsDeleted: boolean;
}

interface NewReport {
  merged: string;
  reporter: Reporter;
}

interface DocDates {
  seq: number;
  id: string;
  published: string | null;
  ingested_at: string;
  file: string | null;
  url: string | null;
  source: string | null;
  title: string | null;
}

function placeholders(count: number): string {
  return new Array(count).fill('?').join(', ');
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += inClauseChunk) out.push(items.slice(i, i + inClauseChunk));
  return out;
}

/** The least string above every string starting with `prefix` (its last character bumped), or null when there is none. */
function prefixEnd(prefix: string): string | null {
  const chars = [...prefix];
  const last = chars.pop();
  if (last === undefined) return null;
  const code = last.codePointAt(0) as number;
  // SQLite compares text by its UTF-8 bytes, which order as code points do; a lone surrogate has no UTF-8 form.
  if (code >= 0x10ffff || (code >= 0xd800 && code < 0xe000)) return null;
  return chars.join('') + String.fromCodePoint(code + 1);
}

function toStoryRecord(row: StoryDbRow): StoryRecord {
  return {
    id: row.id,
    label: row.label,
    parties: JSON.parse(row.parties) as string[],
    issues: JSON.parse(row.issues) as string[],
    places: JSON.parse(row.places) as string[],
    profile: JSON.parse(row.profile) as Record<string, number>,
    documentCount: row.document_count,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  };
}

/** A stored fact but its tallies. */
function factFields<K extends MergedKind>(row: MergedDbRow): Omit<MergedFactRecord<K>, 'tallies'> {
  return {
    id: row.id,
    kind: row.kind as K,
    story: row.story,
    key: row.key,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    date: row.fact_date,
    attributes: JSON.parse(row.attributes) as MergedFactRecord<K>['attributes'],
    documentCount: row.document_count,
    independentSources: row.source_count,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    firstIngested: row.first_ingested,
  };
}

/** A stored fact; its tallies are parsed when first read, since a lookup reads many candidates and uses the tallies of few. */
function toMergedRecord<K extends MergedKind>(row: MergedDbRow): MergedFactRecord<K> {
  return recordOf<K>({ record: factFields(row), tallies: row.tallies });
}

function documentRef(row: { document_id?: string; id?: string; file: string | null; url: string | null; source: string | null; title: string | null; published: string | null }): DocumentRef {
  return { id: (row.document_id ?? row.id) as string, file: row.file, url: row.url, source: row.source, title: row.title, published: row.published };
}

/** Signatures are stored as the raw bytes of a Uint32Array; copying keeps the array aligned whatever buffer SQLite hands back. */
function toSignature(bytes: Buffer): Uint32Array {
  const signature = new Uint32Array(bytes.length / 4);
  new Uint8Array(signature.buffer).set(bytes);
  return signature;
}

/** Waiting band keys are stored as the raw bytes of a Float64Array (keys reach 2^38), copied to align them as signatures are. */
function bandKeysOf(bytes: Buffer): number[] {
  const keys = new Float64Array(bytes.length / 8);
  new Uint8Array(keys.buffer).set(bytes);
  return [...keys];
}

/** An update's band keys, each once. */
function distinctBandKeys(update: ReconcileUpdate): number[] {
  return [...new Set(update.sketch?.bandKeys ?? [])];
}

function minOf(values: (string | null)[]): string | null {
  const present = values.filter((value): value is string => value !== null);
  return present.length === 0 ? null : present.reduce((a, b) => (a < b ? a : b));
}

function maxOf(values: (string | null)[]): string | null {
  const present = values.filter((value): value is string => value !== null);
  return present.length === 0 ? null : present.reduce((a, b) => (a > b ? a : b));
}


/** Adds the story and seen/ingested-window conditions merged facts and contradictions share (same column names). */
function seenWindowClauses(
  filter: { story?: string; since?: string; until?: string; ingestedAfter?: string },
  start: { clauses: string[]; params: unknown[] },
): { clauses: string[]; params: unknown[] } {
  const { clauses, params } = start;
  const conditions: [string, string | undefined][] = [
    ['story = ?', filter.story],
    ['last_seen >= ?', filter.since],
    ['first_seen <= ?', filter.until],
    ['first_ingested > ?', filter.ingestedAfter],
  ];
  for (const [clause, value] of conditions) {
    if (value === undefined) continue;
    clauses.push(clause);
    params.push(value);
  }
  return { clauses, params };
}
export class ReconcileTables {
  private readonly sketches = new SketchCache(cachedSketches);
  /**
   * Stored events the event lookup read, least recently used dropped first. Each event report weighs a few dozen
   * events found under its terms, and consecutive reports weigh mostly the same ones (on 20,000 generated
   * articles, 94% of the events read had been read since they were last written); reading them again — two index
   * seeks and a row decode each — grew into the lookup's largest cost as the store grew. Like the sketches, right
   * only while this connection is the only writer (see validateCaches); every fact reconcile writes or recounts is dropped.
   */
  private readonly facts = new LRUCache<string, CachedFact>({ max: cachedMergedFacts });
  private readonly memberWindows = new MemberWindowCache(cachedWindowMembers);
  private readonly waiting = new WaitingBands();
  private readonly termIndex = new TermIndexCache(cachedTermRows);
  /** `PRAGMA data_version` when the caches were last known right: another connection's commit changes it. */
  private cachesVersion: number | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly sql: StatementCache,
    private readonly options: { bandsWaitingLimit: number },
  ) {}

  /** A committed update: the cached sketch of its document follows what it wrote, the facts it changed are dropped. */
  updateApplied(update: ReconcileUpdate, changes: MemberChanges): void {
    const doc = changes.doc;
    if (update.detach) this.sketches.storyCleared(doc);
    else if (update.sketch) {
      const { shingles, signature } = update.sketch;
      this.sketches.set(doc, { documentId: update.documentId, shingles, signature, sourceGroup: update.sourceGroup, story: update.story });
    } else this.sketches.delete(doc);
    // Only now, with the update's savepoint released: a rolled-back update leaves no keys waiting.
    if (!update.detach && this.waiting.current) this.waiting.set(doc, distinctBandKeys(update));
    for (const id of changes.facts) this.facts.delete(id);
    if (changes.factsDeleted) this.termIndex.clear();
    else this.termIndex.changed(changes.termRows);
    if (changes.reset) this.memberWindows.clear();
    else for (const { merged, position } of changes.joined) this.memberWindows.memberJoined(merged, position);
  }

  /**
   * Writes the waiting band keys into `sketch_bands` in key order once enough documents wait (see WaitingBands):
   * in the caller's transaction, or in one of its own.
   */
  writeWaitingBands(): void {
    const waiting = this.waitingBands();
    if (waiting.size < this.options.bandsWaitingLimit) return;
    const write = () => {
      // JavaScript numbers bind as REAL; band keys are whole numbers, bound as BigInt so they are stored and compared as integers.
      const insertBand = this.sql.get('INSERT OR IGNORE INTO sketch_bands (band_key, doc) VALUES (?, ?)');
      for (const [key, doc] of waiting.pairs()) insertBand.run(BigInt(key), doc);
      this.sql.get('DELETE FROM sketch_bands_waiting').run();
    };
    if (this.db.inTransaction) write();
    else this.transaction(write);
    // Written and deleted: none wait now.
    waiting.load([]);
  }

  /** The waiting band keys, read from their table when the copy in memory is not current. */
  private waitingBands(): WaitingBands {
    this.validateCaches();
    if (!this.waiting.current) {
      const rows = this.sql.get('SELECT doc, band_keys FROM sketch_bands_waiting').all() as { doc: number; band_keys: Buffer }[];
      this.waiting.load(rows.map((row) => ({ doc: row.doc, keys: bandKeysOf(row.band_keys) })));
    }
    return this.waiting;
  }

  /** Something this connection wrote was rolled back: the caches may hold it. */
  forgetCaches(): void {
    this.sketches.clear();
    this.facts.clear();
    this.memberWindows.clear();
    this.waiting.unload();
    this.termIndex.clear();
  }

  /** Empties the caches when another connection has committed since they were last checked. */
  private validateCaches(): void {
    const version = this.sql.get('PRAGMA data_version').pluck().get() as number;
    if (version === this.cachesVersion) return;
    this.forgetCaches();
    this.cachesVersion = version;
  }

  private seqOf(documentId: string): number | null {
    const row = this.sql.get('SELECT seq FROM documents WHERE id = ?').get(documentId) as { seq: number } | undefined;
    return row ? row.seq : null;
  }

  getReconcileState(documentId: string): ReconcileState | null {
    const row = this.sql
      .get(`SELECT d.id, r.source_group, r.story, r.reconciled_at FROM doc_reconcile r JOIN documents d ON d.seq = r.doc WHERE d.id = ?`)
      .get(documentId) as { id: string; source_group: string; story: string | null; reconciled_at: string } | undefined;
    return row ? { documentId: row.id, sourceGroup: row.source_group, story: row.story, reconciledAt: row.reconciled_at } : null;
  }

  listUnreconciled(page: Page = {}): string[] {
    const rows = this.sql
      .get(`SELECT d.id FROM documents d LEFT JOIN doc_reconcile r ON r.doc = d.seq
            WHERE d.is_current = 1 AND r.doc IS NULL ORDER BY d.seq LIMIT ? OFFSET ?`)
      .all(page.limit ?? -1, page.offset ?? 0) as { id: string }[];
    return rows.map((row) => row.id);
  }

  findSketchCandidates(bandKeys: readonly number[], options: { limit?: number } = {}): SketchCandidate[] {
    const keys = [...new Set(bandKeys)];
    if (keys.length === 0) return [];
    // Each band contributes at most its most recent documents: a band shared by thousands (a stock
    // phrase happened to give the minimum hashes) says little, and reading all of it would make the
    // cost per document grow with the corpus. Ranking by shared bands then happens on that bounded set.
    const band = `SELECT doc FROM (SELECT doc FROM sketch_bands WHERE band_key = ? ORDER BY doc DESC LIMIT ${documentsPerBand})`;
    // Counted here rather than with GROUP BY: SQLite would sort the rows through a temporary index first.
    const shared = new Map<number, number>();
    const count = (doc: number) => shared.set(doc, (shared.get(doc) ?? 0) + 1);
    // A band with documents waiting (see WaitingBands) takes its most recent from both.
    const waitingBands = this.waitingBands();
    const waiting = keys.filter((key) => waitingBands.docsOf(key) !== undefined);
    const stored = waiting.length === 0 ? keys : keys.filter((key) => waitingBands.docsOf(key) === undefined);
    if (stored.length > 0) {
      for (const doc of this.sql.get(stored.map(() => band).join(' UNION ALL ')).pluck().all(...stored.map((key) => BigInt(key))) as number[]) count(doc);
    }
    for (const key of waiting) {
      const docs = [...(waitingBands.docsOf(key) ?? []), ...(this.sql.get(band).pluck().all(BigInt(key)) as number[])];
      for (const doc of docs.sort((a, b) => b - a).slice(0, documentsPerBand)) count(doc);
    }
    const hits = [...shared]
      .map(([doc, count]) => ({ doc, shared: count }))
      .sort((a, b) => b.shared - a.shared || b.doc - a.doc)
      .slice(0, options.limit ?? shared.size);
    const found = new Map(hits.map((hit) => [hit.doc, this.sketches.get(hit.doc)]));
    for (const [doc, sketch] of this.readSketches([...found].filter(([, sketch]) => sketch === undefined).map(([doc]) => doc))) found.set(doc, sketch);
    const candidates: SketchCandidate[] = [];
    for (const hit of hits) {
      const sketch = found.get(hit.doc);
      if (sketch) candidates.push({ ...sketch, sharedBands: hit.shared });
    }
    return candidates;
  }

  /** The first `options.perFact` members of each fact (see listMemberWindow), earliest-first windows kept in memory. */
  listMemberWindow<K extends MergedKind>(kind: K, ids: readonly string[], options: MemberOptions & { perFact: number }): Map<string, MemberReport<K>[]> {
    this.validateCaches();
    return listMemberWindow(this.sql, kind, ids, options, this.memberWindows);
  }

  /** The stored facts with these ids, from the cache or read into it. */
  private cachedFacts(ids: readonly string[]): CachedFact[] {
    this.validateCaches();
    const found = new Map(ids.map((id) => [id, this.facts.get(id)]));
    const missing = [...found].filter(([, fact]) => fact === undefined).map(([id]) => id);
    for (const slice of chunks(missing)) {
      for (const row of this.sql.get(`SELECT * FROM merged_facts WHERE id IN (${placeholders(slice.length)})`).all(...slice) as MergedDbRow[]) {
        const fact = cachedFact(factFields(row), row.tallies);
        this.facts.set(row.id, fact);
        found.set(row.id, fact);
      }
    }
    return [...found.values()].filter((fact): fact is CachedFact => fact !== undefined);
  }

  /** Reads the stored sketches of `docs`, keeping them in the cache. */
  private readSketches(docs: readonly number[]): Map<number, CachedSketch> {
    const read = new Map<number, CachedSketch>();
    for (const slice of chunks(docs)) {
      const rows = this.sql
        .get(`SELECT s.doc, d.id, s.shingles, s.signature, r.source_group, r.story
              FROM doc_sketches s JOIN documents d ON d.seq = s.doc JOIN doc_reconcile r ON r.doc = s.doc
              WHERE s.doc IN (${placeholders(slice.length)})`)
        .all(...slice) as { doc: number; id: string; shingles: number; signature: Buffer; source_group: string; story: string | null }[];
      for (const row of rows) {
        const sketch = { documentId: row.id, shingles: row.shingles, signature: toSignature(row.signature), sourceGroup: row.source_group, story: row.story };
        this.sketches.set(row.doc, sketch);
        read.set(row.doc, sketch);
      }
    }
    return read;
  }

  findStoryCandidates(features: readonly string[], window: { from?: string; to?: string } = {}): StoryRecord[] {
    if (features.length === 0) return [];
    const ids = new Set<string>();
    for (const slice of chunks(features)) {
      const rows = this.sql.get(`SELECT DISTINCT story FROM story_features WHERE feature IN (${placeholders(slice.length)})`).all(...slice) as { story: string }[];
      for (const row of rows) ids.add(row.story);
    }
    const stories: StoryRecord[] = [];
    for (const slice of chunks([...ids])) {
      const rows = this.sql
        .get(`SELECT * FROM stories WHERE id IN (${placeholders(slice.length)})
              AND (last_seen IS NULL OR ? IS NULL OR last_seen >= ?) AND (first_seen IS NULL OR ? IS NULL OR first_seen <= ?)`)
        .all(...slice, window.from ?? null, window.from ?? null, window.to ?? null, window.to ?? null) as StoryDbRow[];
      stories.push(...rows.map(toStoryRecord));
    }
    return stories.sort((a, b) => a.id.localeCompare(b.id));
  }

  getStory(id: string): StoryRecord | null {
    const row = this.sql.get('SELECT * FROM stories WHERE id = ?').get(id) as StoryDbRow | undefined;
    return row ? toStoryRecord(row) : null;
  }

  listStories(filter: { since?: string; until?: string; limit?: number } = {}): StoryRecord[] {
    if (filter.since === undefined && filter.until === undefined) {
      const rows = this.sql
        .get('SELECT * FROM stories WHERE document_count > 0 ORDER BY document_count DESC, last_seen DESC, id LIMIT ?')
        .all(filter.limit ?? -1) as StoryDbRow[];
      return rows.map(toStoryRecord);
    }
    const rows = this.sql
      .get(`SELECT s.id, s.label, s.parties, s.issues, s.places, s.profile, count(*) AS document_count,
              min(d.published) AS first_seen, max(d.published) AS last_seen
            FROM documents d JOIN doc_reconcile r ON r.doc = d.seq JOIN stories s ON s.id = r.story
            WHERE d.is_current = 1 AND d.published >= coalesce(?, '') AND d.published <= coalesce(?, '9999')
            GROUP BY s.id ORDER BY document_count DESC, last_seen DESC, s.id LIMIT ?`)
      .all(filter.since ?? null, filter.until ?? null, filter.limit ?? -1) as StoryDbRow[];
    return rows.map(toStoryRecord);
  }

  findMergedFacts<K extends MergedKind>(kind: K, query: MergedFactQuery): MergedFactRecord<K>[] {
    if (query.terms !== undefined && query.nearest !== undefined) {
      const near = this.nearestByTerms(query.terms, query.nearest, query);
      const ids = query.ids === undefined ? near : near.filter((id) => query.ids?.includes(id));
      if (query.keyPrefix !== undefined || query.document !== undefined) return ids.length === 0 ? [] : this.findMergedFacts(kind, { ...query, terms: undefined, nearest: undefined, ids });
      return this.cachedFacts(ids)
        .filter((fact) => passesQuery(fact.record, kind, query))
        .sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0))
        .map((fact) => recordOf<K>(fact));
    }
    const clauses = ['f.kind = ?'];
    const params: unknown[] = [kind];
    let from = 'merged_facts f';
    if (query.document !== undefined) {
      from = `merged_facts f JOIN (SELECT DISTINCT m.merged FROM merged_members m JOIN documents d ON d.seq = m.doc WHERE d.id = ? AND m.kind = ?) x ON x.merged = f.id`;
      params.unshift(query.document, kind);
    } else if (query.terms !== undefined) {
      if (query.terms.length === 0) return [];
      // The term index is read by term and window start, so only the weeks asked for are scanned.
      const bounds = [
        ...(query.startsAfter !== undefined ? ['t.window_start >= ?'] : []),
        ...(query.windowTo !== undefined ? ['t.window_start <= ?'] : []),
      ];
      from = `merged_facts f JOIN (SELECT DISTINCT t.fact FROM merged_fact_terms t
        WHERE t.term IN (${placeholders(query.terms.length)}) ${bounds.map((bound) => `AND ${bound}`).join(' ')}) x ON x.fact = f.id`;
      params.unshift(...query.terms, ...(query.startsAfter !== undefined ? [query.startsAfter] : []), ...(query.windowTo !== undefined ? [query.windowTo] : []));
    }
    if (query.story !== undefined) {
      // With ids or keys given, the unary plus keeps SQLite on the key index rather than scanning the story.
      clauses.push(query.ids !== undefined || query.keys !== undefined || query.keyPrefix !== undefined ? '+f.story IS ?' : 'f.story IS ?');
      params.push(query.story);
    }
    if (query.keyPrefix !== undefined) {
      // A key range reads the prefix's keys from the key index; the substr check keeps the meaning exact.
      clauses.push('f.key >= ?', 'substr(f.key, 1, ?) = ?');
      params.push(query.keyPrefix, query.keyPrefix.length, query.keyPrefix);
      const end = prefixEnd(query.keyPrefix);
      if (end !== null) {
        clauses.push('f.key < ?');
        params.push(end);
      }
    }
    if (query.windowFrom !== undefined) {
      clauses.push('(f.window_end IS NULL OR f.window_end >= ?)');
      params.push(query.windowFrom);
    }
    if (query.windowTo !== undefined) {
      clauses.push('(f.window_start IS NULL OR f.window_start <= ?)');
      params.push(query.windowTo);
    }
    if (query.startsAfter !== undefined) {
      clauses.push('f.window_start >= ?');
      params.push(query.startsAfter);
    }
    // Ids or keys can be long lists: send them in slices, the other list (if any) is checked here.
    let rows: MergedDbRow[] = [];
    const listed = query.ids !== undefined ? { column: 'f.id', values: query.ids } : query.keys !== undefined ? { column: 'f.key', values: query.keys } : null;
    // Given ids, the unary plus keeps SQLite on the id index rather than reading every fact of the kind.
    if (listed?.column === 'f.id') clauses[0] = '+f.kind = ?';
    if (listed) {
      for (const slice of chunks(listed.values)) {
        rows.push(
          ...(this.sql
            .get(`SELECT f.* FROM ${from} WHERE ${[...clauses, `${listed.column} IN (${placeholders(slice.length)})`].join(' AND ')} ORDER BY f.id`)
            .all(...params, ...slice) as MergedDbRow[]),
        );
      }
      if (query.ids !== undefined && query.keys !== undefined) {
        const keys = new Set(query.keys);
        rows = rows.filter((row) => keys.has(row.key));
      }
    } else {
      rows = this.sql.get(`SELECT f.* FROM ${from} WHERE ${clauses.join(' AND ')} ORDER BY f.id`).all(...params) as MergedDbRow[];
    }
    return rows.map((row) => toMergedRecord<K>(row));
  }

  /**
   * The facts under `terms` nearest `nearest.day`: two short walks of the term index from that day per
   * term, one forward and one back, so that the cost stays the same however crowded the weeks are. The
   * walks go through the term's rows kept in memory (see TermIndexCache).
   */
  private nearestByTerms(terms: readonly string[], nearest: NonNullable<MergedFactQuery['nearest']>, query: MergedFactQuery): string[] {
    this.validateCaches();
    const after = query.startsAfter ?? '';
    const bounds = { windowTo: query.windowTo, windowFrom: query.windowFrom, limit: nearest.perTerm };
    const forwardWalk = TermIndexCache.prepare({ ...bounds, startsFrom: nearest.day > after ? nearest.day : after });
    const backWalk = TermIndexCache.prepare({ ...bounds, startsFrom: after, startsBefore: nearest.day });
    const found = new Map<string, { hits: number; distance: number }>();
    const day = Date.parse(nearest.day);
    for (const term of new Set(terms)) {
      const rows = this.termRows(term);
      const forward = TermIndexCache.walk(rows, forwardWalk);
      const back = TermIndexCache.walk(rows, backWalk);
      for (const row of [...forward, ...back]) {
        const entry = found.get(row.fact) ?? { hits: 0, distance: row.windowStart === '' ? Infinity : Math.abs(Date.parse(row.windowStart) - day) };
        entry.hits += 1;
        found.set(row.fact, entry);
      }
    }
    return [...found]
      .sort(([a, x], [b, y]) => y.hits - x.hits || x.distance - y.distance || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, nearest.limit)
      .map(([fact]) => fact);
  }

  /** A term's rows of the term index in its order, from the cache or read into it. */
  private termRows(term: string): readonly KeptTermRow[] {
    const cached = this.termIndex.get(term);
    if (cached) return cached;
    const rows = this.sql
      .get('SELECT window_start AS windowStart, window_end AS windowEnd, fact FROM merged_fact_terms WHERE term = ? ORDER BY window_start, fact')
      .all(term) as TermRow[];
    return this.termIndex.set(term, rows);
  }

  listMergedFacts<K extends MergedKind>(kind: K, filter: MergedFactFilter = {}): MergedFactRecord<K>[] {
    const { clauses, params } = seenWindowClauses(filter, { clauses: ['kind = ?'], params: [kind] });
    if (filter.firstSeenSince !== undefined) {
      clauses.push('first_seen >= ?');
      params.push(filter.firstSeenSince);
    }
    if (filter.dated) clauses.push('fact_date IS NOT NULL');
    if (filter.minSources !== undefined) {
      clauses.push('source_count >= ?');
      params.push(filter.minSources);
    }
    if (filter.keys !== undefined) {
      if (filter.keys.length === 0) return [];
      clauses.push(`key IN (${placeholders(filter.keys.length)})`);
      params.push(...filter.keys);
    }
    const order = {
      date: 'fact_date IS NULL, fact_date, first_seen, id',
      'latest-date': 'fact_date IS NULL, fact_date DESC, last_seen DESC, id',
      sources: 'source_count DESC, last_seen DESC, id',
      recent: 'last_seen DESC, source_count DESC, id',
    }[filter.order ?? 'date'];
    const rows = this.sql
      .get(`SELECT * FROM merged_facts WHERE ${clauses.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, filter.limit ?? -1, filter.offset ?? 0) as MergedDbRow[];
    return rows.map((row) => toMergedRecord<K>(row));
  }

  listMembers<K extends MergedKind>(kind: K, ids: readonly string[], options: MemberOptions = {}): Map<string, MemberReport<K>[]> {
    const { table, read } = factTables[kind];
    const byFact = new Map<string, MemberReport<K>[]>();
    // The unary plus keeps SQLite from reading members through the (kind, doc, ordinal) key, which
    // would scan every member of the kind; the (merged, published) index reads only the facts and days asked for.
    const range = [...(options.from !== undefined ? ['AND m.published >= ?'] : []), ...(options.to !== undefined ? ['AND m.published <= ?'] : [])].join(' ');
    const rangeParams = [...(options.from !== undefined ? [options.from] : []), ...(options.to !== undefined ? [options.to] : [])];
    for (const slice of chunks(ids)) {
      const rows = this.sql
        .get(`SELECT * FROM (
                SELECT f.*, m.merged, m.ordinal, d.id AS document_id, d.published, d.source, d.file, d.url, d.title, d.ingested_at,
                  r.source_group, r.story AS doc_story,
                  row_number() OVER (PARTITION BY m.merged ORDER BY ${options.latestFirst ? 'd.published IS NULL, d.published DESC, d.seq DESC' : 'd.published IS NULL, d.published, d.seq'}, m.ordinal) AS member_rank
                FROM merged_members m
                JOIN documents d ON d.seq = m.doc
                JOIN doc_reconcile r ON r.doc = m.doc
                JOIN ${table} f ON f.doc = m.doc AND f.ordinal = m.ordinal
                WHERE +m.kind = ? AND m.merged IN (${placeholders(slice.length)}) ${range})
              WHERE member_rank <= ? ORDER BY merged, member_rank`)
        .all(kind, ...slice, ...rangeParams, options.perFact ?? allMembers) as (MemberDbRow & Record<string, unknown>)[];
      for (const row of rows) {
        const list = byFact.get(row.merged) ?? [];
        list.push({
          id: storedFactId(row.document_id, kind, row.ordinal),
          kind,
          documentId: row.document_id,
          published: row.published,
          source: row.source,
          fact: read(row as never) as MemberReport<K>['fact'],
          ordinal: row.ordinal,
          ingestedAt: row.ingested_at,
          sourceGroup: row.source_group,
          story: row.doc_story,
          document: documentRef(row),
        });
        byFact.set(row.merged, list);
      }
    }
    return byFact;
  }

  getMergedFact(id: string): MergedFactWithMembers | null {
    const row = this.sql.get('SELECT kind FROM merged_facts WHERE id = ?').get(id) as { kind: MergedKind } | undefined;
    if (!row) return null;
    const [fact] = this.findMergedFacts(row.kind, { ids: [id] });
    if (!fact) return null;
    return { ...fact, members: this.listMembers(row.kind, [id]).get(id) ?? [] };
  }

  private readContradictions(rows: ContradictionDbRow[]): ContradictionRecord[] {
    const documentIds = new Set<string>();
    const parsed = rows.map((row) => {
      const sides = JSON.parse(row.sides) as ContradictionRow['sides'];
      for (const side of sides) for (const evidence of side.evidence) documentIds.add(evidence.documentId);
      return { row, sides };
    });
    const refs = this.documentRefs([...documentIds]);
    return parsed.map(({ row, sides }) => ({
      id: row.id,
      subject: row.subject,
      kind: row.kind,
      about: row.about,
      story: row.story,
      sides: sides.map((side) => ({
        ...side,
        documents: [...new Set(side.evidence.map((evidence) => evidence.documentId))]
          .map((documentId) => refs.get(documentId))
          .filter((ref): ref is DocumentRef => ref !== undefined),
      })),
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      firstIngested: row.first_ingested,
    }));
  }

  private documentRefs(ids: readonly string[]): Map<string, DocumentRef> {
    const refs = new Map<string, DocumentRef>();
    for (const slice of chunks(ids)) {
      const rows = this.sql
        .get(`SELECT seq, id, published, ingested_at, file, url, source, title FROM documents WHERE id IN (${placeholders(slice.length)})`)
        .all(...slice) as DocDates[];
      for (const row of rows) refs.set(row.id, documentRef(row));
    }
    return refs;
  }

  findContradictions(query: ContradictionQuery): ContradictionRecord[] {
    const rows: ContradictionDbRow[] = [];
    if (query.subjects !== undefined) {
      for (const slice of chunks(query.subjects)) {
        rows.push(...(this.sql.get(`SELECT * FROM contradictions WHERE subject IN (${placeholders(slice.length)})`).all(...slice) as ContradictionDbRow[]));
      }
    }
    if (query.document !== undefined) {
      rows.push(
        ...(this.sql
          .get(`SELECT c.* FROM contradictions c JOIN contradiction_documents x ON x.contradiction = c.id JOIN documents d ON d.seq = x.doc WHERE d.id = ?`)
          .all(query.document) as ContradictionDbRow[]),
      );
    }
    const unique = [...new Map(rows.map((row) => [row.id, row])).values()].sort((a, b) => a.id.localeCompare(b.id));
    return this.readContradictions(unique);
  }

  listContradictions(filter: ContradictionFilter = {}): ContradictionRecord[] {
    const { clauses, params } = seenWindowClauses(filter, { clauses: [], params: [] });
    const rows = this.sql
      .get(`SELECT * FROM contradictions ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
            ORDER BY first_seen IS NULL, first_seen DESC, id LIMIT ? OFFSET ?`)
      .all(...params, filter.limit ?? -1, filter.offset ?? 0) as ContradictionDbRow[];
    return this.readContradictions(rows);
  }

  getContradiction(id: string): ContradictionRecord | null {
    const row = this.sql.get('SELECT * FROM contradictions WHERE id = ?').get(id) as ContradictionDbRow | undefined;
    return row ? this.readContradictions([row])[0] : null;
  }

  getLastBriefAt(): string | null {
    const row = this.sql.get('SELECT value FROM settings WHERE key = ?').get(lastBriefKey) as { value: string } | undefined;
    return row ? row.value : null;
  }

  recordBrief(at: string): void {
    this.sql.get('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(lastBriefKey, at);
  }

  /**
   * Writes one document's reconcile decisions; the caller runs it in a transaction. A fact's counts
   * (documents, independent sources, first/last seen, first stored) are updated by the reports that
   * join it, so a fact reported thousands of times costs no more than one reported twice; only a
   * report leaving a fact (a superseded version, a report moved, a source group changed) recounts
   * the facts it leaves from their members.
   */
  apply(update: ReconcileUpdate): MemberChanges {
    const seq = this.seqOf(update.documentId);
    if (seq === null) throw new Error(`reconcile: no stored document ${update.documentId}`);
    const changes: MemberChanges = { joined: [], reset: update.detach === true, doc: seq, facts: new Set(), termRows: [], factsDeleted: false };
    // Whether a document had reports in merged facts before this update: read once, before any is added.
    const hadMembersBefore = new Map([[seq, this.hasMembers(seq)]]);
    const recount = new Set<string>();
    for (const story of update.stories) this.writeStory(story);
    const addFeature = this.sql.get('INSERT OR IGNORE INTO story_features (feature, story) VALUES (?, ?)');
    for (const { story, features } of update.storyFeatures) for (const feature of features) addFeature.run(feature, story);
    if (update.detach) {
      this.detach(seq, recount);
    } else {
      if (this.assignDocument(seq, update, recount, { hadMembers: hadMembersBefore.get(seq) ?? false })) changes.reset = true;
      this.writeSketch(seq, update);
    }
    const written = new Set<string>();
    for (const fact of update.facts) {
      const created = this.writeFact(fact);
      written.add(fact.id);
      if (fact.terms !== undefined) this.writeTerms(fact.id, fact.terms, fact, { created, changes: changes.termRows });
    }
    const joined: NewReport[] = [];
    const reporters = new Map<string, Reporter | null>();
    for (const member of update.members) this.addMember(member.merged, member.fact, { recount, joined, reporters, hadMembersBefore, changes });
    // A fact that has just counted a report is not empty: only the others are checked.
    const counted = new Set<string>();
    for (const report of joined) if (!recount.has(report.merged) && this.countReport(report)) counted.add(report.merged);
    this.recountFacts(recount);
    const dropEmpty = this.sql.get('DELETE FROM merged_facts WHERE id = ? AND document_count = 0');
    for (const id of new Set([...written, ...recount])) if (!counted.has(id) && dropEmpty.run(id).changes > 0) changes.factsDeleted = true;
    for (const id of [...written, ...recount, ...joined.map((report) => report.merged)]) changes.facts.add(id);
    for (const contradiction of update.contradictions) this.writeContradiction(contradiction);
    const resolve = this.sql.get('DELETE FROM contradictions WHERE subject = ?');
    for (const subject of update.resolved) resolve.run(subject);
    return changes;
  }

  /**
   * Replaces a fact's lookup terms, writing only the rows that changed (a much reported fact keeps most of its terms
   * from one report to the next); what it wrote goes to `options.changes`.
   */
  private writeTerms(
    id: string,
    terms: readonly string[],
    window: { windowStart: string | null; windowEnd: string | null },
    options: { created: boolean; changes: TermChange[] },
  ): void {
    const start = window.windowStart ?? '';
    const end = window.windowEnd ?? '';
    // Refused here, inside the update, rather than when the kept rows take them after it committed.
    assertTermDay(start);
    assertTermDay(end);
    // A fact created by this update has no terms yet.
    const stored = options.created
      ? []
      : (this.sql.get('SELECT term, window_start, window_end FROM merged_fact_terms WHERE fact = ?').all(id) as { term: string; window_start: string; window_end: string }[]);
    const wanted = new Set(terms);
    const kept = new Set<string>();
    const drop = this.sql.get('DELETE FROM merged_fact_terms WHERE term = ? AND window_start = ? AND fact = ?');
    for (const row of stored) {
      if (wanted.has(row.term) && row.window_start === start && row.window_end === end) kept.add(row.term);
      else {
        drop.run(row.term, row.window_start, id);
        options.changes.push({ term: row.term, windowStart: row.window_start, windowEnd: row.window_end, fact: id, change: 'deleted' });
      }
    }
    const add = this.sql.get('INSERT OR REPLACE INTO merged_fact_terms (term, window_start, window_end, fact) VALUES (?, ?, ?, ?)');
    for (const term of wanted) {
      if (kept.has(term)) continue;
      add.run(term, start, end, id);
      options.changes.push({ term, windowStart: start, windowEnd: end, fact: id, change: 'added' });
    }
  }

  /**
   * Writes a merged fact; true when it was not stored before. A new report changes a fact's attributes and
   * tallies, seldom its key, story or window: those are indexed, so they are written only when they
   * changed, leaving the indexes alone.
   */
  private writeFact(fact: MergedFactRow): boolean {
    const params = this.factParams(fact);
    // Most writes update a fact reported before: the update goes first, and says what the indexed columns hold.
    const stored = this.sql
      .get('UPDATE merged_facts SET attributes = @attributes, tallies = @tallies WHERE id = @id RETURNING story, key, window_start, window_end, fact_date')
      .get(params) as Pick<MergedDbRow, 'story' | 'key' | 'window_start' | 'window_end' | 'fact_date'> | undefined;
    if (!stored) {
      this.sql
        .get(`INSERT INTO merged_facts (id, kind, story, key, window_start, window_end, fact_date, attributes, tallies)
              VALUES (@id, @kind, @story, @key, @windowStart, @windowEnd, @date, @attributes, @tallies)`)
        .run(params);
      return true;
    }
    if (stored.story !== fact.story || stored.key !== fact.key || stored.window_start !== fact.windowStart || stored.window_end !== fact.windowEnd || stored.fact_date !== fact.date) {
      this.sql.get('UPDATE merged_facts SET story = @story, key = @key, window_start = @windowStart, window_end = @windowEnd, fact_date = @date WHERE id = @id').run(params);
    }
    return false;
  }

  private factParams(fact: MergedFactRow): Record<string, unknown> {
    return {
      id: fact.id,
      kind: fact.kind,
      story: fact.story,
      key: fact.key,
      windowStart: fact.windowStart,
      windowEnd: fact.windowEnd,
      date: fact.date,
      attributes: JSON.stringify(fact.attributes),
      tallies: JSON.stringify(fact.tallies),
    };
  }

  /** The merged facts a document has reports in. */
  private factsOf(seq: number): string[] {
    return (this.sql.get('SELECT DISTINCT merged FROM merged_members WHERE doc = ?').all(seq) as { merged: string }[]).map((row) => row.merged);
  }

  private detach(seq: number, recount: Set<string>): void {
    for (const id of this.factsOf(seq)) recount.add(id);
    this.sql.get('DELETE FROM merged_members WHERE doc = ?').run(seq);
    const state = this.sql.get('SELECT story FROM doc_reconcile WHERE doc = ?').get(seq) as { story: string | null } | undefined;
    if (state?.story) this.sql.get('UPDATE stories SET document_count = max(document_count - 1, 0) WHERE id = ?').run(state.story);
    this.sql.get('UPDATE doc_reconcile SET story = NULL WHERE doc = ?').run(seq);
  }

  private writeStory(story: StoryRow): void {
    this.sql
      .get(`INSERT INTO stories (id, label, parties, issues, places, profile) VALUES (@id, @label, @parties, @issues, @places, @profile)
            ON CONFLICT (id) DO UPDATE SET label = excluded.label, parties = excluded.parties, issues = excluded.issues,
              places = excluded.places, profile = excluded.profile`)
      .run({
        id: story.id,
        label: story.label,
        parties: JSON.stringify(story.parties),
        issues: JSON.stringify(story.issues),
        places: JSON.stringify(story.places),
        profile: JSON.stringify(story.profile),
      });
  }

  /**
   * Writes where the document goes; true when that changes how its existing reports are listed: it had
   * been reconciled before, or reports of it were attached before it was reconciled.
   */
  private assignDocument(seq: number, update: ReconcileUpdate, recount: Set<string>, before: { hadMembers: boolean }): boolean {
    const previous = this.sql.get('SELECT story, source_group FROM doc_reconcile WHERE doc = ?').get(seq) as { story: string | null; source_group: string } | undefined;
    const listedAnew = previous !== undefined || before.hadMembers;
    // The facts the document already reports count it under its old group: they are recounted under the new one.
    if (previous && previous.source_group !== update.sourceGroup) for (const id of this.factsOf(seq)) recount.add(id);
    if (previous?.story) this.sql.get('UPDATE stories SET document_count = max(document_count - 1, 0) WHERE id = ?').run(previous.story);
    this.sql
      .get(`INSERT INTO doc_reconcile (doc, source_group, story, reconciled_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (doc) DO UPDATE SET source_group = excluded.source_group, story = excluded.story, reconciled_at = excluded.reconciled_at`)
      .run(seq, update.sourceGroup, update.story, new Date().toISOString());
    if (update.story === null) return listedAnew;
    const { published } = this.sql.get('SELECT published FROM documents WHERE seq = ?').get(seq) as { published: string | null };
    this.sql
      .get(`UPDATE stories SET document_count = document_count + 1,
              first_seen = CASE WHEN ? IS NULL THEN first_seen ELSE min(coalesce(first_seen, ?), ?) END,
              last_seen = CASE WHEN ? IS NULL THEN last_seen ELSE max(coalesce(last_seen, ?), ?) END
            WHERE id = ?`)
      .run(published, published, published, published, published, published, update.story);
    return listedAnew;
  }

  private writeSketch(seq: number, update: ReconcileUpdate): void {
    this.sql.get('DELETE FROM sketch_bands WHERE doc = ?').run(seq);
    this.sql.get('DELETE FROM sketch_bands_waiting WHERE doc = ?').run(seq);
    this.sql.get('DELETE FROM doc_sketches WHERE doc = ?').run(seq);
    if (!update.sketch) return;
    const { signature, shingles } = update.sketch;
    this.sql
      .get('INSERT INTO doc_sketches (doc, shingles, signature) VALUES (?, ?, ?)')
      .run(seq, shingles, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength));
    // The keys wait with the document's row (see WaitingBands); the copy in memory follows once the update is applied.
    const keys = Float64Array.from(distinctBandKeys(update));
    if (keys.length > 0) this.sql.get('INSERT INTO sketch_bands_waiting (doc, band_keys) VALUES (?, ?)').run(seq, Buffer.from(keys.buffer));
  }

  /** A document reporting into merged facts, read once per update: most updates attach a dozen reports of one document. */
  private reporterOf(documentId: string, reporters: Map<string, Reporter | null>, hadMembersBefore: Map<number, boolean>): Reporter | null {
    if (!reporters.has(documentId)) {
      const row = this.sql
        .get('SELECT d.seq, d.published, d.ingested_at, r.source_group FROM documents d LEFT JOIN doc_reconcile r ON r.doc = d.seq WHERE d.id = ?')
        .get(documentId) as { seq: number; published: string | null; ingested_at: string; source_group: string | null } | undefined;
      if (row && !hadMembersBefore.has(row.seq)) hadMembersBefore.set(row.seq, this.hasMembers(row.seq));
      reporters.set(
        documentId,
        row
          ? { seq: row.seq, published: row.published, ingestedAt: row.ingested_at, sourceGroup: row.source_group, hadMembers: hadMembersBefore.get(row.seq) ?? false, joinedFacts: new Set() }
          : null,
      );
    }
    return reporters.get(documentId) ?? null;
  }

  private hasMembers(seq: number): boolean {
    return this.sql.get('SELECT 1 FROM merged_members WHERE doc = ? LIMIT 1').get(seq) !== undefined;
  }

  /**
   * Attaches one report to a merged fact. A report that was in a fact before (moved, or written again)
   * sends both facts to be recounted; a document's first report in a fact is kept in `joined` to be counted.
   */
  private addMember(
    merged: string,
    factId: string,
    work: { recount: Set<string>; joined: NewReport[]; reporters: Map<string, Reporter | null>; hadMembersBefore: Map<number, boolean>; changes: MemberChanges },
  ): void {
    const parsed = parseStoredFactId(factId);
    if (!parsed || !(mergedKinds as readonly string[]).includes(parsed.kind)) throw new Error(`reconcile: ${factId} is not a mergeable fact id`);
    const reporter = this.reporterOf(parsed.documentId, work.reporters, work.hadMembersBefore);
    if (reporter === null) throw new Error(`reconcile: no stored document for ${factId}`);
    // A document reconciled for the first time has no members yet: what it reported is all in `joinedFacts`.
    const previous = reporter.hadMembers
      ? (this.sql.get('SELECT merged FROM merged_members WHERE kind = ? AND doc = ? AND ordinal = ?').get(parsed.kind, reporter.seq, parsed.ordinal) as { merged: string } | undefined)
      : undefined;
    if (previous) {
      work.recount.add(previous.merged);
      work.recount.add(merged);
    } else {
      // The unary plus reads the document's few members, not the fact's many.
      const reported =
        reporter.joinedFacts.has(merged) || (reporter.hadMembers && this.sql.get('SELECT 1 FROM merged_members WHERE doc = ? AND +merged = ?').get(reporter.seq, merged) !== undefined);
      if (!reported) work.joined.push({ merged, reporter });
    }
    reporter.joinedFacts.add(merged);
    // A document reconciled again can move or rewrite its reports: rare, and simplest to forget everything read.
    if (reporter.hadMembers) work.changes.reset = true;
    work.changes.joined.push({ merged, position: { published: reporter.published, doc: reporter.seq, ordinal: parsed.ordinal } });
    this.sql
      .get('INSERT OR REPLACE INTO merged_members (merged, kind, doc, ordinal, published) VALUES (?, ?, ?, ?, ?)')
      .run(merged, parsed.kind, reporter.seq, parsed.ordinal, reporter.published);
  }

  /**
   * Counts a document's first report in a fact into the fact's counts, as the recount would (documents
   * not reconciled do not count); false when it did not count. The indexed counts (sources, last seen) are
   * written only when they change.
   */
  private countReport(report: NewReport): boolean {
    const doc = report.reporter;
    if (doc.sourceGroup === null) return false;
    const params = { id: report.merged, published: doc.published, ingested: doc.ingestedAt };
    this.sql
      .get(`UPDATE merged_facts SET document_count = document_count + 1,
              first_seen = CASE WHEN @published IS NULL THEN first_seen ELSE min(coalesce(first_seen, @published), @published) END,
              first_ingested = min(coalesce(first_ingested, @ingested), @ingested)
            WHERE id = @id`)
      .run(params);
    if (doc.published !== null) {
      this.sql.get('UPDATE merged_facts SET last_seen = @published WHERE id = @id AND (last_seen IS NULL OR last_seen < @published)').run(params);
    }
    const newGroup = this.sql.get('INSERT OR IGNORE INTO merged_fact_groups (merged, source_group) VALUES (?, ?)').run(report.merged, doc.sourceGroup);
    if (newGroup.changes > 0) this.sql.get('UPDATE merged_facts SET source_count = source_count + 1 WHERE id = ?').run(report.merged);
    return true;
  }

  /** Counts facts again from all their members: for the rare report that leaves a fact. */
  private recountFacts(ids: Set<string>): void {
    const clearSources = this.sql.get('DELETE FROM merged_fact_groups WHERE merged = ?');
    const countSources = this.sql.get(`
      INSERT INTO merged_fact_groups (merged, source_group)
      SELECT DISTINCT m.merged, r.source_group FROM merged_members m JOIN doc_reconcile r ON r.doc = m.doc WHERE m.merged = ?`);
    const refresh = this.sql.get(`
      UPDATE merged_facts SET (document_count, source_count, first_seen, last_seen, first_ingested) = (
        SELECT count(DISTINCT m.doc), count(DISTINCT r.source_group), min(d.published), max(d.published), min(d.ingested_at)
        FROM merged_members m JOIN documents d ON d.seq = m.doc JOIN doc_reconcile r ON r.doc = m.doc
        WHERE m.merged = ?)
      WHERE id = ?`);
    for (const id of ids) {
      clearSources.run(id);
      countSources.run(id);
      refresh.run(id, id);
    }
  }

  private writeContradiction(contradiction: ContradictionRow): void {
    const sides = JSON.stringify(contradiction.sides);
    // A dispute is worked out again for every report of what it is about, and most often comes out the same. Its
    // dates and document links follow from the documents its sides cite, which do not change: then nothing is read or written.
    const stored = this.sql.get('SELECT * FROM contradictions WHERE subject = ?').get(contradiction.subject) as ContradictionDbRow | undefined;
    if (stored && stored.sides === sides && stored.kind === contradiction.kind && stored.about === contradiction.about && stored.story === contradiction.story) return;
    const evidence: DocumentEvidence[] = contradiction.sides.flatMap((side) => side.evidence);
    const docs = new Map<string, DocDates>();
    for (const slice of chunks([...new Set(evidence.map((item) => item.documentId))])) {
      const rows = this.sql
        .get(`SELECT seq, id, published, ingested_at, file, url, source, title FROM documents WHERE id IN (${placeholders(slice.length)})`)
        .all(...slice) as DocDates[];
      for (const row of rows) docs.set(row.id, row);
    }
    const sidesWithDocs = contradiction.sides
      .map((side) => side.evidence.map((item) => docs.get(item.documentId)).filter((doc): doc is DocDates => doc !== undefined))
      .filter((sideDocs) => sideDocs.length > 0);
    const all = sidesWithDocs.flat();
    const row: Omit<ContradictionDbRow, 'id'> = {
      subject: contradiction.subject,
      kind: contradiction.kind,
      about: contradiction.about,
      story: contradiction.story,
      sides,
      first_seen: maxOf(sidesWithDocs.map((sideDocs) => minOf(sideDocs.map((doc) => doc.published)))),
      last_seen: maxOf(all.map((doc) => doc.published)),
      first_ingested: maxOf(sidesWithDocs.map((sideDocs) => minOf(sideDocs.map((doc) => doc.ingested_at)))),
    };
    const changed = !stored || (Object.keys(row) as (keyof typeof row)[]).some((column) => stored[column] !== row[column]);
    if (changed) {
      this.sql
        .get(`INSERT INTO contradictions (id, subject, kind, about, story, sides, first_seen, last_seen, first_ingested)
              VALUES (@id, @subject, @kind, @about, @story, @sides, @first_seen, @last_seen, @first_ingested)
              ON CONFLICT (subject) DO UPDATE SET kind = excluded.kind, about = excluded.about, story = excluded.story,
                sides = excluded.sides, first_seen = excluded.first_seen, last_seen = excluded.last_seen, first_ingested = excluded.first_ingested`)
        .run({ id: contradiction.id, ...row });
    }
    const id = stored?.id ?? contradiction.id;
    const wanted = new Set(all.map((item) => item.seq));
    const linked = new Set(this.sql.get('SELECT doc FROM contradiction_documents WHERE contradiction = ?').pluck().all(id) as number[]);
    const unlink = this.sql.get('DELETE FROM contradiction_documents WHERE doc = ? AND contradiction = ?');
    for (const doc of linked) if (!wanted.has(doc)) unlink.run(doc, id);
    const link = this.sql.get('INSERT OR IGNORE INTO contradiction_documents (doc, contradiction) VALUES (?, ?)');
    for (const doc of wanted) if (!linked.has(doc)) link.run(doc, id);
  }

  /** Runs `fn` in one immediate transaction. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
