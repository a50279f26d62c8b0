// `/api/search`: ranked sentences matching the words typed, each with its document and the matched words as spans.
import { StoreError } from '../../store/errors.ts';
import { ApiError } from '../errors.ts';
import { requiredTextParam } from '../params.ts';
import { defineRoute } from '../route.ts';
import { limitParam, offsetParam, sinceParam, sourceParam, untilParam } from './common-params.ts';
import { checkDateWindow, pageInfo } from './paging.ts';

export const searchRoute = defineRoute({
  method: 'get',
  path: '/api/search',
  tag: 'search',
  summary: 'Full-text search over stored sentences, best first',
  description:
    'Plain words must all occur; "quoted words" match as a phrase; spelling variants match each other. Nothing typed is search-engine syntax. ' +
    '`snippet` marks matches with `**`; `highlights` gives them as spans of the document text. `total` is null: follow `next` while it is set.',
  query: {
    q: requiredTextParam({ description: 'The words to find.', maxLength: 500 }),
    source: sourceParam,
    since: sinceParam,
    until: untilParam,
    limit: limitParam(20, 100),
    offset: offsetParam,
  },
  params: {},
  response: { description: 'A page of hits.', schema: { $ref: '#/components/schemas/SearchPage' } },
  async handle({ query, services, context }) {
    checkDateWindow(query);
    try {
      // One hit more than asked says whether a next page exists without counting every match.
      const hits = await services.store.search(query.q, { source: query.source, since: query.since, until: query.until, limit: query.limit + 1, offset: query.offset });
      return {
        query: query.q,
        hits: hits.slice(0, query.limit),
        ...pageInfo(context, { limit: query.limit, offset: query.offset, total: null, hasMore: hits.length > query.limit }),
      };
    } catch (error) {
      if (error instanceof StoreError && error.code === 'store:empty-query') throw ApiError.badParameters([{ parameter: 'q', message: error.message }]);
      throw error;
    }
  },
});
