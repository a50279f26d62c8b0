// Word-level reading shared by the quantity and date stages: number words and units (src/knowledge/data) as lookup tables, and tokens as lower-cased words.
import type { Token } from '../doc/types.ts';
import { readDataFile } from '../knowledge/data-file.ts';
import { spanIndexFrom } from '../doc/span.ts';
import { tokenView } from '../knowledge/token-keys.ts';

const POSSESSIVE = /['\u2019]s$/;

interface NumberWordsData {
  cardinals: Record<string, number>;
  tens: Record<string, number>;
  scales: Record<string, number>;
  scaleSuffixes: Record<string, number>;
  regionalScales: Record<string, number>;
  multiples: Record<string, number>;
  vaguePlurals: Record<string, number>;
  fractions: Record<string, number>;
  ordinals: Record<string, number>;
  comparators: string[];
  nounPhraseStops: string[];
  participles: string[];
  auxiliaries: string[];
  hyphenModifiers: string[];
  aboutLinks: string[];
  durationCues: string[];
  determiners: string[];
}

interface UnitEntry {
  unit: string;
  forms: string[];
  time?: boolean;
}

interface UnitsData {
  measures: UnitEntry[];
  counts: UnitEntry[];
  currencySymbols: Record<string, string>;
}

export interface NumberLexicon {
  /** "one" … "nineteen". */
  cardinals: Map<string, number>;
  /** "twenty" … "ninety". */
  tens: Map<string, number>;
  /** "hundred" … "trillion". */
  scales: Map<string, number>;
  /** Suffixes glued to digits: "140bn", "5m", "20k". */
  scaleSuffixes: Map<string, number>;
  /** "lakh", "crore": scales read after digits as words. */
  regionalScales: Map<string, number>;
  multiples: Map<string, number>;
  vaguePlurals: Map<string, number>;
  fractions: Map<string, number>;
  ordinals: Map<string, number>;
  /** Comparator phrases as word lists, longest first. */
  comparators: string[][];
  /** Words that end the noun phrase a number counts. */
  nounPhraseStops: Set<string>;
  /** Irregular participles ("taken", "fled"); regular ones end in -ed. */
  participles: Set<string>;
  auxiliaries: Set<string>;
  /** Words after a hyphen that are not units ("10,000-strong"). */
  hyphenModifiers: Set<string>;
  /** Words skipped when looking left for what a number measures. */
  aboutLinks: Set<string>;
  /** Words after which "a week", "a year" is a duration of one ("for a week", "more than a year"). */
  durationCues: Set<string>;
  /** Words skipped between "of" and the noun it introduces. */
  determiners: Set<string>;
}

export interface MeasureUnit {
  unit: string;
  time: boolean;
}

export interface UnitLexicon {
  /** Measure units by form; multi-word forms are joined by one space ("square km"). */
  measures: Map<string, MeasureUnit>;
  /** Most words in one measure form. */
  longestMeasure: number;
  /** First words of the measure forms of more than one word ("square" of "square km"). */
  measureFirstWords: Set<string>;
  /** Counted nouns by form → the plural reported as unit. */
  counts: Map<string, string>;
  /** Currency symbols, longest first. */
  currencySymbols: [string, string][];
}

let numbers: NumberLexicon | null = null;
let units: UnitLexicon | null = null;

export function loadNumberWords(): NumberLexicon {
  if (numbers === null) {
    const data = readDataFile<NumberWordsData>('number-words.json');
    numbers = {
      cardinals: new Map(Object.entries(data.cardinals)),
      tens: new Map(Object.entries(data.tens)),
      scales: new Map(Object.entries(data.scales)),
      scaleSuffixes: new Map(Object.entries(data.scaleSuffixes)),
      regionalScales: new Map(Object.entries(data.regionalScales)),
      multiples: new Map(Object.entries(data.multiples)),
      vaguePlurals: new Map(Object.entries(data.vaguePlurals)),
      fractions: new Map(Object.entries(data.fractions)),
      ordinals: new Map(Object.entries(data.ordinals)),
      comparators: data.comparators.map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length),
      nounPhraseStops: new Set(data.nounPhraseStops),
      participles: new Set(data.participles),
      auxiliaries: new Set(data.auxiliaries),
      hyphenModifiers: new Set(data.hyphenModifiers),
      aboutLinks: new Set(data.aboutLinks),
      durationCues: new Set(data.durationCues),
      determiners: new Set(data.determiners),
    };
  }
  return numbers;
}

export function loadUnits(): UnitLexicon {
  if (units === null) {
    const data = readDataFile<UnitsData>('units.json');
    const measures = new Map<string, MeasureUnit>();
    let longestMeasure = 1;
    const measureFirstWords = new Set<string>();
    for (const entry of data.measures) {
      for (const form of entry.forms) {
        measures.set(form, { unit: entry.unit, time: entry.time === true });
        const words = form.split(' ');
        longestMeasure = Math.max(longestMeasure, words.length);
        if (words.length > 1) measureFirstWords.add(words[0]);
      }
    }
    const counts = new Map<string, string>();
    for (const entry of data.counts) for (const form of entry.forms) counts.set(form, entry.unit);
    const currencySymbols = Object.entries(data.currencySymbols).sort((a, b) => b[0].length - a[0].length);
    units = { measures, longestMeasure, measureFirstWords, counts, currencySymbols };
  }
  return units;
}

/** The value of one number word below a hundred ("five", "twenty", "twenty-five"), or null. */
export function smallNumberValue(word: string, lex: NumberLexicon): number | null {
  const lower = word.toLowerCase();
  const direct = lex.cardinals.get(lower) ?? lex.tens.get(lower);
  if (direct !== undefined) return direct;
  const hyphen = lower.search(/[-\u2010\u2011]/);
  if (hyphen > 0) {
    const tens = lex.tens.get(lower.slice(0, hyphen));
    const ones = lex.cardinals.get(lower.slice(hyphen + 1));
    if (tens !== undefined && ones !== undefined && ones > 0 && ones < 10) return tens + ones;
  }
  return null;
}

/** Whether text[from, to) is all whitespace (what `trim()` removes), without cutting it out. */
export function isBlank(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) continue;
    if (code < 0x80 || !WHITESPACE.test(text[at])) return false;
  }
  return true;
}

const WHITESPACE = /\s/;

/**
 * Reads the tokens of one text as lower-cased words. Word tokens reuse the Doc's shared token keys
 * (lower-cased once for every stage), so reading a word allocates nothing unless it drops a possessive.
 */
export class TokenView {
  private readonly keys: readonly string[];
  private readonly possessive: readonly boolean[];
  private readonly bases: readonly string[];

  constructor(readonly text: string, readonly tokens: readonly Token[]) {
    const shared = tokenView(text, tokens);
    this.keys = shared.keys;
    this.possessive = shared.possessive;
    this.bases = shared.bases;
  }

  /** Lower-cased token text without a possessive "'s"; '' outside the text. */
  word(index: number): string {
    if (index < 0 || index >= this.tokens.length) return '';
    const key = this.keys[index];
    if (this.tokens[index].kind !== 'word') return otherWord(key);
    // The shared base also drops a plural possessive's apostrophe ("allies'"), which this reading keeps.
    if (!endsWithApostropheS(key)) return key;
    return this.possessive[index] ? this.bases[index] : key.slice(0, -2);
  }

  /** The token text as written. */
  raw(index: number): string {
    const token = this.tokens[index];
    return token === undefined ? '' : this.text.slice(token.start, token.end);
  }

  /** Index of the first token starting at or after `offset` (binary search); tokens.length when none. */
  indexFrom(offset: number): number {
    return spanIndexFrom(this.tokens, offset);
  }

  kind(index: number): Token['kind'] | undefined {
    return this.tokens[index]?.kind;
  }

  capitalised(index: number): boolean {
    const token = this.tokens[index];
    if (token === undefined) return false;
    const code = this.text.charCodeAt(token.start);
    if (code < 0x80) return code >= 0x41 && code <= 0x5a;
    const first = this.text[token.start];
    return first !== first.toLowerCase();
  }

  /** Whether tokens `left` and `left + 1` sit on the same line. */
  sameLine(left: number): boolean {
    const a = this.tokens[left];
    const b = this.tokens[left + 1];
    if (a === undefined || b === undefined) return false;
    for (let offset = a.end; offset < b.start; offset++) {
      if (this.text.charCodeAt(offset) === 0x0a) return false;
    }
    return true;
  }
}

function endsWithApostropheS(key: string): boolean {
  const length = key.length;
  return length >= 2 && key.charCodeAt(length - 1) === 0x73 && key.charCodeAt(length - 2) === 0x27;
}

/** A number, mark or symbol token lower-cased (its shared key is the text as written). */
function otherWord(surface: string): string {
  let plain = true;
  for (let k = 0; k < surface.length && plain; k++) {
    const code = surface.charCodeAt(k);
    plain = code < 0x41 || (code > 0x5a && code < 0x80);
  }
  const lower = plain ? surface : surface.toLowerCase();
  return lower.endsWith('s') ? lower.replace(POSSESSIVE, '') : lower;
}
