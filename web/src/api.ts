// Talks to the Parley JSON API (the page reads nothing else): typed fetches, cached per URL, and the shapes the page relies on.
import { useEffect, useState } from 'preact/hooks';
import type { Contradiction, DocMeta, DocumentEvidence, DocumentRef, Heading, MergedEvent, MergedStance, Span, StanceAct } from '../../src/doc/types.ts';

import type {
  Brief,
  ChangesReport,
  ContradictionsReport,
  PositionsCell,
  PositionsReport,
  StorySummary,
  TimelineEvent,
  TimelineReport,
} from '../../src/report/types.ts';

export type { Contradiction, DocumentRef, DocumentEvidence, MergedEvent, MergedStance, Span, StanceAct };
export type { Brief, ChangesReport, ContradictionsReport, PositionsCell, PositionsReport, StorySummary, TimelineEvent, TimelineReport };

/** `/api/facts/{id}`: a fact, the documents that report it and each report's evidence with its sentence. */
export interface FactAnswer {
  fact: { id: string; kind: string };
  documents: DocumentRef[];
  evidence: (DocumentEvidence & { sentence: Span | null })[];
}

export interface ApiErrorBody {
  error: { status: number; code: string; message: string; parameter?: string };
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface DocumentSummary {
  id: string;
  version: number;
  meta: DocMeta;
  origin: string;
  ingestedAt: string;
  sentenceCount: number;
}

export interface DocumentView {
  id: string;
  meta: DocMeta;
  origin: string;
  text: string;
  headings: Heading[];
  sentences: { index: number; start: number; end: number; text: string }[];
}

export interface SearchHit {
  documentId: string;
  title: string | null;
  source: string | null;
  published: string | null;
  sentence: { index: number; start: number; end: number; text: string };
  highlights: Span[];
  score: number;
}

export interface Actor {
  id: string;
  name: string;
  kind: 'person' | 'organization' | 'place' | 'country' | 'group';
  party: string | null;
  roles: string[];
  aliases: string[];
  mentions: number;
  documents: string[];
}

export interface Stats {
  documents: number;
  bySource: { source: string | null; documents: number }[];
  published: { first: string | null; last: string | null };
}

const cache = new Map<string, Promise<unknown>>();

/** GETs `path` as JSON once per page load: the store changes only by ingest, and a reload picks that up. */
export function getJson<T>(path: string): Promise<T> {
  let pending = cache.get(path);
  if (!pending) {
    pending = fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' }).then(async (response) => {
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        cache.delete(path);
        const message = (body as ApiErrorBody | null)?.error?.message ?? `${response.status} ${response.statusText}`;
        throw new ApiRequestError(response.status, message);
      }
      return body;
    });
    cache.set(path, pending);
  }
  return pending as Promise<T>;
}

/** A path with query parameters, leaving out the empty ones. */
export function apiPath(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/** The JSON at `path` (null: nothing to load), reloaded when the path changes; stale answers are dropped. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: path !== null });
  useEffect(() => {
    if (path === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let current = true;
    setState((previous) => ({ data: previous.data, error: null, loading: true }));
    getJson<T>(path).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error: error instanceof Error ? error.message : String(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [path]);
  return state;
}

/** Issue ids → the taxonomy's labels, as the matrix report gives them (empty until loaded). */
export function useIssueLabels(): ReadonlyMap<string, string> {
  const { data } = useApi<PositionsReport>('/api/positions');
  return new Map((data?.issues ?? []).map((issue) => [issue.id, issue.label]));
}
