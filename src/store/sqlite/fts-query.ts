// Turns parsed search terms into an FTS5 MATCH expression in which every term is a quoted string, so user input is never FTS5 syntax.
import type { SearchTerm } from '../search-query.ts';

/** `"word" "two words"`: implicit AND of quoted strings; FTS5 tokenises inside each, so a phrase stays a phrase. */
export function toFtsMatch(terms: readonly SearchTerm[]): string {
  return terms.map((term) => `"${term.text.replace(/"/g, '""')}"`).join(' ');
}
