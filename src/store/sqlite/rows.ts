// Maps SQLite rows back to the model types: the inverse of document-writer.ts, column by column.
import type {
  ContentFormat,
  DateMention,
  DateValue,
  EntityKind,
  EventStatus,
  EventType,
  NegotiationEvent,
  Quantity,
  Quote,
  SourceKind,
  Stance,
  StanceAct,
} from '../../doc/types.ts';
import type { EntityRow } from '../entity-summary.ts';
import type { DocumentSummary } from '../store.ts';

type Precision = DateValue['precision'];

/** Columns of a document summary; `d` is the document, `p` the version it supersedes, `n` the one superseding it. */
export const summaryColumns = `
  d.seq, d.id, d.identity, d.version, d.is_current, p.id AS supersedes_id, n.id AS superseded_by_id,
  d.title, d.byline, d.source, d.url, d.file, d.published, d.language, d.origin, d.ingested_at, d.sentence_count`;

export const summaryFrom = `
  documents d
  LEFT JOIN documents p ON p.seq = d.supersedes
  LEFT JOIN documents n ON n.supersedes = d.seq`;

export interface SummaryRow {
  seq: number;
  id: string;
  identity: string;
  version: number;
  is_current: number;
  supersedes_id: string | null;
  superseded_by_id: string | null;
  title: string | null;
  byline: string | null;
  source: string | null;
  url: string | null;
  file: string | null;
  published: string | null;
  language: string | null;
  origin: string;
  ingested_at: string;
  sentence_count: number;
}

export function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    identity: row.identity,
    version: row.version,
    current: row.is_current === 1,
    supersedes: row.supersedes_id,
    supersededBy: row.superseded_by_id,
    meta: {
      title: row.title,
      byline: row.byline,
      source: row.source,
      url: row.url,
      file: row.file,
      published: row.published,
      language: row.language,
    },
    origin: row.origin,
    ingestedAt: row.ingested_at,
    sentenceCount: row.sentence_count,
  };
}

export interface BodyRow {
  source_kind: SourceKind;
  format: ContentFormat;
  content: string;
  original: string | null;
  text: string;
  source_map: string;
  removed: string;
  headings: string;
  messages: string;
  source_messages: string;
}

interface EvidenceRow {
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
}

function evidenceOf(row: EvidenceRow) {
  return { start: row.evidence_start, end: row.evidence_end, text: row.evidence_text };
}

/** A date value whose precision is left out when none was stored. */
function dateValue(text: string, start: string | null, end: string | null, precision: string | null): DateValue {
  const value: DateValue = { start, end, text };
  if (precision !== null) value.precision = precision as Precision;
  return value;
}

export interface StanceRow extends EvidenceRow {
  party: string;
  actor: string | null;
  issue: string;
  act: StanceAct;
  summary: string;
  confidence: number;
  negated: number | null;
  hedged: number | null;
}

export function toStance(row: StanceRow): Stance {
  const stance: Stance = {
    party: row.party,
    actor: row.actor,
    issue: row.issue,
    act: row.act,
    summary: row.summary,
    evidence: evidenceOf(row),
    confidence: row.confidence,
  };
  if (row.negated !== null) stance.negated = row.negated === 1;
  if (row.hedged !== null) stance.hedged = row.hedged === 1;
  return stance;
}

export interface EventRow extends EvidenceRow {
  type: EventType;
  status: EventStatus;
  parties: string;
  participants: string;
  place: string | null;
  date_text: string | null;
  date_start: string | null;
  date_end: string | null;
  date_precision: string | null;
  duration: string | null;
  outcome: string | null;
}

export function toEvent(row: EventRow): NegotiationEvent {
  return {
    type: row.type,
    status: row.status,
    parties: JSON.parse(row.parties) as string[],
    participants: JSON.parse(row.participants) as string[],
    place: row.place,
    date: row.date_text === null ? null : dateValue(row.date_text, row.date_start, row.date_end, row.date_precision),
    duration: row.duration,
    outcome: row.outcome,
    evidence: evidenceOf(row),
  };
}

export interface QuoteRow extends EvidenceRow {
  speaker: string | null;
  speaker_name: string | null;
  text: string;
}

export function toQuote(row: QuoteRow): Quote {
  return { speaker: row.speaker, speakerName: row.speaker_name, text: row.text, evidence: evidenceOf(row) };
}

export interface QuantityRow extends EvidenceRow {
  value: number;
  unit: string | null;
  about: string | null;
  text: string;
}

export function toQuantity(row: QuantityRow): Quantity {
  return { value: row.value, unit: row.unit, about: row.about, text: row.text, evidence: evidenceOf(row) };
}

export interface DateRow {
  text: string;
  date_start: string | null;
  date_end: string | null;
  precision: string | null;
  span_start: number;
  span_end: number;
  span_text: string;
}

export function toDateMention(row: DateRow): DateMention {
  return {
    ...dateValue(row.text, row.date_start, row.date_end, row.precision),
    span: { start: row.span_start, end: row.span_end, text: row.span_text },
  };
}

export interface StoredEntityRow {
  entity_id: string;
  name: string;
  kind: EntityKind;
  party: string | null;
  roles: string;
  aliases: string;
  mention_count: number;
  document_id: string;
}

export function toEntityRow(row: StoredEntityRow): EntityRow {
  return {
    entityId: row.entity_id,
    name: row.name,
    kind: row.kind,
    party: row.party,
    roles: JSON.parse(row.roles) as string[],
    aliases: JSON.parse(row.aliases) as string[],
    mentions: row.mention_count,
    documentId: row.document_id,
  };
}
