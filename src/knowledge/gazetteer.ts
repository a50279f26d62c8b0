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
  /** Per word of the phrase: whether it is capitalised (so, under 'proper', the text's word must be too). */
  capitalised: boolean[];
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
const POSSESSIVE_ENDING = /['\u2019]s?$/;

/** The case rule a phrase gets by default: 'exact' when a word has two capitals and no lower-case letters in a short form ("UN", "MoD"), else 'proper' when it starts with a capital, else 'any'. */
export function defaultCaseRule(phrase: string): CaseRule {
  const words = phrase.split(/\s+/);
  if (words.some((word) => word.length <= 5 && TWO_CAPITALS.test(word))) return 'exact';
  return UPPER_START.test(phrase) ? 'proper' : 'any';
}

/** Size of the first-word signature table (a power of two). */
const SIGNATURE_SPACE = 1 << 16;

/** A cheap hash of a key: its length with its first two and last two code units. */
function signatureOf(key: string): number {
  const length = key.length;
  if (length < 2) return length === 0 ? 0 : key.charCodeAt(0);
  const ends = ((key.charCodeAt(0) * 31 + key.charCodeAt(1)) * 31 + key.charCodeAt(length - 2)) * 31 + key.charCodeAt(length - 1);
  return (ends * 16 + (length & 15)) & (SIGNATURE_SPACE - 1);
}

export class Gazetteer<T> {
  private readonly root: TrieNode<T> = { next: new Map(), phrases: null };
  /*
   * Signatures of every phrase's first word. Most tokens start no phrase, and the scan asks
   * about each one: a small table that stays in cache rules most of them out before a lookup
   * in the large first-word map, whose keys are scattered through memory.
   */
  private readonly firstWordSignatures = new Uint8Array(SIGNATURE_SPACE);
  private phraseCount = 0;
  private readonly candidateEnds: number[] = [];
  private readonly candidateNodes: TrieNode<T>[] = [];
  private readonly candidatePossessive: boolean[] = [];

  /** Adds `phrase` for `entry`; the same phrase may stand for several entries. */
  add(phrase: string, entry: T, caseRule: CaseRule = defaultCaseRule(phrase)): void {
    const { surfaces, keys } = phraseTokens(phrase);
    if (keys.length === 0) return;
    this.firstWordSignatures[signatureOf(keys[0])] = 1;
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
    node.phrases.push({ entry, caseRule, surfaces, capitalised: surfaces.map((surface) => UPPER_START.test(surface)) });
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
    if (start < 0 || start >= view.keys.length) return null;
    const signatures = this.firstWordSignatures;
    if (signatures[signatureOf(view.keys[start])] === 0 && !(view.possessive[start] && signatures[signatureOf(view.bases[start])] === 1)) return null;
    // Candidate ends, shortest first; tried longest first so a case mismatch falls back to a shorter phrase.
    // The candidates go in arrays reused across calls: most starts end with none, and the scan calls this per word.
    const ends = this.candidateEnds;
    const nodes = this.candidateNodes;
    const possessives = this.candidatePossessive;
    let count = 0;
    let node = this.root;
    for (let i = start; i < view.keys.length; i++) {
      if (node.next === null) break;
      if (view.possessive[i]) {
        const ending = node.next.get(view.bases[i]);
        if (ending?.phrases) {
          ends[count] = i + 1;
          nodes[count] = ending;
          possessives[count++] = true;
        }
      }
      const child = node.next.get(view.keys[i]);
      if (child === undefined) break;
      if (child.phrases) {
        ends[count] = i + 1;
        nodes[count] = child;
        possessives[count++] = false;
      }
      // A phrase never runs on past a possessive word or across a line break.
      if (view.possessive[i] || (i + 1 < view.keys.length && lineBreakBetween(view, i, i + 1))) break;
      node = child;
    }
    for (let c = count - 1; c >= 0; c--) {
      let entries: T[] | null = null;
      for (const phrase of nodes[c].phrases as Phrase<T>[]) {
        if (!caseFits(view, start, phrase)) continue;
        // Most matches have one entry: an exact-size array, not an empty one grown by push.
        if (entries === null) entries = [phrase.entry];
        else entries.push(phrase.entry);
      }
      if (entries !== null) return { start, end: ends[c], entries, possessive: possessives[c] };
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
    const at = start + k;
    if (phrase.caseRule === 'exact') {
      const token = view.tokens[at];
      let text = view.text.slice(token.start, token.end);
      if (view.possessive[at]) text = text.replace(POSSESSIVE_ENDING, '');
      if (text !== phrase.surfaces[k]) return false;
    } else if (phrase.capitalised[k] && !view.capitalized[at]) {
      return false;
    }
  }
  return true;
}
