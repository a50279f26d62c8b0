// The data model of Parley: every stage reads and writes these plain-data types.
// Offsets are half-open UTF-16 code-unit offsets into `Doc.text` (the cleaned text):
// `doc.text.slice(span.start, span.end) === span.text` always holds.

/** A stretch of the cleaned text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Where a fact came from: a span of the cleaned text (usually one sentence). */
export type Evidence = Span;

/** A problem or note about one input, carried on the document (vfile-style); only the CLI prints. */
export interface Message {
  /** Stable code, e.g. `ingest:empty`, `text:encoding`. */
  rule: string;
  reason: string;
  /** Where in the cleaned text (or source, for ingest problems) it applies; absent for whole-document messages. */
  place?: { start: number; end: number };
  severity: 'info' | 'warning' | 'error';
}

/** Formats a raw document's content can be in once decoded. */
export type ContentFormat = 'text' | 'markdown' | 'html';

/** How the document reached Parley. */
export type SourceKind = 'file' | 'url' | 'stdin' | 'feed-item' | 'json-record';

/** Publication metadata, from the document itself, a feed, a manifest or flags. */
export interface DocMeta {
  title: string | null;
  byline: string | null;
  /** Outlet or site, e.g. "cgtn.com". */
  source: string | null;
  url: string | null;
  /** ISO date (YYYY-MM-DD) of publication, or null when unknown. */
  published: string | null;
  /** File name the document was read from (null for URLs and feed items). */
  file: string | null;
  language: string | null;
}

/**
 * One article as read from an input, before cleaning. `content` is decoded text
 * (for HTML inputs: the main-article text already extracted from the page, with the
 * page itself kept in `original`).
 */
export interface RawDocument {
  /** Human-readable name of the input, used in every message: a path, URL or "stdin", with "#item" for feed/JSON items. */
  origin: string;
  kind: SourceKind;
  format: ContentFormat;
  content: string;
  /** The bytes-as-text the content was derived from when it differs (HTML page, feed XML item). */
  original: string | null;
  meta: DocMeta;
  messages: Message[];
}

/** Maps a run of cleaned text back to the source `content`: text[textStart..textStart+length) came from content[sourceStart..). Generated text has sourceStart null. */
export interface SourceSegment {
  textStart: number;
  sourceStart: number | null;
  length: number;
}

/** Text removed by cleaning, with its place in the source content. */
export interface RemovedText {
  kind: 'byline' | 'reference-footer' | 'appended-headlines' | 'share-widget' | 'photo-caption' | 'emoji' | 'markup';
  sourceStart: number;
  sourceEnd: number;
  text: string;
}

/** A section heading kept as structure, not as a sentence. */
export interface Heading {
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  start: number;
  end: number;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol' | 'quote';

export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
}

export type EntityKind = 'person' | 'organization' | 'place' | 'country' | 'group';

export interface Entity {
  /** Stable id, e.g. `person:vladimir-putin`, `country:russia`. */
  id: string;
  name: string;
  kind: EntityKind;
  /** The negotiating party this entity belongs to or stands for, by its PRODUCT.md name; null for analysts and neutral bodies. */
  party: string | null;
  roles: string[];
  aliases: string[];
  mentions: Span[];
}

export interface DateValue {
  /** ISO date, inclusive; null when the expression could not be resolved. */
  start: string | null;
  end: string | null;
  text: string;
  precision?: 'day' | 'week' | 'month' | 'year' | 'range' | null;
}

export type StanceAct = 'demand' | 'propose' | 'accept' | 'reject' | 'support' | 'oppose';

export interface Stance {
  party: string;
  /** Entity id of the acting person, if any. */
  actor: string | null;
  issue: string;
  act: StanceAct;
  summary: string;
  evidence: Evidence;
  confidence: number;
  negated?: boolean;
  hedged?: boolean;
}

export type EventType = 'meeting' | 'talks' | 'call' | 'visit' | 'summit' | 'statement' | 'proposal' | 'agreement' | 'ceasefire';
export type EventStatus = 'planned' | 'happened' | 'cancelled';

export interface NegotiationEvent {
  type: EventType;
  status: EventStatus;
  parties: string[];
  participants: string[];
  place: string | null;
  date: DateValue | null;
  /** ISO 8601 duration, e.g. PT5H. */
  duration: string | null;
  outcome: string | null;
  evidence: Evidence;
  /** The PLOVER event type and mode this event maps to (absent for statements, which PLOVER does not code). */
  plover?: { type: string; mode: string | null };
}

/** A named plan or proposal on the table ("the 28-point plan"), as one document reports it. */
export interface Plan {
  /** Stable within the document, e.g. `plan:28-point`. */
  id: string;
  /** As the text names it, e.g. "28-point plan". */
  name: string;
  /** The party that drew it up or put it forward, when the text says. */
  author: string | null;
  /** How many points it has, when the text says. */
  pointCount: number | null;
  /** Sentences that report a version, rewrite or revision of it. */
  versions: Evidence[];
  /** Sentences that name what one of its points says. */
  points: Evidence[];
  mentions: Span[];
  /** The sentence that first names it. */
  evidence: Evidence;
}

export interface Quote {
  /** Entity id of the speaker, or null when unattributed. */
  speaker: string | null;
  speakerName: string | null;
  text: string;
  evidence: Evidence;
}

export interface Quantity {
  value: number;
  unit: string | null;
  about: string | null;
  text: string;
  evidence: Evidence;
  /** Where `text` is in the cleaned text. */
  span?: Span;
}

/** A resolved date expression found in the text. */
export interface DateMention extends DateValue {
  span: Span;
}

/**
 * The document every stage passes along. Ingest fills `raw`/`meta`, text fills
 * `text`…`tokens`, each extraction stage fills its own list.
 */
export interface Doc {
  /** Content hash of the cleaned text plus url/file identity (see text/doc-id.ts). */
  id: string;
  raw: RawDocument;
  meta: DocMeta;
  text: string;
  sourceMap: SourceSegment[];
  removed: RemovedText[];
  headings: Heading[];
  sentences: Sentence[];
  tokens: Token[];
  messages: Message[];
  entities: Entity[];
  dates: DateMention[];
  quotes: Quote[];
  quantities: Quantity[];
  stances: Stance[];
  events: NegotiationEvent[];
  /** Named plans and proposals, filled by the events stage. */
  plans?: Plan[];
}

// ── Across documents (src/reconcile): what many articles say, merged, with their sources. ──

/** A document as cited by a merged fact or a brief. */
export interface DocumentRef {
  id: string;
  file: string | null;
  url: string | null;
  source: string | null;
  title: string | null;
  published: string | null;
}

/** A span of one stored document's text that supports a merged fact. */
export interface DocumentEvidence extends Evidence {
  documentId: string;
}

/** Articles grouped into the negotiation they cover. */
export interface Story {
  id: string;
  /** A short label built from its main parties and places, e.g. "Russia – Ukraine – United States". */
  label: string;
  parties: string[];
  issues: string[];
  documents: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}

/** What every merged fact carries: where it was reported and how independently. */
export interface MergedFactBase {
  id: string;
  documents: DocumentRef[];
  /** Distinct source groups behind the fact (a rewrite of the same wire story is not a second source). */
  independentSources: number;
  firstSeen: string | null;
  lastSeen: string | null;
  evidence: DocumentEvidence[];
}

export interface MergedEvent extends MergedFactBase {
  type: EventType;
  status: EventStatus;
  parties: string[];
  participants: string[];
  place: string | null;
  date: { start: string | null; end: string | null } | null;
  duration: string | null;
  outcome: string | null;
}

export interface MergedStance extends MergedFactBase {
  party: string;
  issue: string;
  act: StanceAct;
  actors: string[];
  summary: string;
}

/** One cell of the issue × party matrix. */
export interface PositionCell {
  issue: string;
  party: string;
  /** The act of the most recent stance. */
  latestAct: StanceAct;
  /** 'new' when first seen in the window, 'shifted' when the act changed over time, else 'steady'. */
  trend: 'new' | 'steady' | 'shifted';
  /** 0..1 from source count and agreement of acts. */
  confidence: number;
  independentSources: number;
  documents: number;
  /** Ids of the merged stances behind the cell, newest first. */
  stances: string[];
}

export type ContradictionKind = 'number' | 'date' | 'place' | 'role' | 'opposite-acts';

/** Two (or more) sources that disagree, each side with its evidence. */
export interface Contradiction {
  id: string;
  kind: ContradictionKind;
  /** What the disagreement is about, e.g. "civilians killed", "talks in Moscow: date". */
  about: string;
  sides: { claim: string; evidence: DocumentEvidence[]; documents: DocumentRef[] }[];
}
