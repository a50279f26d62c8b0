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
  // Most tokens are plain ASCII: skip the Unicode work for them, and the case change when there is no capital.
  let hasUpper = false;
  for (let k = 0; k < surface.length; k++) {
    const code = surface.charCodeAt(k);
    if (code < 0x20 || code > 0x7e) return unicodeKey(surface);
    if (code >= 0x41 && code <= 0x5a) hasUpper = true;
  }
  return hasUpper ? surface.toLowerCase() : surface;
}

function unicodeKey(surface: string): string {
  let key = surface.normalize('NFD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, "'").replace(HYPHENS, '-');
  // Letters that do not decompose into a base letter and a mark.
  key = key.replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/ß/g, 'ss');
  return key.toLowerCase();
}

/** A key without its possessive ending, or null when it has none ("putin's" → "putin", "allies'" → "allies"). */
export function possessiveBase(key: string): string | null {
  const length = key.length;
  if (length <= 2) return null;
  const last = key.charCodeAt(length - 1);
  const beforeLast = key.charCodeAt(length - 2);
  if (last === 0x73 && beforeLast === 0x27) return key.slice(0, -2);
  if (last === 0x27 && beforeLast === 0x73) return key.slice(0, -1);
  return null;
}

const UPPER_START = /^\p{Lu}/u;

function startsUpperCase(surface: string): boolean {
  const first = surface.charCodeAt(0);
  if (first < 0x80) return first >= 0x41 && first <= 0x5a;
  return UPPER_START.test(surface);
}

/*
 * Every stage reads the same token keys; a Doc's token array is shared by the Docs the stages
 * return, so it identifies the view. The stages of one document ask in turn, so the views of
 * the last few token arrays are kept: a WeakMap over every document's tokens cost more than
 * it saved (each new key is an ephemeron the garbage collector must trace).
 */
const RECENT_VIEWS = 4;
const recentViews: TokenView[] = [];

/** Keys and flags for every token of `text`, computed once per token array (while it is among the last few asked about). */
export function tokenView(text: string, tokens: readonly Token[]): TokenView {
  for (const view of recentViews) {
    if (view.tokens === tokens && view.text === text) return view;
  }
  const view = buildTokenView(text, tokens);
  if (recentViews.length === RECENT_VIEWS) recentViews.pop();
  recentViews.unshift(view);
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
    capitalized[i] = startsUpperCase(surface);
  }
  return { text, tokens, keys, bases, possessive, capitalized };
}

/** A knowledge phrase as the tokenizer splits it: surfaces (for case checks) and keys (for lookup). */
export function phraseTokens(phrase: string): { surfaces: string[]; keys: string[] } {
  const tokens = tokenize(phrase);
  const surfaces = tokens.map((token) => phrase.slice(token.start, token.end));
  return { surfaces, keys: surfaces.map((surface) => tokenKey(surface)) };
}
