// Normalised token keys shared by the gazetteer and the stages: one pass over a Doc's tokens, and the same keys for knowledge phrases.
import type { Token } from '../doc/types.ts';
import { tokenize } from '../text/tokens.ts';

/** The tokens of a text with their lookup keys, computed once per document. */
export interface TokenView {
  text: string;
  tokens: readonly Token[];
  /** Lower-case key with diacritics removed and apostrophes/hyphens unified ("zelenskyy's"). */
  keys: string[];
  /** The key without a possessive ending ("zelenskyy"); equal to `keys[i]` for other tokens. */
  bases: string[];
  /** Whether the token ends in a possessive 's or '. */
  possessive: boolean[];
  /** Whether the token starts with an upper-case letter. */
  capitalized: boolean[];
}

const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const HYPHENS = /[\u2010\u2011\u2012\u2013]/g;

/** The lookup key of one token's text: lower-case, no diacritics, straight apostrophes, plain hyphens. */
export function tokenKey(surface: string): string {
  let key = surface;
  // Most tokens are plain ASCII: skip the Unicode work for them.
  if (!/^[\x20-\x7E]*$/.test(key)) {
    key = key.normalize('NFD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, "'").replace(HYPHENS, '-');
    // Letters that do not decompose into a base letter and a mark.
    key = key.replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/ß/g, 'ss');
  }
  return key.toLowerCase();
}

/** A key without its possessive ending, or null when it has none ("putin's" → "putin", "allies'" → "allies"). */
export function possessiveBase(key: string): string | null {
  if (key.length > 2 && key.endsWith("'s")) return key.slice(0, -2);
  if (key.length > 2 && key.endsWith("s'")) return key.slice(0, -1);
  return null;
}

const UPPER_START = /^\p{Lu}/u;

// Every stage reads the same token keys; a Doc's token array is shared by the Docs the stages return, so it keys the cache.
const viewsByTokens = new WeakMap<readonly Token[], TokenView>();

/** Keys and flags for every token of `text`, computed once per token array. */
export function tokenView(text: string, tokens: readonly Token[]): TokenView {
  const cached = viewsByTokens.get(tokens);
  if (cached !== undefined && cached.text === text) return cached;
  const view = buildTokenView(text, tokens);
  viewsByTokens.set(tokens, view);
  return view;
}

function buildTokenView(text: string, tokens: readonly Token[]): TokenView {
  const count = tokens.length;
  const keys = new Array<string>(count);
  const bases = new Array<string>(count);
  const possessive = new Array<boolean>(count);
  const capitalized = new Array<boolean>(count);
  for (let i = 0; i < count; i++) {
    const token = tokens[i];
    const surface = text.slice(token.start, token.end);
    const key = token.kind === 'word' ? tokenKey(surface) : surface;
    const base = token.kind === 'word' ? possessiveBase(key) : null;
    keys[i] = key;
    bases[i] = base ?? key;
    possessive[i] = base !== null;
    capitalized[i] = UPPER_START.test(surface);
  }
  return { text, tokens, keys, bases, possessive, capitalized };
}

/** A knowledge phrase as the tokenizer splits it: surfaces (for case checks) and keys (for lookup). */
export function phraseTokens(phrase: string): { surfaces: string[]; keys: string[] } {
  const tokens = tokenize(phrase);
  const surfaces = tokens.map((token) => phrase.slice(token.start, token.end));
  return { surfaces, keys: surfaces.map((surface) => tokenKey(surface)) };
}
