// Merged facts read by the event lookup, as ReconcileTables keeps them in memory between lookups.
import type { MergedFactQuery, MergedFactRecord, MergedKind, Tallies } from '../store.ts';

/** A stored merged fact as read from its row: attributes parsed (and frozen, being shared), tallies left as text. */
export interface CachedFact {
  record: Omit<MergedFactRecord, 'tallies'>;
  tallies: string;
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
