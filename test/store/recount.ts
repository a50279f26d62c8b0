// What a merged fact's counts must be, recounted from its member reports: the reference the kept counts are checked against.
import type { MergedKind, Store } from '../../src/store/store.ts';

export interface FactCounts {
  documentCount: number;
  independentSources: number;
  firstSeen: string | null;
  lastSeen: string | null;
  firstIngested: string | null;
}

function extreme(values: (string | null)[], pick: 'min' | 'max'): string | null {
  const present = values.filter((value): value is string => value !== null).sort();
  return present.length === 0 ? null : pick === 'min' ? present[0] : present[present.length - 1];
}

/** The counts of the merged fact `id` recounted from all its members. */
export async function recount(store: Store, kind: MergedKind, id: string): Promise<FactCounts> {
  const members = (await store.listMembers(kind, [id])).get(id) ?? [];
  return {
    documentCount: new Set(members.map((member) => member.documentId)).size,
    independentSources: new Set(members.map((member) => member.sourceGroup)).size,
    firstSeen: extreme(members.map((member) => member.published), 'min'),
    lastSeen: extreme(members.map((member) => member.published), 'max'),
    firstIngested: extreme(members.map((member) => member.ingestedAt), 'min'),
  };
}

/** The counts the store keeps for each merged fact of `kind`, by id, and the same recounted from the members. */
export async function keptAndRecounted(store: Store, kind: MergedKind): Promise<{ kept: Record<string, FactCounts>; recounted: Record<string, FactCounts> }> {
  const kept: Record<string, FactCounts> = {};
  const recounted: Record<string, FactCounts> = {};
  for (const fact of await store.listMergedFacts(kind)) {
    const { documentCount, independentSources, firstSeen, lastSeen, firstIngested } = fact;
    kept[fact.id] = { documentCount, independentSources, firstSeen, lastSeen, firstIngested };
    recounted[fact.id] = await recount(store, kind, fact.id);
  }
  return { kept, recounted };
}
