// A token-level trie over knowledge phrases: built once, then longest-match lookups over a document's token keys.
import { phraseTokens, type TokenView } from './token-keys.ts';

/**
 * How a phrase's letter case must match the text: 'exact' for short all-capital forms
 * that are also words ("US", "UN"), 'proper' for names (each capitalised word of the
 * phrase must be capitalised in the text), 'any' for titles and common nouns.
 */
export type CaseRule = 'exact' | 'proper' | 'any';

interface Phrase<T> {
  entry: T;
  caseRule: CaseRule;
  surfaces: string[];
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  phrases: Phrase<T>[] | null;
}

/** A phrase found in the text: tokens `start` (inclusive) to `end` (exclusive) and what it stands for. */
export interface GazetteerMatch<T> {
  start: number;
  end: number;
  entries: T[];
  /** Whether the last token carries a possessive ending ("Ukraine's"). */
  possessive: boolean;
}

const UPPER_START = /^\p{Lu}/u;
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;

/** The case rule a phrase gets by default: 'exact' when a word has two capitals and no lower-case letters in a short form ("UN", "MoD"), else 'proper' when it starts with a capital, else 'any'. */
export function defaultCaseRule(phrase: string): CaseRule {
  const words = phrase.split(/\s+/);
  if (words.some((word) => word.length <= 5 && TWO_CAPITALS.test(word))) return 'exact';
  return UPPER_START.test(phrase) ? 'proper' : 'any';
}

export class Gazetteer<T> {
  private readonly root: TrieNode<T> = { next: new Map(), phrases: null };
  private phraseCount = 0;

  /** Adds `phrase` for `entry`; the same phrase may stand for several entries. */
  add(phrase: string, entry: T, caseRule: CaseRule = defaultCaseRule(phrase)): void {
    const { surfaces, keys } = phraseTokens(phrase);
    if (keys.length === 0) return;
    let node = this.root;
    for (const key of keys) {
      node.next ??= new Map();
      let child = node.next.get(key);
      if (child === undefined) {
        child = { next: null, phrases: null };
        node.next.set(key, child);
      }
      node = child;
    }
    node.phrases ??= [];
    if (node.phrases.some((existing) => existing.entry === entry)) return;
    node.phrases.push({ entry, caseRule, surfaces });
    this.phraseCount++;
  }

  /** Entries of one-word phrases with this key, with the phrase's own spelling (for case checks by the caller). */
  wordEntries(key: string): { entry: T; surface: string; caseRule: CaseRule }[] {
    const phrases = this.root.next?.get(key)?.phrases ?? [];
    return phrases.filter((phrase) => phrase.surfaces.length === 1).map((phrase) => ({ entry: phrase.entry, surface: phrase.surfaces[0], caseRule: phrase.caseRule }));
  }

  get size(): number {
    return this.phraseCount;
  }

  /** The longest phrase starting at token `start` whose case fits the text, or null. */
  longestAt(view: TokenView, start: number): GazetteerMatch<T> | null {
    const first = this.root.next as Map<string, TrieNode<T>>;
    // Most tokens start no phrase: answer those without allocating anything.
    if (!first.has(view.keys[start]) && !(view.possessive[start] && first.has(view.bases[start]))) return null;
    // Candidate ends, shortest first; tried longest first so a case mismatch falls back to a shorter phrase.
    const candidates: { end: number; node: TrieNode<T>; possessive: boolean }[] = [];
    let node = this.root;
    for (let i = start; i < view.keys.length; i++) {
      if (node.next === null) break;
      if (view.possessive[i]) {
        const ending = node.next.get(view.bases[i]);
        if (ending?.phrases) candidates.push({ end: i + 1, node: ending, possessive: true });
      }
      const child = node.next.get(view.keys[i]);
      if (child === undefined) break;
      if (child.phrases) candidates.push({ end: i + 1, node: child, possessive: false });
      // A phrase never runs on past a possessive word or across a line break.
      if (view.possessive[i] || (i + 1 < view.keys.length && lineBreakBetween(view, i, i + 1))) break;
      node = child;
    }
    for (let c = candidates.length - 1; c >= 0; c--) {
      const candidate = candidates[c];
      const entries: T[] = [];
      for (const phrase of candidate.node.phrases ?? []) {
        if (caseFits(view, start, phrase)) entries.push(phrase.entry);
      }
      if (entries.length > 0) return { start, end: candidate.end, entries, possessive: candidate.possessive };
    }
    return null;
  }

  /** Greedy left-to-right longest matches over the whole text (non-overlapping). */
  scan(view: TokenView): GazetteerMatch<T>[] {
    const matches: GazetteerMatch<T>[] = [];
    let i = 0;
    while (i < view.keys.length) {
      const match = view.tokens[i].kind === 'word' ? this.longestAt(view, i) : null;
      if (match === null) {
        i++;
      } else {
        matches.push(match);
        i = match.end;
      }
    }
    return matches;
  }
}

function lineBreakBetween(view: TokenView, left: number, right: number): boolean {
  const from = view.tokens[left].end;
  const to = view.tokens[right].start;
  for (let k = from; k < to; k++) {
    if (view.text.charCodeAt(k) === 10) return true;
  }
  return false;
}

function caseFits<T>(view: TokenView, start: number, phrase: Phrase<T>): boolean {
  if (phrase.caseRule === 'any') return true;
  for (let k = 0; k < phrase.surfaces.length; k++) {
    const surface = phrase.surfaces[k];
    const token = view.tokens[start + k];
    if (phrase.caseRule === 'exact') {
      let text = view.text.slice(token.start, token.end);
      if (view.possessive[start + k]) text = text.replace(/['\u2019]s?$/, '');
      if (text !== surface) return false;
    } else if (UPPER_START.test(surface) && !view.capitalized[start + k]) {
      return false;
    }
  }
  return true;
}
