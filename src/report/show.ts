// `show`: one fact — merged, stored or a dispute — with every sentence behind it and the documents they come from.
import type { DocumentEvidence, DocumentRef } from '../doc/types.ts';
import { factKinds, type FactByKind, type FactKind, type MergedAttributesByKind, type MergedKind, type Store } from '../store/store.ts';
import { toContradictionView } from './merged-views.ts';
import type { ContradictionView } from './types.ts';

export interface ShownReport {
  /** Stored fact id (`DOCUMENT-ID:KIND:ORDINAL`). */
  id: string;
  document: DocumentRef;
  evidence: DocumentEvidence;
  fact: FactByKind[FactKind];
}

export type ShownFact =
  | {
      kind: 'merged';
      factKind: MergedKind;
      id: string;
      story: string | null;
      attributes: MergedAttributesByKind[MergedKind];
      independentSources: number;
      documents: number;
      firstSeen: string | null;
      lastSeen: string | null;
      reports: ShownReport[];
    }
  | { kind: 'contradiction'; contradiction: ContradictionView }
  | { kind: 'stored'; factKind: FactKind; report: ShownReport; mergedInto: string | null };

function evidenceOfFact(kind: FactKind, fact: FactByKind[FactKind]): { start: number; end: number; text: string } {
  return kind === 'date' ? (fact as FactByKind['date']).span : (fact as FactByKind['stance']).evidence;
}

async function storedFact(store: Store, id: string): Promise<ShownFact | null> {
  const match = new RegExp(`^(.+):(${factKinds.join('|')}):(\\d+)$`).exec(id);
  if (!match) return null;
  const [, documentId, kind] = match as unknown as [string, string, FactKind];
  const facts = await store.listFacts(kind, { documentId, includeSuperseded: true });
  const found = facts.find((stored) => stored.id === id);
  if (!found) return null;
  const [summary] = (await store.listVersions(documentId)).filter((version) => version.id === documentId);
  const document: DocumentRef = {
    id: documentId,
    file: summary?.meta.file ?? null,
    url: summary?.meta.url ?? null,
    source: summary?.meta.source ?? null,
    title: summary?.meta.title ?? null,
    published: summary?.meta.published ?? null,
  };
  const evidence = { documentId, ...evidenceOfFact(kind, found.fact) };
  let mergedInto: string | null = null;
  if (kind !== 'date') {
    const merged = await store.findMergedFacts(kind, { document: documentId });
    const members = await store.listMembers(kind, merged.map((fact) => fact.id));
    for (const [mergedId, list] of members) if (list.some((member) => member.id === id)) mergedInto = mergedId;
  }
  return { kind: 'stored', factKind: kind, report: { id, document, evidence, fact: found.fact }, mergedInto };
}

/** The fact with this id: a merged fact (`ev-…`, `st-…`, `qt-…`, `qu-…`), a dispute (`cx-…`) or a stored fact; null when none has it. */
export async function buildShow(store: Store, id: string): Promise<ShownFact | null> {
  const merged = await store.getMergedFact(id);
  if (merged) {
    return {
      kind: 'merged',
      factKind: merged.kind,
      id: merged.id,
      story: merged.story,
      attributes: merged.attributes,
      independentSources: merged.independentSources,
      documents: merged.documentCount,
      firstSeen: merged.firstSeen,
      lastSeen: merged.lastSeen,
      reports: merged.members.map((member) => ({
        id: member.id,
        document: member.document,
        evidence: { documentId: member.documentId, ...member.fact.evidence },
        fact: member.fact,
      })),
    };
  }
  const contradiction = await store.getContradiction(id);
  if (contradiction) return { kind: 'contradiction', contradiction: toContradictionView(contradiction) };
  return storedFact(store, id);
}
