// Splits cleaned text into word, number, punctuation, quote and symbol tokens in one linear character scan.
import type { Token, TokenKind } from '../doc/types.ts';

/*
 * Rules:
 *  - words: letters with internal hyphens/apostrophes ("Russia-Ukraine", "don't", "Covid-19"),
 *    dotted abbreviations as one word ("U.S.", "e.g."), and number-led compounds that contain a
 *    letter ("28-point", "20th", "1990s");
 *  - numbers: digits with thousands separators and decimals ("600,000", "14.5");
 *  - quotes: straight and curly quote marks and guillemets;
 *  - punctuation: one mark, except that an ellipsis of dots or a run of hyphens stays one token;
 *  - symbols: emoji sequences (modifiers, variation selectors, joiners, flags, keycaps) and any
 *    other visible character.
 * Whitespace and invisible format characters belong to no token. A hand-written scan is several
 * times faster than one big Unicode regex, and every stage shares its result.
 */

const SPACE = 0;
const LETTER = 1;
const MARK = 2;
const DIGIT = 3;
const QUOTE = 4;
const PUNCT = 5;
const PICTOGRAPH = 6;
const REGIONAL = 7;
const SYMBOL = 8;
const MODIFIER = 9;

const IS_SPACE = /[\s\u200B-\u200F\u2060\u00AD\uFE0E\uFE0F]/u;
const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;
const IS_DIGIT = /\p{N}/u;
const IS_QUOTE = /["'\u201C\u201D\u2018\u2019\u201E\u201F\u201A\u00AB\u00BB\u2039\u203A]/u;
const IS_PUNCT = /\p{P}/u;
const IS_MODIFIER = /\p{EMod}/u;
const IS_PICTOGRAPH = /\p{Extended_Pictographic}/u;
const IS_REGIONAL = /\p{RI}/u;

function classify(char: string): number {
  if (IS_SPACE.test(char)) return SPACE;
  if (IS_QUOTE.test(char)) return QUOTE;
  if (IS_LETTER.test(char)) return LETTER;
  if (IS_MARK.test(char)) return MARK;
  if (IS_DIGIT.test(char)) return DIGIT;
  if (IS_PUNCT.test(char)) return PUNCT;
  if (IS_MODIFIER.test(char)) return MODIFIER;
  if (IS_PICTOGRAPH.test(char)) return PICTOGRAPH;
  if (IS_REGIONAL.test(char)) return REGIONAL;
  return SYMBOL;
}

const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) ASCII_CLASS[code] = classify(String.fromCharCode(code));
const classCache = new Map<number, number>();

/** Character class of the code point at `index` (a lone surrogate half counts as a symbol). */
function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_CLASS[code];
  const point = text.codePointAt(index) as number;
  let cls = classCache.get(point);
  if (cls === undefined) {
    cls = classify(String.fromCodePoint(point));
    classCache.set(point, cls);
  }
  return cls;
}

function widthAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
}

const DOT = 0x2e;
const COMMA = 0x2c;
const HYPHEN = 0x2d;
const ZWJ = 0x200d;
const KEYCAP = 0x20e3;
const VS15 = 0xfe0e;
const VS16 = 0xfe0f;

function isJoiner(code: number): boolean {
  return code === HYPHEN || code === 0x2010 || code === 0x2011 || code === 0x27 || code === 0x2019;
}

function isKeycapBase(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x23 || code === 0x2a;
}

function isWordClass(cls: number): boolean {
  return cls === LETTER || cls === MARK || cls === DIGIT;
}

/** End of a run of word characters starting at `index`. */
function wordCharsEnd(text: string, index: number): number {
  let at = index;
  const length = text.length;
  while (at < length) {
    const code = text.charCodeAt(at);
    // ASCII letters and digits are one code unit each: the common case skips the class lookup's other branches.
    if (code < 128) {
      const cls = ASCII_CLASS[code];
      if (cls !== LETTER && cls !== DIGIT) break;
      at++;
    } else if (isWordClass(classAt(text, at))) {
      at += widthAt(text, at);
    } else {
      break;
    }
  }
  return at;
}

/** End of a word from `index`: word characters, then joiner + word characters, repeated. */
function wordEnd(text: string, index: number): number {
  let at = wordCharsEnd(text, index);
  while (at + 1 < text.length && isJoiner(text.charCodeAt(at)) && isWordClass(classAt(text, at + 1))) {
    at = wordCharsEnd(text, at + 1);
  }
  return at;
}

/** End of "U.S."-style single letters with periods (at least two), or -1. */
function dottedEnd(text: string, index: number): number {
  let at = index;
  let pairs = 0;
  while (at + 1 < text.length && classAt(text, at) === LETTER && widthAt(text, at) === 1 && text.charCodeAt(at + 1) === DOT) {
    at += 2;
    pairs++;
  }
  if (pairs < 2 || (at < text.length && classAt(text, at) === LETTER)) return -1;
  return at;
}

/** End of digits with [.,]digit groups from `index`. */
function numberEnd(text: string, index: number): number {
  let at = index;
  while (at < text.length && classAt(text, at) === DIGIT) at += widthAt(text, at);
  while (at + 1 < text.length) {
    const code = text.charCodeAt(at);
    if ((code !== DOT && code !== COMMA) || classAt(text, at + 1) !== DIGIT) break;
    at++;
    while (at < text.length && classAt(text, at) === DIGIT) at += widthAt(text, at);
  }
  return at;
}

/** End of an emoji sequence starting with a pictograph at `index`. */
function emojiEnd(text: string, index: number): number {
  let at = index + widthAt(text, index);
  for (;;) {
    if (at < text.length && classAt(text, at) === MODIFIER) at += widthAt(text, at);
    const code = text.charCodeAt(at);
    if (code === VS15 || code === VS16) at++;
    if (text.charCodeAt(at) === ZWJ && at + 1 < text.length && classAt(text, at + 1) === PICTOGRAPH) {
      at += 1 + widthAt(text, at + 1);
      continue;
    }
    return at;
  }
}

/** End of any other visible character with the marks and selectors that follow it. */
function symbolEnd(text: string, index: number): number {
  let at = index + widthAt(text, index);
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === VS15 || code === VS16 || code === KEYCAP || classAt(text, at) === MARK) at += widthAt(text, at);
    else break;
  }
  return at;
}

/** The tokens of `text` in order; offsets are UTF-16 code units into `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let index = 0;
  while (index < length) {
    // A plain space, the commonest character, belongs to no token.
    if (text.charCodeAt(index) === 0x20) {
      index++;
      continue;
    }
    const cls = classAt(text, index);
    let end: number;
    let kind: TokenKind;
    const next = text.charCodeAt(index + 1);
    if (cls === SPACE) {
      index += widthAt(text, index);
      continue;
    } else if (isKeycapBase(text.charCodeAt(index)) && (next === KEYCAP || (next === VS16 && text.charCodeAt(index + 2) === KEYCAP))) {
      end = symbolEnd(text, index);
      kind = 'symbol';
    } else if (cls === LETTER) {
      // "U.S."-style words need a full stop right after the first letter.
      const dotted = next === DOT ? dottedEnd(text, index) : -1;
      end = dotted >= 0 ? dotted : wordEnd(text, index);
      kind = 'word';
    } else if (cls === DIGIT) {
      end = numberEnd(text, index);
      kind = 'number';
      const after = end < length ? classAt(text, end) : SPACE;
      const hyphenated = end + 1 < length && (text.charCodeAt(end) === HYPHEN || text.charCodeAt(end) === 0x2010 || text.charCodeAt(end) === 0x2011) && classAt(text, end + 1) === LETTER;
      if (after === LETTER || after === MARK || hyphenated) {
        end = wordEnd(text, hyphenated ? end + 1 : end);
        kind = 'word';
      }
    } else if (cls === QUOTE) {
      end = index + 1;
      kind = 'quote';
    } else if (cls === PUNCT) {
      const code = text.charCodeAt(index);
      end = index + 1;
      if (code === DOT || code === HYPHEN) while (end < length && text.charCodeAt(end) === code) end++;
      kind = 'punct';
    } else if (cls === PICTOGRAPH || cls === MODIFIER) {
      end = emojiEnd(text, index);
      kind = 'symbol';
    } else if (cls === REGIONAL) {
      end = index + widthAt(text, index);
      if (end < length && classAt(text, end) === REGIONAL) end += widthAt(text, end);
      kind = 'symbol';
    } else {
      end = symbolEnd(text, index);
      kind = 'symbol';
    }
    tokens.push({ start: index, end, kind });
    index = end;
  }
  return tokens;
}
