// The OpenAPI 3.1 document of the API, generated from the route table so it cannot drift from what the server checks.
import { componentSchemas } from './openapi-schemas.ts';
import type { RouteSpec, JsonSchema } from './route.ts';

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function parameters(route: RouteSpec) {
  const describe = (location: 'query' | 'path') => ([name, param]: [string, RouteSpec['query'][string]]) => ({
    name,
    in: location,
    required: location === 'path' || param.required,
    description: param.description,
    schema: param.openapi,
  });
  return [...Object.entries(route.params).map(describe('path')), ...Object.entries(route.query).map(describe('query'))];
}

function operation(route: RouteSpec, options: { tokenRequired: boolean }) {
  const responses: Record<string, unknown> = {
    200: { description: route.response.description, content: { 'application/json': { schema: route.response.schema } } },
    400: errorResponse('A parameter is missing, unknown or malformed; `error.parameter` names it.'),
  };
  if (route.method === 'get') responses[304] = { description: 'Not modified: the `If-None-Match` ETag still holds.' };
  for (const [status, why] of Object.entries(route.errors ?? {})) responses[status] = errorResponse(why);
  if (options.tokenRequired) responses[401] = errorResponse('No valid token was sent.');
  const spec: Record<string, unknown> = {
    operationId: `${route.method}${route.path.replace(/\{(\w+)\}/g, 'By-$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase())}`,
    tags: [route.tag],
    summary: route.summary,
    parameters: parameters(route),
    responses,
  };
  if (route.description) spec.description = route.description;
  if (route.requestBody) {
    const content: Record<string, JsonSchema> = {};
    for (const mediaType of route.requestBody.mediaTypes) content[mediaType] = { schema: { type: 'string' } };
    spec.requestBody = { required: true, description: route.requestBody.description, content };
  }
  return spec;
}

/** The OpenAPI document for `routes`; `tokenRequired` adds the bearer scheme the server then enforces. */
export function buildOpenApi(routes: readonly RouteSpec[], options: { tokenRequired: boolean; version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path][route.method] = operation(route, options);
  }
  const document: JsonSchema = {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: options.version,
      description:
        'Read-only JSON over a Parley store: documents, search, actors, the issue × party matrix, the merged timeline, contradictions, changes and the brief. ' +
        'Every fact carries evidence: a document id and a half-open UTF-16 span of its cleaned text. Answers carry an ETag; send it back in If-None-Match for a 304.',
    },
    paths,
    components: { schemas: componentSchemas },
  };
  if (options.tokenRequired) {
    (document.components as Record<string, unknown>).securitySchemes = { token: { type: 'http', scheme: 'bearer' } };
    document.security = [{ token: [] }];
  }
  return document;
}
