// Ingestion over HTTP: a posted document or list of URLs goes through the same reading, extraction and store as `parley ingest`.
import { Readable } from 'node:stream';
import { InputError } from '../doc/errors.ts';
import { readInputs } from '../ingest/index.ts';
import { ingestDocument } from '../reconcile/ingest-document.ts';
import type { IngestOptions } from '../ingest/index.ts';
import type { Knowledge } from '../knowledge/index.ts';
import type { PutStatus, Store } from '../store/store.ts';

/** What the server needs to ingest: the knowledge extraction runs with, and the limits on reading. */
export interface IngestService {
  kb: Knowledge;
  /** Largest body or fetched page accepted, in bytes. */
  maxBytes: number;
  /** Time limit for fetching one URL, in milliseconds. */
  timeoutMs: number;
  /** The fetch used for URLs (injectable for tests). */
  fetch?: typeof fetch;
}

/** What to read: the request body as one input (text, Markdown, HTML, feed or JSON export), or URLs to fetch. */
export type IngestRequest = { kind: 'body'; bytes: Uint8Array } | { kind: 'urls'; urls: string[] };

export interface IngestSummary {
  inserted: number;
  unchanged: number;
  'new-version': number;
  failed: number;
  documents: { id: string; status: PutStatus; title: string | null; origin: string }[];
  failures: { input: string; code: string; reason: string }[];
}

/** Reads, extracts and stores what was posted; one bad input is reported and the rest are kept. */
export async function ingestRequest(
  store: Store,
  service: IngestService,
  request: IngestRequest,
  metadata: { published?: string; source?: string } = {},
): Promise<IngestSummary> {
  const options: IngestOptions = {
    maxBytes: service.maxBytes,
    timeoutMs: service.timeoutMs,
    fetch: service.fetch,
    published: metadata.published,
    source: metadata.source,
    // The body is read as the CLI reads standard input, so posted content takes the exact path of `parley ingest -`.
    stdin: request.kind === 'body' ? Readable.from([Buffer.from(request.bytes)]) : Readable.from([]),
  };
  const inputs = request.kind === 'body' ? ['-'] : request.urls;
  const summary: IngestSummary = { inserted: 0, unchanged: 0, 'new-version': 0, failed: 0, documents: [], failures: [] };
  for await (const result of readInputs(inputs, options)) {
    const stored = result.ok ? await ingestDocument(store, result.doc, service.kb) : result.error;
    if (stored instanceof InputError) {
      summary.failed += 1;
      summary.failures.push({ input: stored.input, code: stored.code, reason: stored.message });
      continue;
    }
    summary[stored.status] += 1;
    if (result.ok) summary.documents.push({ id: stored.id, status: stored.status, title: result.doc.meta.title, origin: result.doc.origin });
  }
  return summary;
}
