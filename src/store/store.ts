// The Store interface every backend (SQLite now, PostgreSQL later) implements, and the plain types it speaks.
import type {
  ContradictionKind,
  DateMention,
  Doc,
  DocMeta,
  DocumentEvidence,
  DocumentRef,
  EntityKind,
  MergedEvent,
  NegotiationEvent,
  Quantity,
  Quote,
  RawDocument,
  Span,
  Stance,
  StanceAct,
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
export interface DocumentFilter extends PublishedFilter, Page {
  /** Only documents reconcile put in this story. */
  story?: string;
}

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

// ── What src/reconcile keeps across documents: sketches, source groups, stories, merged facts, contradictions. ──

/** A document's MinHash sketch over word shingles of its cleaned text, with its LSH band keys. */
export interface DocumentSketch {
  /** How many distinct shingles the text has (to estimate containment from the Jaccard estimate). */
  shingles: number;
  signature: Uint32Array;
  /** One key per LSH band; documents sharing a key are candidate near-duplicates. */
  bandKeys: readonly number[];
}

/** A stored document that shares at least one band key with a new document. */
export interface SketchCandidate {
  documentId: string;
  /** How many of the asked band keys it shares. */
  sharedBands: number;
  shingles: number;
  signature: Uint32Array;
  sourceGroup: string;
  story: string | null;
}

/** Where reconcile put a document: its source group and story. */
export interface ReconcileState {
  documentId: string;
  /** Id of the document that founded the group of copies and rewrites this one belongs to. */
  sourceGroup: string;
  story: string | null;
  reconciledAt: string;
}

/** A story as reconcile writes it; the store keeps document counts and first/last seen itself. */
export interface StoryRow {
  id: string;
  label: string;
  parties: string[];
  issues: string[];
  places: string[];
  /** Feature weights (e.g. `party:Russia`, `place:moscow`, `issue:territory`) summed over its documents. */
  profile: Record<string, number>;
}

export interface StoryRecord extends StoryRow {
  documentCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export type MergedKind = 'event' | 'stance' | 'quantity' | 'quote';

export const mergedKinds: readonly MergedKind[] = ['event', 'stance', 'quantity', 'quote'];

/** The attributes a merged event carries, as the data model defines them. */
export type MergedEventAttributes = Pick<MergedEvent, 'type' | 'status' | 'parties' | 'participants' | 'place' | 'date' | 'duration' | 'outcome'> & {
  /** A report states the place in its own sentence (rather than the article implying it, or a plan naming it). Absent from events stored before Parley kept it. */
  placeStated?: boolean;
  /** Reported as held, but only at vague times ("last week", "in March"): no report gives the day. Absent from events stored before Parley kept it. */
  heldVaguely?: boolean;
};

export interface MergedStanceAttributes {
  party: string;
  issue: string;
  act: StanceAct;
  actors: string[];
  summary: string;
  confidence: number;
}

export interface MergedQuantityAttributes {
  value: number;
  unit: string | null;
  about: string | null;
  /** What is counted, when the text says (e.g. "killed", "killed or injured"). */
  measure: string | null;
}

export interface MergedQuoteAttributes {
  speaker: string | null;
  speakerName: string | null;
  text: string;
}

export interface MergedAttributesByKind {
  event: MergedEventAttributes;
  stance: MergedStanceAttributes;
  quantity: MergedQuantityAttributes;
  quote: MergedQuoteAttributes;
}

/** A merged fact as reconcile writes it: attributes derived from its member reports. */
export interface MergedFactRow<K extends MergedKind = MergedKind> {
  id: string;
  kind: K;
  story: string | null;
  /** What candidates are looked up by (events: their type group; stances: party|issue|act; quantities: unit|value; quotes: normalised text). */
  key: string;
  /** Dates the fact may cover, for finding candidates (ISO dates, inclusive). */
  windowStart: string | null;
  windowEnd: string | null;
  /** The date the fact is about (an event's start), for timelines; null when unknown. */
  date: string | null;
  attributes: MergedAttributesByKind[K];
  /** Counts of what the member reports said (e.g. places, dates), so a new report updates the fact without rereading the others. */
  tallies: Tallies;
  /** Terms the fact can be looked up by with its window (events: their type group with each party and detail); replaced on every write when given. */
  terms?: readonly string[];
}

/** Named counters: `tallies.place.Moscow === 2` means two reports give Moscow. */
export type Tallies = Record<string, Record<string, number>>;

/** A stored merged fact with what the store counts over its members. */
export interface MergedFactRecord<K extends MergedKind = MergedKind> extends MergedFactRow<K> {
  documentCount: number;
  /** Distinct source groups among its documents. */
  independentSources: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** When the earliest of its documents was stored (ISO timestamp). */
  firstIngested: string | null;
}

/** One document's report of a merged fact. */
export interface MemberReport<K extends MergedKind = MergedKind> extends StoredFact<K> {
  ordinal: number;
  ingestedAt: string;
  sourceGroup: string;
  story: string | null;
  document: DocumentRef;
}

export interface MergedFactWithMembers<K extends MergedKind = MergedKind> extends MergedFactRecord<K> {
  members: MemberReport<K>[];
}

/** Finds merged facts for reconcile; every given condition must hold. */
export interface MergedFactQuery {
  ids?: readonly string[];
  keys?: readonly string[];
  keyPrefix?: string;
  /** Facts of this story; null for facts of documents in no story. */
  story?: string | null;
  /** Facts whose window overlaps [windowFrom, windowTo]. */
  windowFrom?: string;
  windowTo?: string;
  /** Facts whose window starts on or after this day (bounds the index scan when windows are short). */
  startsAfter?: string;
  /** Facts written with at least one of these terms (see MergedFactRow.terms). */
  terms?: readonly string[];
  /**
   * With `terms`, bounds the lookup on a large store: under each term only the `perTerm` facts whose
   * window starts nearest `day` on either side (among those passing the window conditions) are read,
   * and of these the `limit` found under the most terms, then nearest `day`, are returned.
   */
  nearest?: { day: string; perTerm: number; limit: number };
  /** Facts with a member report from this document. */
  document?: string;
}

/** Lists merged facts for reports. Dates bound `lastSeen >= since` and `firstSeen <= until`. */
export interface MergedFactFilter extends Page {
  story?: string;
  since?: string;
  until?: string;
  /** Only facts first stored after this ISO timestamp. */
  ingestedAfter?: string;
  /** Only facts first reported on or after this day. */
  firstSeenSince?: string;
  keys?: readonly string[];
  /** Only facts with at least this many independent sources. */
  minSources?: number;
  /** Only facts with a date (events whose date is known). */
  dated?: boolean;
  /** `date`: by fact date (undated last), then first seen; `latest-date`: latest fact date first (undated last); `sources`: most independent sources first; `recent`: latest seen first. */
  order?: 'date' | 'latest-date' | 'sources' | 'recent';
}

export interface MemberOptions {
  /** At most this many members per fact, the earliest published first. */
  perFact?: number;
  /** Only members from documents published in [from, to] (ISO dates, inclusive). */
  from?: string;
  to?: string;
  /** Latest published first (and `perFact` keeps the latest). */
  latestFirst?: boolean;
}

export interface ContradictionSide {
  claim: string;
  evidence: DocumentEvidence[];
}

/** A contradiction as reconcile writes it; `subject` names what it is about so it is updated, not duplicated. */
export interface ContradictionRow {
  id: string;
  subject: string;
  kind: ContradictionKind;
  about: string;
  story: string | null;
  sides: ContradictionSide[];
}

export interface ContradictionRecord extends ContradictionRow {
  sides: (ContradictionSide & { documents: DocumentRef[] })[];
  /** When both sides were first on record: the latest of the sides' earliest publication dates. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** The same, by time stored. */
  firstIngested: string | null;
}

export interface ContradictionQuery {
  subjects?: readonly string[];
  /** Contradictions citing this document. */
  document?: string;
}

export interface ContradictionFilter extends Page {
  story?: string;
  since?: string;
  until?: string;
  ingestedAfter?: string;
}

/** Everything reconcile decided about one document, written in one transaction. */
export interface ReconcileUpdate {
  documentId: string;
  sourceGroup: string;
  story: string | null;
  sketch: DocumentSketch | null;
  /**
   * The document was superseded by a new version: drop its memberships and take it out of its
   * story (its sketch stays). `facts` then carry the affected facts recomputed without it.
   */
  detach?: boolean;
  /** Stories to create or update (the document's own story among them when it changed). */
  stories: readonly StoryRow[];
  /** Features under which each written story can be found again. */
  storyFeatures: readonly { story: string; features: readonly string[] }[];
  facts: readonly MergedFactRow[];
  /** Member reports to attach, by stored fact id (`DOCUMENT-ID:KIND:ORDINAL`). */
  members: readonly { merged: string; fact: string }[];
  contradictions: readonly ContradictionRow[];
  /** Subjects of contradictions that no longer hold. */
  resolved: readonly string[];
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
  /**
   * A token that changes whenever what the reports read changes (a document stored or superseded, a
   * document reconciled, a brief recorded); the same token means the same content. Cheap: for ETags.
   */
  revision(): Promise<string>;
  listEntities(filter?: EntityFilter): Promise<EntitySummary[]>;
  listFacts<K extends FactKind>(kind: K, filter?: FactFilter): Promise<StoredFact<K>[]>;

  /** Where reconcile put a document, or null when it has not been reconciled. */
  getReconcileState(documentId: string): Promise<ReconcileState | null>;
  /** Ids of current documents not yet reconciled, in the order they were stored. */
  listUnreconciled(page?: Page): Promise<string[]>;
  /**
   * Stored documents sharing at least one LSH band key with `bandKeys`: those sharing the most
   * keys first, then the most recently stored, at most `limit` (default all).
   */
  findSketchCandidates(bandKeys: readonly number[], options?: { limit?: number }): Promise<SketchCandidate[]>;
  /** Stories found under any of `features` whose coverage reaches into [from, to] (undated stories always qualify). */
  findStoryCandidates(features: readonly string[], window?: { from?: string; to?: string }): Promise<StoryRecord[]>;
  getStory(id: string): Promise<StoryRecord | null>;
  /** Stories, most documents first; with dates, only stories with documents published in the window, counted there. */
  listStories(filter?: { since?: string; until?: string; limit?: number }): Promise<StoryRecord[]>;
  /**
   * Merged facts matching a reconcile lookup (without their members: see listMembers). Each record's tallies
   * are the caller's own to change (reconcile counts a report into them); its attributes may be shared, frozen.
   */
  findMergedFacts<K extends MergedKind>(kind: K, query: MergedFactQuery): Promise<MergedFactRecord<K>[]>;
  listMergedFacts<K extends MergedKind>(kind: K, filter?: MergedFactFilter): Promise<MergedFactRecord<K>[]>;
  /** Member reports of the given merged facts, earliest published first, at most `perFact` each (default all). */
  listMembers<K extends MergedKind>(kind: K, ids: readonly string[], options?: MemberOptions): Promise<Map<string, MemberReport<K>[]>>;
  /** One merged fact of any kind, with all its members. */
  getMergedFact(id: string): Promise<MergedFactWithMembers | null>;
  findContradictions(query: ContradictionQuery): Promise<ContradictionRecord[]>;
  /** Contradictions, the most recently disputed first. */
  listContradictions(filter?: ContradictionFilter): Promise<ContradictionRecord[]>;
  getContradiction(id: string): Promise<ContradictionRecord | null>;
  /** Writes what reconcile decided about one document, all or nothing. */
  applyReconcile(update: ReconcileUpdate): Promise<void>;
  /**
   * Runs `work` with all its writes committed together, for bulk ingest where a commit per document
   * costs more than the document's writes. Each write inside stays all-or-nothing on its own (a
   * document that fails rolls back alone) and later reads in `work` see earlier writes; other readers
   * see the batch when it is committed. When `work` throws, what it wrote so far is still committed.
   * Batches do not nest, and nothing else may use the store while one runs.
   */
  inBatch<T>(work: () => Promise<T>): Promise<T>;
  /** When the last brief was made (ISO timestamp), or null. */
  getLastBriefAt(): Promise<string | null>;
  recordBrief(at: string): Promise<void>;

  close(): Promise<void>;
}
