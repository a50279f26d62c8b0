// The event lookup's term index (`merged_fact_terms`) for the terms read last, kept in memory between lookups.
import { LRUCache } from 'lru-cache';

/** One row of the term index under a term: a fact's window (empty strings for none). */
export interface TermRow {
  windowStart: string;
  windowEnd: string;
  fact: string;
}

/** A row an update wrote (`added`, replacing any with the same window start and fact) or deleted. */
export interface TermChange extends TermRow {
  term: string;
  change: 'added' | 'deleted';
}

/** Bounds on a walk of one term's rows: days as the term index holds them (YYYY-MM-DD, or empty for none). */
export interface TermWalk {
  /** Rows whose window starts on or after this day… */
  startsFrom: string;
  /** …and (walking back) before this one. */
  startsBefore?: string | undefined;
  /** Rows whose window starts on or before this day. */
  windowTo?: string | undefined;
  /** Rows whose window ends on or after this day, or has no end. */
  windowFrom?: string | undefined;
  limit: number;
}

/** A walk with its days as numbers (see dayKey). */
export interface PreparedWalk {
  startsFrom: number;
  startsBefore: number | null;
  windowTo: number;
  windowFrom: number;
  limit: number;
}

/** A kept row with its days as numbers: an empty start sorts first, an empty end passes every bound. */
export interface KeptTermRow extends TermRow {
  readonly start: number;
  readonly end: number;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses a window day the kept rows could not order as the table does: the term index holds YYYY-MM-DD days or nothing (''). */
export function assertTermDay(day: string): void {
  if (day !== '' && !isoDay.test(day)) throw new Error(`term index: ${JSON.stringify(day)} is not a YYYY-MM-DD day`);
}

/**
 * A day as a number that orders as the text does (year, month and day as digits), so that a walk compares numbers:
 * comparing the day strings was most of a walk's cost. The empty day (no window) is -1.
 */
function dayKey(day: string): number {
  assertTermDay(day);
  if (day === '') return -1;
  return Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

/** Rows in the term index's order: window start, then fact (ids are ASCII, compared by code unit as SQLite compares bytes). */
function compareRows(a: KeptTermRow, b: { start: number; fact: string }): number {
  if (a.start !== b.start) return a.start - b.start;
  return a.fact < b.fact ? -1 : a.fact > b.fact ? 1 : 0;
}

/** The first index of `rows` whose row sorts at or after (`start`, `fact`). */
function lowerBound(rows: readonly KeptTermRow[], start: number, fact = ''): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareRows(rows[middle], { start, fact }) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Each event report walks the term index under a dozen terms, forward and back from its day, and consecutive reports
 * walk mostly the same terms: read from SQLite, those walks were the event lookup's largest cost and grew with the
 * store. So a term's rows are read whole once and kept in order here, least recently used terms dropped first once
 * the terms kept hold `maxRows` rows together. Like the other reconcile caches it is right only while this
 * connection is the only writer: the store empties it when another connection has committed or a transaction of its
 * own was rolled back, hands it every row its own updates add or delete, and empties it when a fact is deleted
 * (its rows go with it, unseen).
 */
export class TermIndexCache {
  private readonly terms: LRUCache<string, KeptTermRow[]>;
  /** Days are repeated across rows: one string each (there are only so many days). */
  private readonly days = new Map<string, string>();

  constructor(maxRows: number) {
    this.terms = new LRUCache({ maxSize: maxRows, sizeCalculation: (rows) => rows.length + 1 });
  }

  get(term: string): readonly KeptTermRow[] | undefined {
    return this.terms.get(term);
  }

  /** Keeps `rows`, the term's rows in the index's order, and returns the copy kept. */
  set(term: string, rows: readonly TermRow[]): readonly KeptTermRow[] {
    const kept = rows.map((row) => this.row(row));
    this.terms.set(term, kept);
    return kept;
  }

  /** The rows an applied update wrote, for the terms kept. */
  changed(changes: readonly TermChange[]): void {
    for (const change of changes) {
      const rows = this.terms.peek(change.term);
      if (!rows) continue;
      const row = this.row(change);
      const at = lowerBound(rows, row.start, row.fact);
      const present = at < rows.length && compareRows(rows[at], row) === 0;
      if (change.change === 'deleted') {
        if (present) rows.splice(at, 1);
      } else if (present) rows[at] = row;
      else rows.splice(at, 0, row);
      // Set again so that the term's size is counted anew.
      this.terms.set(change.term, rows);
    }
  }

  clear(): void {
    this.terms.clear();
    this.days.clear();
  }

  /** The days of `walk` as the kept rows hold them; prepared once for the many terms a lookup walks. */
  static prepare(walk: TermWalk): PreparedWalk {
    return {
      startsFrom: dayKey(walk.startsFrom),
      startsBefore: walk.startsBefore === undefined ? null : dayKey(walk.startsBefore),
      windowTo: walk.windowTo === undefined ? Infinity : dayKey(walk.windowTo),
      windowFrom: walk.windowFrom === undefined ? -Infinity : dayKey(walk.windowFrom),
      limit: walk.limit,
    };
  }

  /**
   * Up to `walk.limit` rows from `walk.startsFrom` on, in order; with `startsBefore`, from the day before it back to
   * `startsFrom`, latest first. As SQLite's walks of the table did: a row counts when its window starts on or before
   * `windowTo` and ends on or after `windowFrom` (or has no end).
   */
  static walk(kept: readonly KeptTermRow[], walk: PreparedWalk): KeptTermRow[] {
    const found: KeptTermRow[] = [];
    if (walk.startsBefore === null) {
      for (let i = lowerBound(kept, walk.startsFrom); i < kept.length && found.length < walk.limit; i += 1) {
        if (kept[i].start > walk.windowTo) break;
        if (kept[i].end >= walk.windowFrom) found.push(kept[i]);
      }
      return found;
    }
    for (let i = lowerBound(kept, walk.startsBefore) - 1; i >= 0 && found.length < walk.limit; i -= 1) {
      if (kept[i].start < walk.startsFrom) break;
      if (kept[i].start <= walk.windowTo && kept[i].end >= walk.windowFrom) found.push(kept[i]);
    }
    return found;
  }

  private row(row: TermRow): KeptTermRow {
    const windowStart = this.day(row.windowStart);
    const windowEnd = this.day(row.windowEnd);
    return { windowStart, windowEnd, fact: row.fact, start: dayKey(windowStart), end: windowEnd === '' ? Infinity : dayKey(windowEnd) };
  }

  private day(value: string): string {
    const known = this.days.get(value);
    if (known !== undefined) return known;
    this.days.set(value, value);
    return value;
  }
}
