// Ingestion over HTTP: a posted document or list of URLs goes through the same reading, extraction and store as `parley ingest`.
import { Readable } from 'node:stream';
import { InputError } from '../doc/errors.ts';
import type { RawDocument } from '../doc/types.ts';
import { defaultStages, processRawDocument } from '../extract/index.ts';
import { readInputs } from '../ingest/index.ts';
import { reconcileDocument } from '../reconcile/index.ts';
import type { IngestOptions } from '../ingest/index.ts';
import type { Knowledge } from '../knowledge/index.ts';
import { StoreError } from '../store/errors.ts';
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

/**
 * Extracts and stores one document, as `parley ingest` does: a document the extraction or the
 * store refuses is that input's failure; a store that cannot be written at all throws.
 */
async function storeRawDocument(store: Store, raw: RawDocument, kb: Knowledge): Promise<{ id: string; status: PutStatus } | InputError> {
  try {
    const doc = processRawDocument(raw, defaultStages, { kb });
    const result = await store.putDocument(doc);
    await reconcileDocument(store, doc);
    return { id: result.id, status: result.status };
  } catch (error) {
    if (error instanceof StoreError && error.code !== 'store:invalid-doc' && error.code !== 'store:constraint') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return new InputError(error instanceof StoreError ? error.code : 'extract:failed', raw.origin, reason);
  }
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
    const stored = result.ok ? await storeRawDocument(store, result.doc, service.kb) : result.error;
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
