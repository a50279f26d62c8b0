// A token-level trie over lowercase word sequences: finds the longest lexicon phrase starting at a token in one walk.

/** The placeholder in a lexicon phrase that matches any determiner or possessive word ("size of {det} army"). */
export const DETERMINER_SLOT = '{det}';

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  determiner: TrieNode<T> | null;
  value: T | undefined;
}

/** What one token looks like to the matcher: its normalised word and whether it can fill a `{det}` slot. */
export interface MatchableWords {
  readonly words: readonly string[];
  isDeterminer(index: number): boolean;
}

/** A phrase found in the text: tokens `first..last` (inclusive) and the value it was stored with. */
export interface PhraseMatch<T> {
  first: number;
  last: number;
  value: T;
}

function emptyNode<T>(): TrieNode<T> {
  return { next: new Map(), determiner: null, value: undefined };
}

/** Splits a lexicon phrase into the words the tokenizer would produce for it. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = emptyNode();

  /** Stores `value` under `phrase`; a later add of the same phrase keeps the first value (lexicons list the stronger reading first). */
  add(phrase: string, value: T): void {
    let node = this.root;
    for (const word of phraseWords(phrase)) {
      if (word === DETERMINER_SLOT) {
        node.determiner ??= emptyNode();
        node = node.determiner;
        continue;
      }
      let child = node.next.get(word);
      if (child === undefined) {
        child = emptyNode();
        node.next.set(word, child);
      }
      node = child;
    }
    node.value ??= value;
  }

  /** The longest phrase starting at token `start` and ending before token `end`, or null. */
  longestAt(text: MatchableWords, start: number, end: number): PhraseMatch<T> | null {
    if (start >= end || (!this.root.next.has(text.words[start]) && (this.root.determiner === null || !text.isDeterminer(start)))) return null;
    const last = this.deepest(this.root, text, start, end, -1);
    if (last < start) return null;
    return { first: start, last, value: this.valueAt(this.root, text, start, last) as T };
  }

  /** The last token of the longest stored phrase reachable from `node` at token `index`, or `best` when none is longer. */
  private deepest(node: TrieNode<T>, text: MatchableWords, index: number, end: number, best: number): number {
    if (node.value !== undefined && index - 1 > best) best = index - 1;
    if (index >= end) return best;
    const child = node.next.get(text.words[index]);
    if (child !== undefined) best = this.deepest(child, text, index + 1, end, best);
    if (node.determiner !== null && text.isDeterminer(index)) best = this.deepest(node.determiner, text, index + 1, end, best);
    return best;
  }

  /** The value of a phrase from `node` at `index` that ends exactly at token `last` (a word edge before a `{det}` slot). */
  private valueAt(node: TrieNode<T>, text: MatchableWords, index: number, last: number): T | undefined {
    if (index > last) return node.value;
    const child = node.next.get(text.words[index]);
    const viaWord = child === undefined ? undefined : this.valueAt(child, text, index + 1, last);
    if (viaWord !== undefined) return viaWord;
    return node.determiner !== null && text.isDeterminer(index) ? this.valueAt(node.determiner, text, index + 1, last) : undefined;
  }

  /** Non-overlapping longest matches in tokens `start..end`, left to right. */
  findAll(text: MatchableWords, start: number, end: number): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    let index = start;
    while (index < end) {
      const match = this.longestAt(text, index, end);
      if (match === null) {
        index++;
        continue;
      }
      matches.push(match);
      index = match.last + 1;
    }
    return matches;
  }
}
