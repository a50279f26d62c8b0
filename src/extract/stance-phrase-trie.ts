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
  // The deepest phrase end the current walk has reached, and its value: fields rather than a result object per walk.
  private bestLast = -1;
  private bestValue: T | undefined = undefined;

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
    if (start >= end) return null;
    const child = this.root.next.get(text.words[start]);
    const slot = this.root.determiner !== null && text.isDeterminer(start) ? this.root.determiner : null;
    if (child === undefined && slot === null) return null;
    this.bestLast = start - 1;
    this.bestValue = undefined;
    if (child !== undefined) this.walk(child, text, start + 1, end);
    if (slot !== null) this.walk(slot, text, start + 1, end);
    if (this.bestValue === undefined) return null;
    return { first: start, last: this.bestLast, value: this.bestValue };
  }

  /**
   * Walks the phrases from `node` at token `index`, words before `{det}` slots, keeping the deepest phrase end: the
   * first found at its depth wins (a word edge before a slot).
   */
  private walk(node: TrieNode<T>, text: MatchableWords, index: number, end: number): void {
    if (node.value !== undefined && index - 1 > this.bestLast) {
      this.bestLast = index - 1;
      this.bestValue = node.value;
    }
    if (index >= end) return;
    const child = node.next.get(text.words[index]);
    if (child !== undefined) this.walk(child, text, index + 1, end);
    if (node.determiner !== null && text.isDeterminer(index)) this.walk(node.determiner, text, index + 1, end);
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
