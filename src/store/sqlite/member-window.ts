// The first few member reports of each merged fact, read through the members' order index so that a fact reported by thousands of documents costs only the reports asked for.
import { LRUCache } from 'lru-cache';
import type { DocumentRef } from '../../doc/types.ts';
import type { MemberOptions, MemberReport, MergedKind } from '../store.ts';
import { factTables, storedFactId } from './fact-tables.ts';
import { reusedLimit, type StatementCache } from './statement-cache.ts';
import type { MemberDbRow } from './reconcile-tables.ts';

// Facts are listed in slices of this many, each slice in id order, as the full member listing does.
const factSlice = 500;

interface MemberKey {
  doc: number;
  ordinal: number;
}

/** Where a member sorts in a window read earliest first: dated before undated, then by date, document (as stored) and place. */
export interface MemberPosition extends MemberKey {
  published: string | null;
}

function sortsAfter(a: MemberPosition, b: MemberPosition): boolean {
  if (a.published !== b.published) {
    if (a.published === null) return true;
    if (b.published === null) return false;
    return a.published > b.published;
  }
  return a.doc > b.doc || (a.doc === b.doc && a.ordinal > b.ordinal);
}

interface CachedWindow {
  members: MemberReport[];
  /** Members the window read (a member whose details are missing counts without being listed). */
  read: number;
  last: MemberPosition | null;
  perFact: number;
  from?: string;
  to?: string;
}

/**
 * Member windows read before, kept until a write could change them. Reconcile reads the first reports of a much
 * reported fact for every new report of it; a new report changes that window only when it sorts among those first
 * reports, so most reads of a busy fact come from here (on 30,000 generated articles, four in ten). The store tells
 * the cache about every member a reconcile adds and empties it for anything rarer, for a rolled-back batch and
 * when another connection has committed (see ReconcileTables). Windows are dropped least recently used first
 * once they hold `maxMembers` reports together.
 */
export class MemberWindowCache {
  /** Keyed by fact and window (`fact` NUL `key`). */
  private readonly windows: LRUCache<string, CachedWindow>;
  /** The cached window keys of each fact, for the reports that join it. */
  private readonly byFact = new Map<string, Set<string>>();

  constructor(maxMembers: number) {
    this.windows = new LRUCache({ maxSize: maxMembers, sizeCalculation: (window) => window.members.length + 1, dispose: (_window, key) => this.forget(key) });
  }

  get(fact: string, key: string): CachedWindow | undefined {
    return this.windows.get(`${fact}\u0000${key}`);
  }

  set(fact: string, key: string, window: CachedWindow): void {
    const entry = `${fact}\u0000${key}`;
    this.windows.set(entry, window);
    let keys = this.byFact.get(fact);
    if (!keys) this.byFact.set(fact, (keys = new Set()));
    keys.add(entry);
  }

  /** A report joined `fact` at `position`: the windows it falls into are dropped. */
  memberJoined(fact: string, position: MemberPosition): void {
    for (const entry of [...(this.byFact.get(fact) ?? [])]) {
      const window = this.windows.peek(entry);
      if (window && joinsWindow(window, position)) this.windows.delete(entry);
    }
  }

  clear(): void {
    this.windows.clear();
    this.byFact.clear();
  }

  private forget(entry: string): void {
    const fact = entry.slice(0, entry.indexOf('\u0000'));
    const keys = this.byFact.get(fact);
    keys?.delete(entry);
    if (keys?.size === 0) this.byFact.delete(fact);
  }
}

function freezeMember(member: MemberReport): void {
  for (const value of Object.values(member.fact)) if (typeof value === 'object' && value !== null) Object.freeze(value);
  Object.freeze(member.fact);
  Object.freeze(member.document);
  Object.freeze(member);
}

function joinsWindow(window: CachedWindow, position: MemberPosition): boolean {
  if (window.from !== undefined || window.to !== undefined) {
    // A window bounded by dates holds only dated reports in its range.
    if (position.published === null) return false;
    if (window.from !== undefined && position.published < window.from) return false;
    if (window.to !== undefined && position.published > window.to) return false;
  }
  return window.read < window.perFact || window.last === null || !sortsAfter(position, window.last);
}

type MemberDetailRow = Omit<MemberDbRow, 'merged'> & { doc: number };

/**
 * Up to `options.perFact` members of each fact in `ids`, in the order of MemberOptions: by publication
 * (earliest or, with `latestFirst`, latest first; undated last), then by when the document was stored,
 * then by the report's place in its document. The (merged, published, doc, ordinal) index gives that
 * order, so each fact reads its first reports and stops; undated reports are read only when the dated
 * ones fall short.
 */
export function listMemberWindow<K extends MergedKind>(
  sql: StatementCache,
  kind: K,
  ids: readonly string[],
  options: MemberOptions & { perFact: number },
  cache: MemberWindowCache,
): Map<string, MemberReport<K>[]> {
  const { table, read } = factTables[kind];
  const range = [...(options.from !== undefined ? ['AND published >= ?'] : []), ...(options.to !== undefined ? ['AND published <= ?'] : [])].join(' ');
  const rangeParams = [...(options.from !== undefined ? [options.from] : []), ...(options.to !== undefined ? [options.to] : [])];
  const order = options.latestFirst ? 'published DESC, doc DESC, ordinal' : 'published, doc, ordinal';
  const dated = sql.get(`SELECT doc, ordinal, published FROM merged_members
    WHERE merged = ? AND published IS NOT NULL AND +kind = ? ${range} ORDER BY ${order} LIMIT ${reusedLimit}`);
  // A date bound leaves undated reports out, as `published >= ?` does for a null date.
  const undated = range
    ? null
    : sql.get(`SELECT doc, ordinal, published FROM merged_members WHERE merged = ? AND published IS NULL AND +kind = ?
        ORDER BY doc ${options.latestFirst ? 'DESC' : ''}, ordinal LIMIT ${reusedLimit}`);
  // A window's reports are read in one statement (one per window size): a run per report cost more than its row.
  const details = (keys: readonly MemberKey[]): Map<string, MemberDetailRow & Record<string, unknown>> => {
    const rows = sql
      .get(`SELECT f.*, d.id AS document_id, d.published, d.source, d.file, d.url, d.title, d.ingested_at,
          r.source_group, r.story AS doc_story
        FROM ${table} f JOIN documents d ON d.seq = f.doc JOIN doc_reconcile r ON r.doc = f.doc
        WHERE (f.doc, f.ordinal) IN (VALUES ${keys.map(() => '(?, ?)').join(', ')})`)
      .all(...keys.flatMap((key) => [key.doc, key.ordinal])) as (MemberDetailRow & Record<string, unknown>)[];
    return new Map(rows.map((row) => [`${row.doc}:${row.ordinal}`, row]));
  };

  const byFact = new Map<string, MemberReport<K>[]>();
  if (options.perFact <= 0) return byFact;
  // Only earliest-first windows are kept: they are what reconcile reads over and over.
  const cacheKey = !options.latestFirst ? `${kind}|${options.perFact}|${options.from ?? ''}|${options.to ?? ''}` : null;
  for (let start = 0; start < ids.length; start += factSlice) {
    const slice = [...new Set(ids.slice(start, start + factSlice))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const id of slice) {
      const cached = cacheKey === null ? undefined : cache.get(id, cacheKey);
      if (cached) {
        if (cached.members.length > 0) byFact.set(id, [...cached.members] as MemberReport<K>[]);
        continue;
      }
      const keys = dated.all(id, kind, ...rangeParams, options.perFact) as MemberPosition[];
      if (undated && keys.length < options.perFact) keys.push(...(undated.all(id, kind, options.perFact - keys.length) as MemberPosition[]));
      const members: MemberReport<K>[] = [];
      const rows = keys.length > 0 ? details(keys) : new Map<string, MemberDetailRow & Record<string, unknown>>();
      for (const key of keys) {
        const row = rows.get(`${key.doc}:${key.ordinal}`);
        if (!row) continue;
        const document: DocumentRef = { id: row.document_id, file: row.file, url: row.url, source: row.source, title: row.title, published: row.published };
        members.push({
          id: storedFactId(row.document_id, kind, key.ordinal),
          kind,
          documentId: row.document_id,
          published: row.published,
          source: row.source,
          fact: read(row as never) as MemberReport<K>['fact'],
          ordinal: key.ordinal,
          ingestedAt: row.ingested_at,
          sourceGroup: row.source_group,
          story: row.doc_story,
          document,
        });
      }
      if (members.length > 0) byFact.set(id, [...members]);
      if (cacheKey !== null) {
        // Later reads hand out the same reports: frozen, so that a caller changing one fails loudly.
        for (const member of members) freezeMember(member);
        cache.set(id, cacheKey, { members, read: keys.length, last: keys.at(-1) ?? null, perFact: options.perFact, from: options.from, to: options.to });
      }
    }
  }
  return byFact;
}
