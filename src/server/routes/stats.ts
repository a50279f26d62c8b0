// `/api/stats`: what the store holds, per outlet and over which publication dates.
import { defineRoute } from '../route.ts';

export const statsRoute = defineRoute({
  method: 'get',
  path: '/api/stats',
  tag: 'sources',
  summary: 'Counts of stored documents and facts, documents per outlet, publication range',
  query: {},
  params: {},
  response: { description: 'Store statistics.', schema: { $ref: '#/components/schemas/Stats' } },
  async handle({ services }) {
    return { stats: await services.store.stats() };
  },
});
