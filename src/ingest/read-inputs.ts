// Reads every input (file, folder, URL, `-`) into raw documents, one result per document or failure; one bad input never stops the batch.
import { basename } from 'node:path';
import { InputError, UsageError } from '../doc/errors.ts';
import { readContent } from './content.ts';
import { readFileBytes, statFile } from './file.ts';
import { walkFolder } from './folder.ts';
import { toIsoDate } from './iso-date.ts';
import { applyMetadataOverrides, type MetadataOverrides } from './metadata.ts';
import { charsetFromContentType, formatFromContentType, formatFromPath } from './sniff.ts';
import { readStreamBytes } from './stdin.ts';
import type { IngestOptions, IngestResult, ReaderOptions } from './types.ts';
import { fetchUrl, isHttpUrl } from './url.ts';

const defaultMaxBytes = 10 * 1024 * 1024;
const defaultTimeoutMs = 15_000;

/**
 * One result per document read from `inputs`, in order: a folder's files sorted by name, a feed's or an export's
 * items in turn. Failures come back as `{ ok: false, error }` naming the input (`path#N` for an item).
 */
export async function* readInputs(inputs: string[], options: IngestOptions = {}): AsyncGenerator<IngestResult> {
  const readerOptions = resolveReaderOptions(options);
  const overrides = resolveOverrides(options);
  for (const input of inputs) {
    for await (const result of readInput(input, readerOptions, options.stdin ?? process.stdin)) {
      yield result.ok ? { ok: true, doc: applyMetadataOverrides(result.doc, overrides) } : result;
    }
  }
}

function resolveReaderOptions(options: IngestOptions): ReaderOptions {
  return {
    maxBytes: options.maxBytes ?? defaultMaxBytes,
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    fetch: options.fetch ?? globalThis.fetch,
    fetchFeedLinks: options.fetchFeedLinks ?? true,
  };
}

function resolveOverrides(options: IngestOptions): MetadataOverrides {
  let published: string | null = null;
  if (options.published !== undefined) {
    published = toIsoDate(options.published);
    if (published === null) throw new UsageError(`--published: "${options.published}" is not a date (expected YYYY-MM-DD)`);
  }
  return { manifest: options.manifest, published, source: options.source?.trim() || null };
}

async function* readInput(input: string, options: ReaderOptions, stdin: NodeJS.ReadableStream): AsyncGenerator<IngestResult> {
  if (input === '-') {
    yield* guarded('stdin', async function* () {
      const bytes = await readStreamBytes(stdin, options.maxBytes, 'stdin');
      yield* readContent(bytes, { origin: 'stdin', kind: 'stdin', file: null, url: null }, { format: null }, options);
    });
    return;
  }
  if (isHttpUrl(input)) {
    yield* guarded(input, () => readUrl(input, options));
    return;
  }
  if (/^[a-z][a-z\d+.-]+:\/\//i.test(input)) {
    yield { ok: false, error: new InputError('ingest:unsupported-url', input, 'only http and https URLs can be fetched') };
    return;
  }
  let isFolder = false;
  try {
    isFolder = (await statFile(input)).isDirectory();
  } catch (error) {
    yield failure(error, input);
    return;
  }
  if (!isFolder) {
    yield* guarded(input, () => readFile(input, options));
    return;
  }
  let files: string[];
  try {
    files = await walkFolder(input);
  } catch (error) {
    yield failure(error, input);
    return;
  }
  if (files.length === 0) yield { ok: false, error: new InputError('ingest:empty', input, 'the folder holds no files to read') };
  for (const file of files) yield* guarded(file, () => readFile(file, options));
}

async function* readFile(path: string, options: ReaderOptions): AsyncGenerator<IngestResult> {
  const bytes = await readFileBytes(path, options.maxBytes);
  yield* readContent(bytes, { origin: path, kind: 'file', file: basename(path), url: null }, { format: formatFromPath(path) }, options);
}

async function* readUrl(url: string, options: ReaderOptions): AsyncGenerator<IngestResult> {
  const fetched = await fetchUrl(url, options);
  const format = formatFromContentType(fetched.contentType) ?? formatFromPath(new URL(fetched.finalUrl).pathname);
  const source = { origin: url, kind: 'url' as const, file: null, url: fetched.finalUrl };
  yield* readContent(fetched.bytes, source, { format, charset: charsetFromContentType(fetched.contentType) }, options);
}

/** Runs one input's reader, turning anything it throws into a failure result for that input. */
async function* guarded(origin: string, read: () => AsyncGenerator<IngestResult>): AsyncGenerator<IngestResult> {
  try {
    yield* read();
  } catch (error) {
    yield failure(error, origin);
  }
}

function failure(error: unknown, origin: string): IngestResult {
  if (error instanceof InputError) return { ok: false, error };
  // A bug or a library crash on one input is reported on that input rather than ending the batch.
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, error: new InputError('ingest:failed', origin, `could not be read: ${reason}`) };
}
