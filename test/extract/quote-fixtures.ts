// Test helpers for the quote stage: Docs with hand-made entities, so quote tests do not depend on the entity stage.
import assert from 'node:assert/strict';
import type { Doc, Entity, EntityKind, Quote, Span } from '../../src/doc/types.ts';
import { extractQuotes } from '../../src/extract/quotes.ts';
import { makeDoc } from './make-doc.ts';

export interface EntitySpec {
  id: string;
  name: string;
  kind?: EntityKind;
  party?: string | null;
  roles?: string[];
  /** Surface forms whose every whole-word occurrence in the text is a mention. */
  forms: string[];
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Every whole-word occurrence of `form` in `text`, found with indexOf. */
function occurrences(text: string, form: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + form.length])) spans.push({ start: at, end: at + form.length, text: form });
  }
  return spans;
}

/** A Doc of `text` whose entities are exactly `specs`; a longer form wins where two overlap ("Anna Berg" over "Berg"). */
export function docWithEntities(text: string, specs: EntitySpec[]): Doc {
  const doc = makeDoc(text);
  const claimed: Span[] = [];
  const forms = specs.flatMap((spec) => spec.forms.map((form) => ({ spec, form }))).sort((a, b) => b.form.length - a.form.length);
  const mentionsOf = new Map<EntitySpec, Span[]>(specs.map((spec) => [spec, []]));
  for (const { spec, form } of forms) {
    for (const span of occurrences(doc.text, form)) {
      if (claimed.some((taken) => taken.start < span.end && span.start < taken.end)) continue;
      claimed.push(span);
      mentionsOf.get(spec)?.push(span);
    }
  }
  doc.entities = specs.map(
    (spec): Entity => ({
      id: spec.id,
      name: spec.name,
      kind: spec.kind ?? 'person',
      party: spec.party ?? null,
      roles: spec.roles ?? [],
      aliases: [],
      mentions: (mentionsOf.get(spec) ?? []).sort((a, b) => a.start - b.start),
    }),
  );
  return doc;
}

/** Runs the quote stage and checks the offset invariant on every quote's evidence. */
export function quotesOf(doc: Doc): Quote[] {
  const quotes = extractQuotes(doc);
  for (const quote of quotes) {
    assert.equal(doc.text.slice(quote.evidence.start, quote.evidence.end), quote.evidence.text);
    assert.ok(quote.evidence.text.length > 0);
  }
  return quotes;
}

/** The quote whose text contains `phrase`; fails the test when there is none. */
export function quoteWith(quotes: Quote[], phrase: string): Quote {
  const quote = quotes.find((candidate) => candidate.text.includes(phrase));
  assert.ok(quote, `no quote contains ${JSON.stringify(phrase)}; found ${JSON.stringify(quotes.map((q) => q.text))}`);
  return quote;
}
