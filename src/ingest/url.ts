// Fetches an http(s) URL bounded in time and size, and turns network failures into coded, one-line errors.
import { InputError } from '../doc/errors.ts';
import { readBounded, tooLargeError } from './byte-limit.ts';
import type { ReaderOptions } from './types.ts';

export interface FetchedBody {
  bytes: Uint8Array;
  contentType: string | null;
  /** The address after redirects. */
  finalUrl: string;
}

const requestHeaders = {
  'user-agent': 'Parley/0.1 (news ingest)',
  accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, application/json;q=0.9, text/plain;q=0.8, */*;q=0.5',
};

/** Socket-level failure codes (Node and undici) that mean the server could not be reached. */
const unreachableReasons: Record<string, string> = {
  ENOTFOUND: 'host not found (DNS lookup failed)',
  EAI_AGAIN: 'host not found (DNS lookup failed, temporarily)',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'the server closed the connection',
};

/** Whether `input` names an http(s) resource rather than a path. */
export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** The body of `url`, following redirects; `origin` names the input in errors (a feed item fetching its link passes its own). */
export async function fetchUrl(url: string, options: ReaderOptions, origin: string = url): Promise<FetchedBody> {
  try {
    new URL(url);
  } catch {
    throw new InputError('ingest:invalid-url', origin, `not a valid URL: ${url}`);
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    let response: Response;
    try {
      response = await options.fetch(url, { redirect: 'follow', signal: controller.signal, headers: requestHeaders });
    } catch (error) {
      throw networkError(error, origin, { timedOut, timeoutMs: options.timeoutMs });
    }
    if (response.status >= 400) {
      controller.abort();
      throw new InputError('ingest:http-status', origin, `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declaredLength > options.maxBytes) {
      controller.abort();
      throw tooLargeError(origin, options.maxBytes, `the server declared ${declaredLength} bytes`);
    }
    let bytes: Uint8Array;
    try {
      bytes = response.body === null ? new Uint8Array(0) : await readBounded(response.body, options.maxBytes, origin, () => controller.abort());
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw networkError(error, origin, { timedOut, timeoutMs: options.timeoutMs });
    }
    return { bytes, contentType: response.headers.get('content-type'), finalUrl: response.url || url };
  } finally {
    clearTimeout(timer);
  }
}

function networkError(error: unknown, origin: string, context: { timedOut: boolean; timeoutMs: number }): InputError {
  if (context.timedOut) return new InputError('ingest:timeout', origin, `no complete answer within ${context.timeoutMs} ms`);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  if (code && unreachableReasons[code]) return new InputError('ingest:unreachable', origin, unreachableReasons[code]);
  if (code && /CERT|SSL|TLS/i.test(code)) return new InputError('ingest:unreachable', origin, `TLS failure (${code})`);
  const reason = cause?.message ?? (error as Error).message ?? String(error);
  return new InputError('ingest:unreachable', origin, `the request failed: ${reason}`);
}
