// Checks a Doc before it is stored: every span must point into its text, so stored evidence is always traceable.
import type { Doc, Span } from '../doc/types.ts';
import { StoreError } from './errors.ts';

/** How a document is named in error messages: the input it came from, else its URL, file or id. */
export function documentName(doc: Doc): string {
  return doc.raw?.origin || doc.meta.url || doc.meta.file || doc.id;
}

function checkRange(doc: Doc, where: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || start > end) {
    throw new StoreError('store:invalid-doc', `${documentName(doc)}: ${where} ${start}..${end} lies outside the text (length ${doc.text.length})`);
  }
}

function checkSpan(doc: Doc, where: string, span: Span): void {
  checkRange(doc, where, span.start, span.end);
  if (doc.text.slice(span.start, span.end) !== span.text) {
    throw new StoreError('store:invalid-doc', `${documentName(doc)}: ${where} ${span.start}..${span.end} does not match the text it points into`);
  }
}

/** Throws a `store:invalid-doc` StoreError naming the first span that does not satisfy the offset invariant. */
export function validateDoc(doc: Doc): void {
  if (typeof doc.id !== 'string' || doc.id === '') {
    throw new StoreError('store:invalid-doc', `${documentName(doc)}: the document has no id`);
  }
  if (typeof doc.text !== 'string') {
    throw new StoreError('store:invalid-doc', `${documentName(doc)}: the document has no cleaned text`);
  }
  doc.sentences.forEach((sentence, i) => checkRange(doc, `sentence ${i}`, sentence.start, sentence.end));
  doc.headings.forEach((heading, i) => checkSpan(doc, `heading ${i}`, heading));
  for (const entity of doc.entities) {
    entity.mentions.forEach((mention, i) => checkSpan(doc, `mention ${i} of ${entity.id}`, mention));
  }
  doc.dates.forEach((date, i) => checkSpan(doc, `date ${i}`, date.span));
  doc.quotes.forEach((quote, i) => checkSpan(doc, `evidence of quote ${i}`, quote.evidence));
  doc.quantities.forEach((quantity, i) => checkSpan(doc, `evidence of quantity ${i}`, quantity.evidence));
  doc.stances.forEach((stance, i) => checkSpan(doc, `evidence of stance ${i}`, stance.evidence));
  doc.events.forEach((event, i) => checkSpan(doc, `evidence of event ${i}`, event.evidence));
}
