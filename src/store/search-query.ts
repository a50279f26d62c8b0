// Reads what a user types into a search box — plain words and "quoted phrases" — into terms every backend can quote safely.
import { StoreError } from './errors.ts';
import { normaliseSpelling } from './spelling.ts';

/** A word or phrase that must occur in a matching sentence, spelling already folded. */
export interface SearchTerm {
  text: string;
  phrase: boolean;
}

const quoteChars = new Set(['"', '“', '”', '„']);
const hasWordCharacter = /[\p{L}\p{N}]/u;

/**
 * The terms of `query`: each whitespace-separated word, and each run in double quotes
 * (straight or curly; an unclosed quote runs to the end) as one phrase. Everything is
 * literal: no operators reach the search engine. Terms with no letter or digit are
 * dropped; a query left with none is a `store:empty-query` error.
 */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i];
    if (/\s/.test(char)) {
      i++;
    } else if (quoteChars.has(char)) {
      let end = i + 1;
      while (end < query.length && !quoteChars.has(query[end])) end++;
      terms.push({ text: query.slice(i + 1, end).trim().replace(/\s+/g, ' '), phrase: true });
      i = end + 1;
    } else {
      let end = i;
      while (end < query.length && !/\s/.test(query[end]) && !quoteChars.has(query[end])) end++;
      terms.push({ text: query.slice(i, end), phrase: false });
      i = end;
    }
  }
  const kept = terms
    .filter((term) => hasWordCharacter.test(term.text))
    .map((term) => ({ ...term, text: normaliseSpelling(term.text) }));
  if (kept.length === 0) {
    throw new StoreError('store:empty-query', 'the search query is empty: type one or more words, or a "quoted phrase"');
  }
  return kept;
}
