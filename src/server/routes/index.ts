// Every API route, in the order the OpenAPI document lists them.
import type { RouteSpec } from '../route.ts';
import { actorsRoute } from './actors.ts';
import { getDocumentRoute, listDocumentsRoute } from './documents.ts';
import { factRoute } from './facts.ts';
import { ingestRoute } from './ingest.ts';
import { briefRoute, changesRoute, contradictionsRoute, positionsRoute, storiesRoute, timelineRoute } from './reports.ts';
import { searchRoute } from './search.ts';
import { statsRoute } from './stats.ts';

export const apiRoutes: RouteSpec[] = [
  listDocumentsRoute,
  getDocumentRoute,
  searchRoute,
  actorsRoute,
  statsRoute,
  storiesRoute,
  positionsRoute,
  timelineRoute,
  factRoute,
  contradictionsRoute,
  changesRoute,
  briefRoute,
  ingestRoute,
];
