// The HTTP app: the JSON API from the route table, its OpenAPI document and the built dashboard, behind access control and ETags.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import type { Store } from '../store/store.ts';
import { accessControl } from './access.ts';
import { ApiError } from './errors.ts';
import type { IngestService } from './ingest.ts';
import { buildOpenApi } from './openapi.ts';
import { parseParams } from './params.ts';
import { routerPath, type ApiServices, type RouteSpec } from './route.ts';
import { apiRoutes } from './routes/index.ts';
import { loadStaticFiles } from './static-files.ts';

export interface AppOptions {
  /** When set, every request must carry it (see access.ts). */
  token?: string | null;
  /** Ingestion settings; null or absent keeps `POST /api/ingest` off. */
  ingest?: IngestService | null;
  /** The built dashboard folder; default web/dist of this package. */
  webRoot?: string;
  /** The API version the OpenAPI document states. */
  version?: string;
  /** Told about every unexpected error (a 500), e.g. to log it; the client gets no details. */
  onInternalError?: (error: unknown) => void;
}

const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function errorAnswer(context: Context, error: ApiError): Response {
  return context.json(error.toBody(), error.status);
}

/** Whether an If-None-Match header names `tag` (weak comparison, as for GET; `*` matches anything). */
function ifNoneMatchHolds(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (value: string) => value.replace(/^W\//, '');
  return header.split(',').some((candidate) => opaque(candidate.trim()) === opaque(tag));
}

async function answerRoute(context: Context, route: RouteSpec, services: ApiServices): Promise<Response> {
  const query = parseParams(route.query, context.req.query());
  const params = parseParams(route.params, context.req.param() as Record<string, string>);
  if (!params.ok) throw ApiError.badParameters(params.issues);
  if (!query.ok) throw ApiError.badParameters(query.issues);
  const request = { query: query.values, params: params.values, services, context };
  // Clients may keep answers but must revalidate: the ETag makes that a cheap 304.
  context.header('Cache-Control', 'no-cache');
  if (route.etag) {
    // Weak: the same tag may cover answers that differ in incidental bytes (when a brief was made).
    const tag = `W/"${await route.etag(request)}"`;
    context.header('ETag', tag);
    if (ifNoneMatchHolds(context.req.header('If-None-Match'), tag)) return context.body(null, 304);
  }
  return context.json(await route.handle(request));
}

/** The app over `store`; test it in-process with `app.request(path)`, serve it with `listen()`. */
export function createApp(store: Store, options: AppOptions = {}): Hono {
  const app = new Hono();
  const services: ApiServices = { store, ingest: options.ingest ?? null };
  const routes: RouteSpec[] = apiRoutes;
  const openApi = buildOpenApi(routes, { tokenRequired: Boolean(options.token), version: options.version ?? '0.1.0' });
  const staticFiles = loadStaticFiles(options.webRoot);

  app.onError((error, context) => {
    if (error instanceof ApiError) return errorAnswer(context, error);
    options.onInternalError?.(error);
    return errorAnswer(context, new ApiError(500, 'internal', 'internal error: the server could not answer this request'));
  });
  app.notFound((context) => errorAnswer(context, new ApiError(404, 'not-found', `nothing at ${context.req.method} ${new URL(context.req.url).pathname}`)));

  app.use('*', secureHeaders({ contentSecurityPolicy, referrerPolicy: 'no-referrer', crossOriginResourcePolicy: 'same-origin', strictTransportSecurity: false }));
  app.use('*', accessControl({ token: options.token ?? null }));
  app.use('*', etag());

  for (const route of routes) {
    const path = routerPath(route.path);
    if (route.method === 'post') {
      const maxSize = options.ingest?.maxBytes ?? 10 * 1024 * 1024;
      app.post(
        path,
        bodyLimit({
          maxSize,
          onError: () => {
            throw new ApiError(413, 'too-large', `the body is larger than ${maxSize} bytes`);
          },
        }),
        (context) => answerRoute(context, route, services),
      );
    } else {
      app.get(path, (context) => answerRoute(context, route, services));
    }
  }

  app.get('/openapi.json', (context) => {
    const query = parseParams({}, context.req.query());
    if (!query.ok) throw ApiError.badParameters(query.issues);
    context.header('Cache-Control', 'no-cache');
    return context.json(openApi);
  });

  app.get('*', (context) => {
    const path = new URL(context.req.url).pathname;
    if (path.startsWith('/api/')) return context.notFound();
    const file = staticFiles.get(path);
    if (!file) {
      if (path === '/') {
        return context.text('The dashboard has not been built: run `npm run build:web`, then reload. The API is at /api/… (see /openapi.json).', 503);
      }
      return context.notFound();
    }
    context.header('Content-Type', file.mediaType);
    context.header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return context.body(file.body.slice());
  });

  return app;
}
