// Folds per-document entity rows into one summary per entity id (for `parley actors`), the same for every backend.
import type { EntityKind } from '../doc/types.ts';
import type { EntityFilter, EntitySummary } from './store.ts';

/** One entity as one document stored it (a document holds each entity id once). */
export interface EntityRow {
  entityId: string;
  name: string;
  kind: EntityKind;
  party: string | null;
  roles: string[];
  aliases: string[];
  mentions: number;
  documentId: string;
}

interface Tally {
  id: string;
  names: Map<string, number>;
  kinds: Map<EntityKind, number>;
  parties: Map<string, number>;
  roles: Set<string>;
  aliases: Set<string>;
  mentions: number;
  documents: string[];
}

function count<K>(tally: Map<K, number>, key: K): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

/** The most frequent key; ties go to the one seen first. */
function commonest<K>(tally: Map<K, number>): K | null {
  let best: K | null = null;
  let bestCount = 0;
  for (const [key, n] of tally) {
    if (n > bestCount) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}

/** One summary per entity id, most mentioned first, filtered by kind/party after folding. */
export function summariseEntities(rows: Iterable<EntityRow>, filter: EntityFilter = {}): EntitySummary[] {
  const tallies = new Map<string, Tally>();
  for (const row of rows) {
    let tally = tallies.get(row.entityId);
    if (!tally) {
      tally = { id: row.entityId, names: new Map(), kinds: new Map(), parties: new Map(), roles: new Set(), aliases: new Set(), mentions: 0, documents: [] };
      tallies.set(row.entityId, tally);
    }
    count(tally.names, row.name);
    count(tally.kinds, row.kind);
    if (row.party !== null) count(tally.parties, row.party);
    for (const role of row.roles) tally.roles.add(role);
    for (const alias of row.aliases) tally.aliases.add(alias);
    tally.mentions += row.mentions;
    tally.documents.push(row.documentId);
  }
  const summaries: EntitySummary[] = [];
  for (const tally of tallies.values()) {
    const summary: EntitySummary = {
      id: tally.id,
      name: commonest(tally.names) ?? tally.id,
      kind: commonest(tally.kinds) ?? 'group',
      party: commonest(tally.parties),
      roles: [...tally.roles],
      aliases: [...tally.aliases],
      mentions: tally.mentions,
      documents: tally.documents,
    };
    if (filter.kind !== undefined && summary.kind !== filter.kind) continue;
    if (filter.party !== undefined && summary.party !== filter.party) continue;
    summaries.push(summary);
  }
  summaries.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  return filter.limit !== undefined ? summaries.slice(0, filter.limit) : summaries;
}
