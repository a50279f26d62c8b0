// A route declared as data: its method, path, parameters and answer, so the app and the OpenAPI document are built from one table.
import type { Context } from 'hono';
import type { Store } from '../store/store.ts';
import type { Param, ParamValues } from './params.ts';
import type { IngestService } from './ingest.ts';

/** What handlers can reach besides the request. */
export interface ApiServices {
  store: Store;
  /** Present only when the server was started with ingestion allowed. */
  ingest: IngestService | null;
}

type Params = Record<string, Param<unknown>>;

export interface RouteRequest<Q extends Params, P extends Params> {
  query: ParamValues<Q>;
  params: ParamValues<P>;
  services: ApiServices;
  context: Context;
}

/** A JSON Schema fragment describing an answer, for the OpenAPI document. */
export type JsonSchema = Record<string, unknown>;

export interface RouteSpec<Q extends Params = Params, P extends Params = Params> {
  method: 'get' | 'post';
  /** OpenAPI form: `/api/documents/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query: Q;
  params: P;
  /** What a 200 holds. */
  response: { description: string; schema: JsonSchema };
  /** Extra statuses this route can answer with besides 400 and 401, with why. */
  errors?: Partial<Record<403 | 404 | 413 | 415, string>>;
  /** For POST routes: the media types the body may have. */
  requestBody?: { description: string; mediaTypes: string[] };
  /**
   * For answers that are costly to build or not byte-stable (a brief carries the time it was made):
   * an entity tag computed without building the answer, which changes whenever the answer would.
   * A request whose If-None-Match holds it gets a 304 and `handle` does not run.
   */
  etag?(request: RouteRequest<Q, P>): Promise<string>;
  handle(request: RouteRequest<Q, P>): Promise<unknown>;
}

/** Keeps the parameter types of one route tied to its handler. */
export function defineRoute<Q extends Params, P extends Params>(spec: RouteSpec<Q, P>): RouteSpec<Q, P> {
  return spec;
}

/** `/api/documents/{id}` → `/api/documents/:id`, the router's form. */
export function routerPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
