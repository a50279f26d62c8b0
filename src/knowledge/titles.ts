// Reads a role title from its words ("former deputy foreign minister") into a title record, a comparable key and its modifiers.
import type { ModifierKind, TitleKind, TitleRecord } from './types.ts';

/** What a title phrase says. */
export interface TitleReading {
  title: TitleRecord;
  kind: TitleKind;
  /** Comparable key: rank words, field words of a generic title, then the title ("deputy foreign minister", "energy minister"). */
  key: string;
  former: boolean;
  acting: boolean;
}

/** The lookups title reading needs (a subset of Knowledge). */
export interface TitleLexicon {
  titleByForm: ReadonlyMap<string, TitleRecord>;
  longestTitleForm: number;
  modifiers: ReadonlyMap<string, ModifierKind>;
  domains: ReadonlySet<string>;
}

// Titles whose field words matter to tell roles apart ("energy minister" is not "minister").
const GENERIC_TITLES = new Set(['minister', 'head', 'director', 'official', 'chairman', 'coordinator', 'deputy']);

/**
 * Reads `words` (token keys, lower-case, in order) as a title phrase. The title is the
 * longest known form in the words, preferring the one that ends last; rank modifiers
 * before it ("deputy") and, for generic titles, field words ("energy") go into the key.
 */
export function readTitle(lexicon: TitleLexicon, words: readonly string[]): TitleReading | null {
  let found: { start: number; end: number; title: TitleRecord } | null = null;
  for (let end = words.length; end > 0 && found === null; end--) {
    for (let start = Math.max(0, end - lexicon.longestTitleForm); start < end; start++) {
      const title = lexicon.titleByForm.get(words.slice(start, end).join(' '));
      if (title !== undefined) {
        found = { start, end, title };
        break;
      }
    }
  }
  if (found === null) return null;
  let former = false;
  let acting = false;
  const prefix: string[] = [];
  const generic = GENERIC_TITLES.has(found.title.title.toLowerCase());
  for (let i = 0; i < found.start; i++) {
    const word = words[i];
    const modifier = lexicon.modifiers.get(word);
    if (modifier === 'former') former = true;
    else if (modifier === 'acting') acting = true;
    else if (modifier === 'rank') prefix.push(word);
    else if (generic && lexicon.domains.has(word)) prefix.push(word);
  }
  const canonical = found.title.title.toLowerCase();
  const canonicalWords = canonical.split(/[\s-]+/);
  // A form with a rank its title lacks ("deputy chief of staff" of "Chief of Staff") keeps the rank in the key.
  for (const word of words.slice(found.start, found.end)) {
    if (lexicon.modifiers.get(word) === 'rank' && !canonicalWords.includes(word) && !prefix.includes(word)) prefix.push(word);
  }
  const key = [...prefix, canonical].join(' ');
  return { title: found.title, kind: found.title.kind, key, former, acting };
}
