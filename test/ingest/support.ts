// Shared test helpers for ingest: temporary folders, draining result streams and local HTTP servers on 127.0.0.1.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import type { InputError } from '../../src/doc/errors.ts';
import type { RawDocument } from '../../src/doc/types.ts';
import { readInputs, type IngestOptions, type IngestResult } from '../../src/ingest/index.ts';

export interface TempFolder {
  path: string;
  /** Writes `content` at `name` (a relative path; folders are created) and returns the full path. */
  write(name: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function makeTempFolder(): Promise<TempFolder> {
  const path = await mkdtemp(join(tmpdir(), 'parley-ingest-'));
  return {
    path,
    async write(name, content) {
      const file = join(path, name);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

export async function readAll(inputs: string[], options?: IngestOptions): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for await (const result of readInputs(inputs, options)) results.push(result);
  return results;
}

/** The single document read from `inputs`; fails the test if there is anything else. */
export async function readOneDocument(inputs: string[], options?: IngestOptions): Promise<RawDocument> {
  const results = await readAll(inputs, options);
  assert.equal(results.length, 1, `expected one result, got ${results.length}`);
  const [result] = results;
  if (!result.ok) assert.fail(`expected a document, got ${result.error.toLine()}`);
  return result.doc;
}

/** The single error read from `inputs`, checked to carry `code` and to name `input` in its line. */
export async function readOneError(inputs: string[], code: string, input: string, options?: IngestOptions): Promise<InputError> {
  const results = await readAll(inputs, options);
  assert.equal(results.length, 1, `expected one result, got ${results.length}`);
  const [result] = results;
  if (result.ok) assert.fail(`expected ${code}, got a document from ${result.doc.origin}`);
  assertInputError(result.error, code, input);
  return result.error;
}

export function assertInputError(error: InputError, code: string, input: string): void {
  assert.equal(error.code, code, error.toLine());
  assert.equal(error.input, input);
  assert.ok(error.toLine().startsWith(`${input}: `), error.toLine());
  assert.ok(error.message.length > 0);
}

export interface LocalServer {
  /** `http://127.0.0.1:PORT` + `path`. */
  url(path: string): string;
  close(): Promise<void>;
}

/** An HTTP server bound to 127.0.0.1 only, on a free port. */
export async function startLocalServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<LocalServer> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (a server is bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
