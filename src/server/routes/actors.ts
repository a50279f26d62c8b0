// `/api/actors`: people, parties and bodies across the stored documents, with their party, roles and mention counts.
import type { EntityKind } from '../../doc/types.ts';
import { enumParam, textParam } from '../params.ts';
import { defineRoute } from '../route.ts';
import { checkStory } from '../stories.ts';
import { limitParam, offsetParam, storyParam } from './common-params.ts';
import { pageInfo } from './paging.ts';

const entityKinds: readonly EntityKind[] = ['person', 'country', 'organization', 'group', 'place'];

export const actorsRoute = defineRoute({
  method: 'get',
  path: '/api/actors',
  tag: 'actors',
  summary: 'Actors across the stored documents, most mentioned first',
  query: {
    kind: enumParam({ description: 'Only this kind of actor.', values: entityKinds }),
    party: textParam({ description: 'Only actors of this party (e.g. `Russia`).' }),
    story: { ...storyParam, description: 'Only actors named in documents of this story (counts stay over all documents).' },
    limit: limitParam(200, 1000),
    offset: offsetParam,
  },
  params: {},
  response: { description: 'A page of actors.', schema: { $ref: '#/components/schemas/ActorPage' } },
  async handle({ query, services, context }) {
    await checkStory(services.store, query.story);
    let all = await services.store.listEntities({ kind: query.kind, party: query.party });
    if (query.story !== undefined) {
      const members = new Set((await services.store.listDocuments({ story: query.story })).map((doc) => doc.id));
      all = all.filter((actor) => actor.documents.some((id) => members.has(id)));
    }
    return {
      actors: all.slice(query.offset, query.offset + query.limit),
      ...pageInfo(context, { limit: query.limit, offset: query.offset, total: all.length, hasMore: query.offset + query.limit < all.length }),
    };
  },
});
