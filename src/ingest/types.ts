// The shapes the ingest stage hands out and takes in: options, per-input results and where a document came from.
import type { InputError } from '../doc/errors.ts';
import type { RawDocument, SourceKind } from '../doc/types.ts';
import type { Manifest } from './manifest.ts';

export interface IngestOptions {
  /** Largest input read, in bytes (files, URL bodies, stdin); default 10 MiB. Larger inputs fail with `ingest:too-large`. */
  maxBytes?: number;
  /** Time allowed for one URL fetch, headers and body, in milliseconds; default 15000. */
  timeoutMs?: number;
  /** Publication metadata keyed by file name (see manifest.ts). */
  manifest?: Manifest;
  /** A publication date for every document (a flag); wins over the manifest and the documents. */
  published?: string;
  /** An outlet for every document (a flag); wins over the manifest and the documents. */
  source?: string;
  /** What the input `-` reads; default `process.stdin`. */
  stdin?: NodeJS.ReadableStream;
  /** The fetch used for URLs; default the global one (injectable for tests and proxies). */
  fetch?: typeof fetch;
  /** Whether a feed item with no full content is fetched from its link; default true. */
  fetchFeedLinks?: boolean;
}

export type IngestResult = { ok: true; doc: RawDocument } | { ok: false; error: InputError };

/** Options with their defaults filled in, as the readers see them. */
export interface ReaderOptions {
  maxBytes: number;
  timeoutMs: number;
  fetch: typeof fetch;
  fetchFeedLinks: boolean;
}

/** Where a document came from, before anything is read. */
export interface InputSource {
  /** The name used in every message: a path, a URL or `stdin`, with `#N` for the Nth item of a feed or export. */
  origin: string;
  kind: SourceKind;
  /** Base name of the file read, or null (URLs, feed items, stdin). */
  file: string | null;
  url: string | null;
}
