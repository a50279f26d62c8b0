// The Store interface every backend (SQLite now, PostgreSQL later) implements, and the plain types it speaks.
import type {
  DateMention,
  Doc,
  DocMeta,
  EntityKind,
  NegotiationEvent,
  Quantity,
  Quote,
  RawDocument,
  Span,
  Stance,
} from '../doc/types.ts';
import type { StoreError } from './errors.ts';

/** What `putDocument` did with a document. */
export type PutStatus = 'inserted' | 'unchanged' | 'new-version';

export interface PutResult {
  status: PutStatus;
  /** Id of the stored version: the new one, or for `unchanged` the one already stored. */
  id: string;
  /** The identity that ties versions of one article together (see identity.ts). */
  identity: string;
  version: number;
  /** For `new-version`: the id of the version it supersedes; otherwise null. */
  supersedes: string | null;
}

/** A document of a batch that could not be stored; the rest of the batch is. */
export interface PutFailure {
  status: 'failed';
  id: string;
  error: StoreError;
}

export type BatchPutResult = PutResult | PutFailure;

/** One stored version of a document, without its text and facts. */
export interface DocumentSummary {
  id: string;
  identity: string;
  version: number;
  /** False once a later version of the same article has been stored. */
  current: boolean;
  supersedes: string | null;
  supersededBy: string | null;
  meta: DocMeta;
  /** The input it was read from (path, URL, "stdin", "feed#item"). */
  origin: string;
  /** ISO timestamp of when this version was stored. */
  ingestedAt: string;
  sentenceCount: number;
}

/**
 * A stored document: everything on the Doc except its tokens (cheap to recompute).
 * `raw.original` is null unless the store was opened with `keepOriginal`.
 * A date precision of null is read back as absent.
 */
export interface StoredDocument extends DocumentSummary, Omit<Doc, 'id' | 'meta' | 'raw' | 'tokens'> {
  raw: Omit<RawDocument, 'meta'>;
}

/** Filters shared by listings; dates compare against the ISO publication date (documents without one are left out when a date bound is given). */
export interface PublishedFilter {
  source?: string;
  /** Inclusive lower bound on `published`, ISO date. */
  since?: string;
  /** Inclusive upper bound on `published`, ISO date. */
  until?: string;
  /** Also include superseded versions (default: latest versions only). */
  includeSuperseded?: boolean;
}

export interface Page {
  limit?: number;
  offset?: number;
}

/** Listing order: newest publication first, undated last, then most recently stored first. */
export interface DocumentFilter extends PublishedFilter, Page {}

export interface SearchOptions extends PublishedFilter, Page {
  /** Markers put around matched words in `snippet`; default `**` on both sides. */
  mark?: { open: string; close: string };
}

/** One sentence that matches a search, best first. */
export interface SearchHit {
  documentId: string;
  version: number;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  file: string | null;
  sentence: { index: number; start: number; end: number; text: string };
  /** A window of the sentence with matches wrapped in the `mark` markers. */
  snippet: string;
  /** The matched words as spans of the document text. */
  highlights: Span[];
  /** Relevance (bm25); higher is better. */
  score: number;
}

export interface StoreStats {
  /** Documents counted once, at their latest version. */
  documents: number;
  /** Every stored version, superseded ones included. */
  versions: number;
  /** The counts below are over latest versions. */
  sentences: number;
  entities: number;
  mentions: number;
  quotes: number;
  quantities: number;
  stances: number;
  events: number;
  dates: number;
  bySource: { source: string | null; documents: number }[];
  published: { first: string | null; last: string | null };
  /** Size of the stored data in bytes. */
  sizeBytes: number;
  schemaVersion: number;
}

/** One entity across the latest versions of all documents, for `parley actors`. */
export interface EntitySummary {
  id: string;
  /** The name most documents use. */
  name: string;
  kind: EntityKind;
  /** The party most documents give it; null when none does. */
  party: string | null;
  roles: string[];
  aliases: string[];
  mentions: number;
  documents: string[];
}

export interface EntityFilter {
  kind?: EntityKind;
  party?: string;
  includeSuperseded?: boolean;
  limit?: number;
}

export interface FactByKind {
  stance: Stance;
  event: NegotiationEvent;
  quote: Quote;
  quantity: Quantity;
  date: DateMention;
}

export type FactKind = keyof FactByKind;

export const factKinds: readonly FactKind[] = ['stance', 'event', 'quote', 'quantity', 'date'];

/** A stored fact with the document it came from; its evidence points into that document's text. */
export interface StoredFact<K extends FactKind = FactKind> {
  /** `DOCUMENT-ID:KIND:ORDINAL`, stable for a stored version. */
  id: string;
  kind: K;
  documentId: string;
  published: string | null;
  source: string | null;
  fact: FactByKind[K];
}

export interface FactFilter extends PublishedFilter, Page {
  documentId?: string;
}

/**
 * A place to keep documents and their facts. Every write is all-or-nothing per
 * document: a crash or an error leaves only whole documents behind.
 */
export interface Store {
  /** Stores one document with its sentences, full-text rows and facts in one transaction. */
  putDocument(doc: Doc): Promise<PutResult>;
  /** Stores several documents in one transaction; a document that fails is reported and the others are kept. */
  putDocuments(docs: readonly Doc[]): Promise<BatchPutResult[]>;
  getDocument(id: string): Promise<StoredDocument | null>;
  /** Every stored version of the article `id` belongs to, oldest first. */
  listVersions(id: string): Promise<DocumentSummary[]>;
  listDocuments(filter?: DocumentFilter): Promise<DocumentSummary[]>;
  /** Ranked sentences matching plain words and "quoted phrases"; spelling variants match each other. */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  listEntities(filter?: EntityFilter): Promise<EntitySummary[]>;
  listFacts<K extends FactKind>(kind: K, filter?: FactFilter): Promise<StoredFact<K>[]>;
  close(): Promise<void>;
}
