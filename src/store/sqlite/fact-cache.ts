// Merged facts read by the event lookup, kept in memory between lookups.
import { LRUCache } from 'lru-cache';
import type { MergedFactQuery, MergedFactRecord, MergedKind, Tallies } from '../store.ts';

/** A stored merged fact as read from its row: attributes parsed (and frozen, being shared), tallies left as text. */
export interface CachedFact {
  record: Omit<MergedFactRecord, 'tallies'>;
  tallies: string;
}

/**
 * Each event report weighs a few dozen stored events found under its terms, and consecutive reports
 * weigh mostly the same ones (on 20,000 generated articles, 94% of the events read had been read
 * since they were last written, with room for 5,000 as for 20,000). Reading them again — two index seeks and a
 * row decode each — grew into the lookup's largest cost as the store grew.
 *
 * Like SketchCache, the cache is only right while this connection is the only writer: the store
 * empties it when another connection has committed or a transaction of its own was rolled back, and
 * drops every fact its own reconcile writes or recounts.
 */
export class MergedFactCache {
  private readonly facts: LRUCache<string, CachedFact>;

  constructor(capacity: number) {
    this.facts = new LRUCache({ max: capacity });
  }

  get(id: string): CachedFact | undefined {
    return this.facts.get(id);
  }

  set(id: string, fact: CachedFact): void {
    this.facts.set(id, fact);
  }

  delete(ids: Iterable<string>): void {
    for (const id of ids) this.facts.delete(id);
  }

  clear(): void {
    this.facts.clear();
  }
}

/** A record of its own for the caller, its tallies parsed when first read (a cached fact's shared attributes stay frozen). */
export function recordOf<K extends MergedKind>(fact: CachedFact): MergedFactRecord<K> {
  let tallies: Tallies | undefined;
  return {
    ...(fact.record as Omit<MergedFactRecord<K>, 'tallies'>),
    get tallies(): Tallies {
      tallies ??= JSON.parse(fact.tallies) as Tallies;
      return tallies;
    },
    set tallies(value: Tallies) {
      tallies = value;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export function cachedFact(record: Omit<MergedFactRecord, 'tallies'>, tallies: string): CachedFact {
  return { record: deepFreeze(record), tallies };
}

/**
 * Whether a fact passes the conditions of `query` that the lookup by ids applies, exactly as the SQL of
 * ReconcileTables.findMergedFacts does (SQLite compares text by bytes, as JavaScript compares these ASCII days and ids).
 */
export function passesQuery(fact: Omit<MergedFactRecord, 'tallies'>, kind: MergedKind, query: Pick<MergedFactQuery, 'keys' | 'story' | 'windowFrom' | 'windowTo' | 'startsAfter'>): boolean {
  if (fact.kind !== kind) return false;
  if (query.story !== undefined && fact.story !== query.story) return false;
  if (query.keys !== undefined && !query.keys.includes(fact.key)) return false;
  if (query.windowFrom !== undefined && fact.windowEnd !== null && fact.windowEnd < query.windowFrom) return false;
  if (query.windowTo !== undefined && fact.windowStart !== null && fact.windowStart > query.windowTo) return false;
  if (query.startsAfter !== undefined && (fact.windowStart === null || fact.windowStart < query.startsAfter)) return false;
  return true;
}
