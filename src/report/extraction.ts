// Renders Docs as the extraction contract of EVALUATION.md (`parley extract --format json`).
import type { Doc, Entity, NegotiationEvent, Quantity, Quote, Stance, DateMention, Heading, Message } from '../doc/types.ts';

export interface ContractDocument {
  id: string;
  file: string | null;
  url: string | null;
  title: string | null;
  source: string | null;
  byline: string | null;
  published: string | null;
  language: string | null;
  text: string;
  headings: Heading[];
  entities: Entity[];
  stances: Stance[];
  events: NegotiationEvent[];
  quotes: Quote[];
  quantities: Quantity[];
  dates: DateMention[];
  messages: Message[];
}

export interface ContractOutput {
  documents: ContractDocument[];
  errors: { input: string; code: string; reason: string }[];
}

/** One document of the contract: metadata, cleaned text and every extracted fact with evidence into that text. */
export function toContractDocument(doc: Doc): ContractDocument {
  return {
    id: doc.id,
    file: doc.meta.file,
    url: doc.meta.url,
    title: doc.meta.title,
    source: doc.meta.source,
    byline: doc.meta.byline,
    published: doc.meta.published,
    language: doc.meta.language,
    text: doc.text,
    headings: doc.headings,
    entities: doc.entities,
    stances: doc.stances,
    events: doc.events,
    quotes: doc.quotes,
    quantities: doc.quantities,
    dates: doc.dates,
    messages: doc.messages,
  };
}
