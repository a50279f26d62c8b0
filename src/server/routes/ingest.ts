// `POST /api/ingest`: store a posted article, feed or export, or fetch a list of URLs — only when the server allows it.
import { ApiError } from '../errors.ts';
import { ingestRequest, type IngestRequest } from '../ingest.ts';
import { dateParam, textParam } from '../params.ts';
import { defineRoute } from '../route.ts';

/** Media types read as a document body; the content is sniffed as `parley ingest -` sniffs standard input. */
export const documentMediaTypes = [
  'text/plain',
  'text/markdown',
  'text/html',
  'application/xhtml+xml',
  'application/json',
  'application/x-ndjson',
  'application/jsonl',
  'application/rss+xml',
  'application/atom+xml',
  'application/xml',
  'text/xml',
];
export const uriListMediaType = 'text/uri-list';
const maxUrls = 100;

/** The URLs of a `text/uri-list` body (RFC 2483: one per line, `#` lines are comments). */
function parseUriList(text: string): string[] {
  const urls = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  if (urls.length === 0) throw ApiError.badParameters([{ parameter: 'body', message: 'the URL list is empty' }]);
  if (urls.length > maxUrls) throw ApiError.badParameters([{ parameter: 'body', message: `at most ${maxUrls} URLs per request, got ${urls.length}` }]);
  for (const url of urls) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw ApiError.badParameters([{ parameter: 'body', message: `not an http(s) URL: ${JSON.stringify(url.slice(0, 100))}` }]);
    }
  }
  return urls;
}

export const ingestRoute = defineRoute({
  method: 'post',
  path: '/api/ingest',
  tag: 'ingest',
  summary: 'Ingest a posted document or a list of URLs (only with `parley serve --allow-ingest`)',
  description:
    'The body is read, cleaned, extracted and stored exactly as `parley ingest` does: a text, Markdown or HTML article, an RSS/Atom feed, or a JSON/JSONL export. ' +
    'With `Content-Type: text/uri-list` the body lists http(s) URLs to fetch instead. Ingesting the same article twice changes nothing. Failed inputs are listed in `failures`.',
  query: {
    published: dateParam({ description: 'Publication date for every document read; wins over the document’s own.' }),
    source: textParam({ description: 'Outlet for every document read; wins over the document’s own.' }),
  },
  params: {},
  requestBody: { description: 'The document, or a URL list.', mediaTypes: [...documentMediaTypes, uriListMediaType] },
  response: { description: 'What was stored.', schema: { $ref: '#/components/schemas/IngestSummary' } },
  errors: { 403: 'The server was started without --allow-ingest.', 413: 'The body is larger than the server accepts.', 415: 'The body is not a type Parley reads.' },
  async handle({ query, services, context }) {
    if (!services.ingest) throw new ApiError(403, 'ingest-disabled', 'ingestion is off: start the server with `parley serve --allow-ingest`');
    const mediaType = (context.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType !== uriListMediaType && !documentMediaTypes.includes(mediaType)) {
      throw new ApiError(415, 'unsupported-media-type', `cannot ingest a body of type "${mediaType || '(none)'}": send one of ${[...documentMediaTypes, uriListMediaType].join(', ')}`);
    }
    const bytes = new Uint8Array(await context.req.arrayBuffer());
    const request: IngestRequest = mediaType === uriListMediaType ? { kind: 'urls', urls: parseUriList(new TextDecoder().decode(bytes)) } : { kind: 'body', bytes };
    return ingestRequest(services.store, services.ingest, request, { published: query.published, source: query.source });
  },
});
