// The cross-document reports — stories, positions, timeline, contradictions, changes, brief — as built by src/report for the CLI too.
import { createHash } from 'node:crypto';
import { buildBrief, buildChanges, buildContradictions, buildPositions, buildTimeline, toStorySummary } from '../../report/index.ts';
import type { ReportFilter } from '../../report/index.ts';
import { enumParam, integerParam, requiredDateParam } from '../params.ts';
import { defineRoute } from '../route.ts';
import { checkStory } from '../stories.ts';
import { sinceParam, storyParam, untilParam } from './common-params.ts';
import { checkDateWindow } from './paging.ts';

const windowParams = {
  story: storyParam,
  since: { ...sinceParam, description: 'Only facts reported on or after this date (YYYY-MM-DD).' },
  until: { ...untilParam, description: 'Only facts reported on or before this date (YYYY-MM-DD).' },
};

/** The report filter of a request, after checking the window and the story. */
async function reportFilter(store: Parameters<typeof checkStory>[0], query: { story?: string; since?: string; until?: string }): Promise<ReportFilter> {
  checkDateWindow(query);
  await checkStory(store, query.story);
  return { story: query.story, since: query.since, until: query.until };
}

export const storiesRoute = defineRoute({
  method: 'get',
  path: '/api/stories',
  tag: 'reports',
  summary: 'The stories (negotiations) the articles were grouped into, most documents first',
  query: {
    since: { ...sinceParam, description: 'Only stories with documents published on or after this date, counted there.' },
    until: { ...untilParam, description: 'Only stories with documents published on or before this date, counted there.' },
    limit: integerParam({ description: 'How many stories.', min: 1, max: 1000, default: 100 }),
  },
  params: {},
  response: { description: 'Stories.', schema: { $ref: '#/components/schemas/Stories' } },
  async handle({ query, services }) {
    checkDateWindow(query);
    const stories = await services.store.listStories({ since: query.since, until: query.until, limit: query.limit });
    return {
      stories: stories.map(toStorySummary),
    };
  },
});

export const positionsRoute = defineRoute({
  method: 'get',
  path: '/api/positions',
  tag: 'reports',
  summary: 'The issue × party matrix: each party’s latest act on each issue, its trend, confidence and evidence',
  description: 'Cells first seen on or after `since` are `new`. Each cell lists its merged stances (`stances`, newest first; see `/api/facts/{id}`) and the latest act’s evidence.',
  query: windowParams,
  params: {},
  response: { description: 'The matrix.', schema: { $ref: '#/components/schemas/Positions' } },
  async handle({ query, services }) {
    return buildPositions(services.store, await reportFilter(services.store, query));
  },
});

export const timelineRoute = defineRoute({
  method: 'get',
  path: '/api/timeline',
  tag: 'reports',
  summary: 'Merged events in date order: one per real-world meeting, call or visit, planned or held, with the documents that report it',
  query: { ...windowParams, limit: integerParam({ description: 'At most this many events (the latest dated ones), still in date order.', min: 1, max: 5000, default: 1000 }) },
  params: {},
  response: { description: 'The timeline.', schema: { $ref: '#/components/schemas/Timeline' } },
  async handle({ query, services }) {
    return buildTimeline(services.store, await reportFilter(services.store, query), { limit: query.limit });
  },
});

export const contradictionsRoute = defineRoute({
  method: 'get',
  path: '/api/contradictions',
  tag: 'reports',
  summary: 'Disputed facts: where sources disagree (numbers, dates, places, roles, opposite acts), each side with its evidence',
  query: { ...windowParams, limit: integerParam({ description: 'At most this many, the most recently disputed first.', min: 1, max: 1000, default: 200 }) },
  params: {},
  response: { description: 'The contradictions.', schema: { $ref: '#/components/schemas/Contradictions' } },
  async handle({ query, services }) {
    return buildContradictions(services.store, await reportFilter(services.store, query), { limit: query.limit });
  },
});

export const changesRoute = defineRoute({
  method: 'get',
  path: '/api/changes',
  tag: 'reports',
  summary: 'What changed since a date: new events, planned events now held, new plans, new and shifted stances, new disputes',
  query: {
    since: requiredDateParam({ description: 'The cut-off (YYYY-MM-DD): what was first reported on or after it.' }),
    until: windowParams.until,
    story: storyParam,
    basis: enumParam({ description: 'Compare `since` with publication dates (default) or with when documents were stored.', values: ['published', 'ingested'] as const }),
    limit: integerParam({ description: 'At most this many items per list.', min: 1, max: 500, default: 20 }),
  },
  params: {},
  response: { description: 'The changes.', schema: { $ref: '#/components/schemas/Changes' } },
  async handle({ query, services }) {
    const filter = await reportFilter(services.store, query);
    return buildChanges(services.store, { ...filter, since: query.since, basis: query.basis, limit: query.limit });
  },
});

export const briefRoute = defineRoute({
  method: 'get',
  path: '/api/brief',
  tag: 'reports',
  summary: 'The morning brief: key takeaways, positions, what changed, timeline, quotes, disputes and numbered sources, every statement cited',
  description: 'The same object as `parley brief --format json`. Reading it here does not count as "the last brief" for later `parley brief` runs.',
  query: windowParams,
  params: {},
  response: { description: 'The brief.', schema: { $ref: '#/components/schemas/Brief' } },
  // The brief depends on the store's content and the window asked for, not on when it is made.
  async etag({ query, services }) {
    const filter = await reportFilter(services.store, query);
    const revision = await services.store.revision();
    return createHash('sha1').update(JSON.stringify(['brief', revision, filter.story ?? null, filter.since ?? null, filter.until ?? null])).digest('base64url');
  },
  async handle({ query, services }) {
    return buildBrief(services.store, await reportFilter(services.store, query));
  },
});
