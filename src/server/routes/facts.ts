// `/api/facts/{id}`: one fact with its evidence — the sentence it came from, in its document, with outlet and date.
import type { DocumentEvidence, DocumentRef, Span } from '../../doc/types.ts';
import { factKinds, type FactKind, type Store, type StoredDocument } from '../../store/store.ts';
import { ApiError } from '../errors.ts';
import { idParam } from '../params.ts';
import { defineRoute } from '../route.ts';

/** Evidence with the whole sentence around it, so a client can show it without fetching the document. */
export interface EvidenceView extends DocumentEvidence {
  sentence: Span | null;
}

export function documentRef(doc: Pick<StoredDocument, 'id' | 'meta'>): DocumentRef {
  return { id: doc.id, file: doc.meta.file, url: doc.meta.url, source: doc.meta.source, title: doc.meta.title, published: doc.meta.published };
}

/** The sentence of `doc` that holds `span`'s start, as a span of the text. */
function sentenceAround(doc: Pick<StoredDocument, 'text' | 'sentences'>, span: { start: number; end: number }): Span | null {
  const sentence = doc.sentences.find((candidate) => candidate.start <= span.start && span.start < candidate.end);
  return sentence ? { start: sentence.start, end: sentence.end, text: doc.text.slice(sentence.start, sentence.end) } : null;
}

export function evidenceView(doc: Pick<StoredDocument, 'id' | 'text' | 'sentences'>, span: Span): EvidenceView {
  return { documentId: doc.id, start: span.start, end: span.end, text: span.text, sentence: sentenceAround(doc, span) };
}

const storedFactId = /^(.+):([a-z]+):(\d+)$/;

function factsOf(doc: StoredDocument, kind: FactKind) {
  const lists = { stance: doc.stances, event: doc.events, quote: doc.quotes, quantity: doc.quantities, date: doc.dates };
  return lists[kind];
}

/** Reads each document once while a fact's evidence is assembled. */
function documentReader(store: Store): (id: string) => Promise<StoredDocument | null> {
  const read = new Map<string, Promise<StoredDocument | null>>();
  return (id) => {
    if (!read.has(id)) read.set(id, store.getDocument(id));
    return read.get(id)!;
  };
}

async function storedFact(store: Store, id: string, match: RegExpExecArray) {
  const [, documentId, kindName, ordinalText] = match;
  if (!(factKinds as readonly string[]).includes(kindName)) {
    throw ApiError.badParameters([{ parameter: 'id', message: `expected DOCUMENT:KIND:ORDINAL with KIND one of ${factKinds.join(', ')}, got "${id}"` }]);
  }
  const kind = kindName as FactKind;
  const doc = await store.getDocument(documentId);
  const fact = doc ? factsOf(doc, kind)[Number(ordinalText)] : undefined;
  if (!doc || !fact) throw new ApiError(404, 'not-found', `no fact ${id}`);
  const span = 'evidence' in fact ? fact.evidence : fact.span;
  return {
    fact: { id, kind, documentId: doc.id, published: doc.meta.published, source: doc.meta.source, fact },
    documents: [documentRef(doc)],
    evidence: [evidenceView(doc, span)],
  };
}

async function mergedFact(store: Store, id: string) {
  const merged = await store.getMergedFact(id);
  if (!merged) throw new ApiError(404, 'not-found', `no fact ${id}`);
  const { members, ...fact } = merged;
  const readDocument = documentReader(store);
  const evidence: EvidenceView[] = [];
  for (const member of members) {
    const doc = await readDocument(member.documentId);
    const span = member.fact.evidence;
    evidence.push(doc ? evidenceView(doc, span) : { documentId: member.documentId, ...span, sentence: null });
  }
  const documents = [...new Map(members.map((member) => [member.document.id, member.document])).values()];
  return { fact, documents, evidence, members: members.map((member) => ({ id: member.id, documentId: member.documentId, fact: member.fact })) };
}

export const factRoute = defineRoute({
  method: 'get',
  path: '/api/facts/{id}',
  tag: 'facts',
  summary: 'One fact with its evidence: a merged fact and the reports behind it, or one stored report',
  description:
    'Merged facts (the ids in `/api/positions`, `/api/timeline`…) come with every member report and its sentence; ' +
    'a stored report has the id `DOCUMENT:KIND:ORDINAL` (kind: stance, event, quote, quantity, date), as `/api/documents/{id}` lists them.',
  query: {},
  params: { id: idParam({ description: 'Fact id.' }) },
  response: { description: 'The fact, its documents and its evidence.', schema: { $ref: '#/components/schemas/Fact' } },
  errors: { 404: 'No fact has this id.' },
  async handle({ params, services }) {
    const match = storedFactId.exec(params.id);
    return match ? storedFact(services.store, params.id, match) : mergedFact(services.store, params.id);
  },
});
