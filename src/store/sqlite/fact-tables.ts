// Which table holds each kind of fact and how its rows read back as model facts.
import type { FactByKind, FactKind } from '../store.ts';
import { toDateMention, toEvent, toQuantity, toQuote, toStance, type DateRow, type EventRow, type QuantityRow, type QuoteRow, type StanceRow } from './rows.ts';

export const factTables: { [K in FactKind]: { table: string; read: (row: never) => FactByKind[K] } } = {
  stance: { table: 'stances', read: (row: StanceRow) => toStance(row) },
  event: { table: 'events', read: (row: EventRow) => toEvent(row) },
  quote: { table: 'quotes', read: (row: QuoteRow) => toQuote(row) },
  quantity: { table: 'quantities', read: (row: QuantityRow) => toQuantity(row) },
  date: { table: 'dates', read: (row: DateRow) => toDateMention(row) },
};

/** The id of a stored fact: `DOCUMENT-ID:KIND:ORDINAL`. */
export function storedFactId(documentId: string, kind: FactKind, ordinal: number): string {
  return `${documentId}:${kind}:${ordinal}`;
}

/** The parts of a stored fact id, or null when it is not one. */
export function parseStoredFactId(id: string): { documentId: string; kind: FactKind; ordinal: number } | null {
  const match = /^(.+):(stance|event|quote|quantity|date):(\d+)$/.exec(id);
  if (!match) return null;
  return { documentId: match[1], kind: match[2] as FactKind, ordinal: Number(match[3]) };
}
