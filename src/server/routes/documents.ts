// `/api/documents` and `/api/documents/{id}`: the stored articles, listed with paging, and one article with its text, sentences and facts.
import type { StoredDocument } from '../../store/store.ts';
import { ApiError } from '../errors.ts';
import { idParam } from '../params.ts';
import { defineRoute } from '../route.ts';
import { checkStory } from '../stories.ts';
import { limitParam, offsetParam, sinceParam, sourceParam, storyParam, untilParam } from './common-params.ts';
import { checkDateWindow, pageInfo } from './paging.ts';

export const listDocumentsRoute = defineRoute({
  method: 'get',
  path: '/api/documents',
  tag: 'documents',
  summary: 'List stored documents, newest publication first',
  description: 'Latest versions only. Filter by outlet, publication window and story; page with `limit` and `offset` (`total` counts the whole filtered listing).',
  query: { source: sourceParam, since: sinceParam, until: untilParam, story: storyParam, limit: limitParam(50), offset: offsetParam },
  params: {},
  response: { description: 'A page of document summaries.', schema: { $ref: '#/components/schemas/DocumentPage' } },
  async handle({ query, services, context }) {
    checkDateWindow(query);
    await checkStory(services.store, query.story);
    const matching = await services.store.listDocuments({ source: query.source, since: query.since, until: query.until, story: query.story });
    const documents = matching.slice(query.offset, query.offset + query.limit);
    return {
      documents,
      ...pageInfo(context, { limit: query.limit, offset: query.offset, total: matching.length, hasMore: query.offset + query.limit < matching.length }),
    };
  },
});

/** A stored document as the API shows it: the source bytes left out, sentences with their text, facts with their ids. */
function documentView(doc: StoredDocument) {
  const withIds = <T>(kind: string, facts: T[]) => facts.map((fact, ordinal) => ({ id: `${doc.id}:${kind}:${ordinal}`, ...fact }));
  return {
    id: doc.id,
    version: doc.version,
    current: doc.current,
    supersedes: doc.supersedes,
    supersededBy: doc.supersededBy,
    meta: doc.meta,
    origin: doc.origin,
    ingestedAt: doc.ingestedAt,
    text: doc.text,
    headings: doc.headings,
    sentences: doc.sentences.map((sentence, index) => ({ index, start: sentence.start, end: sentence.end, text: doc.text.slice(sentence.start, sentence.end) })),
    entities: doc.entities,
    stances: withIds('stance', doc.stances),
    events: withIds('event', doc.events),
    quotes: withIds('quote', doc.quotes),
    quantities: withIds('quantity', doc.quantities),
    dates: withIds('date', doc.dates),
    removed: doc.removed,
    messages: doc.messages,
  };
}

export const getDocumentRoute = defineRoute({
  method: 'get',
  path: '/api/documents/{id}',
  tag: 'documents',
  summary: 'One document: its cleaned text, sentences and extracted facts',
  description: 'Every offset (sentences, evidence, mentions) is a half-open UTF-16 offset into `text`.',
  query: {},
  params: { id: idParam({ description: 'Document id.' }) },
  response: { description: 'The document.', schema: { type: 'object', properties: { document: { $ref: '#/components/schemas/Document' } } } },
  errors: { 404: 'No document has this id.' },
  async handle({ params, services }) {
    const doc = await services.store.getDocument(params.id);
    if (!doc) throw new ApiError(404, 'not-found', `no document ${params.id}`);
    return { document: documentView(doc) };
  },
});
