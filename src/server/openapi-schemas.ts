// JSON Schemas of the API's answers, for the OpenAPI document: the shapes of src/doc/types.ts and src/store/store.ts as they travel.
import type { JsonSchema } from './route.ts';

const nullableString = { type: ['string', 'null'] };
const nullableDate = { type: ['string', 'null'], format: 'date' };
const span = { type: 'object', required: ['start', 'end', 'text'], properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arrayOf = (items: JsonSchema) => ({ type: 'array', items });

const paging = {
  limit: { type: 'integer' },
  offset: { type: 'integer' },
  total: { type: ['integer', 'null'], description: 'Items in the whole listing; null when not counted (follow `next`).' },
  next: { type: ['string', 'null'], description: 'Link to the next page, null on the last one.' },
  previous: { type: ['string', 'null'] },
};

export const componentSchemas: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['status', 'code', 'message'],
        properties: {
          status: { type: 'integer' },
          code: { type: 'string', enum: ['bad-parameter', 'not-found', 'unauthorized', 'forbidden', 'ingest-disabled', 'too-large', 'unsupported-media-type', 'internal'] },
          message: { type: 'string' },
          parameter: { type: 'string', description: 'The first parameter at fault.' },
          issues: arrayOf({ type: 'object', properties: { parameter: { type: 'string' }, message: { type: 'string' } } }),
        },
      },
    },
  },
  Span: span,
  DocumentEvidence: { allOf: [span, { type: 'object', required: ['documentId'], properties: { documentId: { type: 'string' } } }] },
  EvidenceView: {
    allOf: [ref('DocumentEvidence'), { type: 'object', properties: { sentence: { oneOf: [span, { type: 'null' }], description: 'The whole sentence around the evidence.' } } }],
  },
  DocumentMeta: {
    type: 'object',
    properties: {
      title: nullableString, byline: nullableString, source: nullableString, url: nullableString,
      published: nullableDate, file: nullableString, language: nullableString,
    },
  },
  DocumentRef: {
    type: 'object',
    properties: { id: { type: 'string' }, file: nullableString, url: nullableString, source: nullableString, title: nullableString, published: nullableDate },
  },
  DocumentSummary: {
    type: 'object',
    properties: {
      id: { type: 'string' }, identity: { type: 'string' }, version: { type: 'integer' }, current: { type: 'boolean' },
      supersedes: nullableString, supersededBy: nullableString, meta: ref('DocumentMeta'), origin: { type: 'string' },
      ingestedAt: { type: 'string', format: 'date-time' }, sentenceCount: { type: 'integer' },
    },
  },
  DocumentPage: { type: 'object', properties: { documents: arrayOf(ref('DocumentSummary')), ...paging } },
  Document: {
    type: 'object',
    properties: {
      id: { type: 'string' }, version: { type: 'integer' }, meta: ref('DocumentMeta'), origin: { type: 'string' },
      text: { type: 'string', description: 'The cleaned text; every offset points into it.' },
      headings: arrayOf(span),
      sentences: arrayOf({ type: 'object', properties: { index: { type: 'integer' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } }),
      entities: arrayOf({ type: 'object' }),
      stances: arrayOf({ type: 'object', description: 'A stance with its `id` (DOCUMENT:stance:N) and `evidence`.' }),
      events: arrayOf({ type: 'object' }), quotes: arrayOf({ type: 'object' }), quantities: arrayOf({ type: 'object' }), dates: arrayOf({ type: 'object' }),
    },
  },
  SearchHit: {
    type: 'object',
    properties: {
      documentId: { type: 'string' }, version: { type: 'integer' }, title: nullableString, source: nullableString, published: nullableDate,
      url: nullableString, file: nullableString,
      sentence: { type: 'object', properties: { index: { type: 'integer' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } },
      snippet: { type: 'string', description: 'A window of the sentence, matches wrapped in `**`.' },
      highlights: arrayOf(span), score: { type: 'number' },
    },
  },
  SearchPage: { type: 'object', properties: { query: { type: 'string' }, hits: arrayOf(ref('SearchHit')), ...paging } },
  Actor: {
    type: 'object',
    properties: {
      id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string', enum: ['person', 'organization', 'place', 'country', 'group'] },
      party: nullableString, roles: arrayOf({ type: 'string' }), aliases: arrayOf({ type: 'string' }), mentions: { type: 'integer' }, documents: arrayOf({ type: 'string' }),
    },
  },
  ActorPage: { type: 'object', properties: { actors: arrayOf(ref('Actor')), ...paging } },
  Stats: {
    type: 'object',
    properties: {
      stats: {
        type: 'object',
        properties: {
          documents: { type: 'integer' }, versions: { type: 'integer' }, sentences: { type: 'integer' }, stances: { type: 'integer' }, events: { type: 'integer' },
          bySource: arrayOf({ type: 'object', properties: { source: nullableString, documents: { type: 'integer' } } }),
          published: { type: 'object', properties: { first: nullableDate, last: nullableDate } },
        },
      },
    },
  },
  Fact: {
    type: 'object',
    properties: {
      fact: { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string' }, fact: { type: 'object' } } },
      documents: arrayOf(ref('DocumentRef')),
      evidence: arrayOf(ref('EvidenceView')),
    },
  },
  IngestSummary: {
    type: 'object',
    properties: {
      inserted: { type: 'integer' }, unchanged: { type: 'integer' }, 'new-version': { type: 'integer' }, failed: { type: 'integer' },
      documents: arrayOf({ type: 'object', properties: { id: { type: 'string' }, status: { type: 'string', enum: ['inserted', 'unchanged', 'new-version'] }, title: nullableString, origin: { type: 'string' } } }),
      failures: arrayOf({ type: 'object', properties: { input: { type: 'string' }, code: { type: 'string' }, reason: { type: 'string' } } }),
    },
  },
  StorySummary: {
    type: 'object',
    properties: {
      id: { type: 'string' }, label: { type: 'string' }, parties: arrayOf({ type: 'string' }), issues: arrayOf({ type: 'string' }),
      places: arrayOf({ type: 'string' }), documents: { type: 'integer' }, firstSeen: nullableDate, lastSeen: nullableDate,
    },
  },
  Stories: { type: 'object', properties: { stories: arrayOf(ref('StorySummary')) } },
  MergedFactBase: {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'Merged fact id; `/api/facts/{id}` gives every report behind it.' },
      documents: arrayOf(ref('DocumentRef')),
      independentSources: { type: 'integer', description: 'Distinct source groups: a rewrite of the same wire story is not a second source.' },
      firstSeen: nullableDate, lastSeen: nullableDate,
      evidence: arrayOf(ref('DocumentEvidence')),
    },
  },
  TimelineEvent: {
    allOf: [
      ref('MergedFactBase'),
      {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['meeting', 'talks', 'call', 'visit', 'summit', 'statement', 'proposal', 'agreement', 'ceasefire'] },
          status: { type: 'string', enum: ['planned', 'happened', 'cancelled'] },
          parties: arrayOf({ type: 'string' }), participants: arrayOf({ type: 'string' }), place: nullableString,
          date: { oneOf: [{ type: 'object', properties: { start: nullableDate, end: nullableDate } }, { type: 'null' }] },
          duration: nullableString, outcome: nullableString, story: nullableString,
        },
      },
    ],
  },
  Timeline: { type: 'object', properties: { events: arrayOf(ref('TimelineEvent')) } },
  MergedStance: {
    allOf: [
      ref('MergedFactBase'),
      {
        type: 'object',
        properties: {
          party: { type: 'string' }, issue: { type: 'string' }, act: { type: 'string', enum: ['demand', 'propose', 'accept', 'reject', 'support', 'oppose'] },
          actors: arrayOf({ type: 'string' }), summary: { type: 'string' },
        },
      },
    ],
  },
  PositionsCell: {
    type: 'object',
    properties: {
      issue: { type: 'string' }, party: { type: 'string' }, latestAct: { type: 'string' },
      trend: { type: 'string', enum: ['new', 'steady', 'shifted'] }, confidence: { type: 'number', minimum: 0, maximum: 1 },
      independentSources: { type: 'integer' }, documents: { type: 'integer' },
      stances: arrayOf({ type: 'string' }), summary: { type: 'string' }, firstSeen: nullableDate, lastSeen: nullableDate,
      history: arrayOf({ type: 'object', properties: { stance: { type: 'string' }, act: { type: 'string' }, firstSeen: nullableDate, lastSeen: nullableDate, independentSources: { type: 'integer' }, documents: { type: 'integer' } } }),
      evidence: arrayOf(ref('DocumentEvidence')), documentRefs: arrayOf(ref('DocumentRef')),
    },
  },
  Positions: {
    type: 'object',
    properties: {
      story: { oneOf: [ref('StorySummary'), { type: 'null' }] }, since: nullableDate,
      issues: arrayOf({ type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' } } }),
      parties: arrayOf({ type: 'string' }), cells: arrayOf(ref('PositionsCell')),
    },
  },
  Contradiction: {
    type: 'object',
    properties: {
      id: { type: 'string' }, kind: { type: 'string', enum: ['number', 'date', 'place', 'role', 'opposite-acts'] }, about: { type: 'string' },
      sides: arrayOf({ type: 'object', properties: { claim: { type: 'string' }, evidence: arrayOf(ref('DocumentEvidence')), documents: arrayOf(ref('DocumentRef')) } }),
      story: nullableString, firstSeen: nullableDate, lastSeen: nullableDate,
    },
  },
  Contradictions: { type: 'object', properties: { contradictions: arrayOf(ref('Contradiction')) } },
  Changes: {
    type: 'object',
    properties: {
      since: { type: 'string', format: 'date' }, basis: { type: 'string', enum: ['published', 'ingested'] }, story: nullableString,
      newEvents: arrayOf(ref('TimelineEvent')), heldEvents: arrayOf(ref('TimelineEvent')), newPlans: arrayOf(ref('TimelineEvent')),
      newStances: arrayOf(ref('MergedStance')),
      shiftedStances: arrayOf({ type: 'object', properties: { issue: { type: 'string' }, party: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, before: ref('MergedStance'), after: ref('MergedStance') } }),
      newDisputes: arrayOf(ref('Contradiction')),
    },
  },
  Brief: {
    type: 'object',
    description: 'Every statement carries `citations`: a source number (into `sources`) and the evidence span it cites.',
    properties: {
      title: { type: 'string' }, generatedAt: { type: 'string', format: 'date-time' },
      story: { oneOf: [ref('StorySummary'), { type: 'null' }] }, otherStories: arrayOf(ref('StorySummary')),
      since: { oneOf: [{ type: 'object', properties: { date: { type: 'string', format: 'date' }, basis: { type: 'string' }, reason: { type: 'string' } } }, { type: 'null' }] },
      takeaways: arrayOf({ type: 'object' }), positions: { type: 'object' }, changes: arrayOf({ type: 'object' }), timeline: arrayOf({ type: 'object' }),
      quotes: arrayOf({ type: 'object' }), disputes: arrayOf({ type: 'object' }),
      sources: arrayOf({ type: 'object', properties: { number: { type: 'integer' }, document: ref('DocumentRef') } }),
    },
  },
};
