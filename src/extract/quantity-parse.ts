// Reads one number where it starts: digits or words, with its scale, currency and own unit ("$300 billion", "28-point", "tens of thousands", "five hours").
import {
  isBlank,
  loadNumberWords,
  loadUnits,
  smallNumberValue,
  TokenView,
  type NumberLexicon,
  type UnitLexicon,
} from './quantity-words.ts';

export type NumberKind = 'cardinal' | 'ordinal' | 'vague';

/** One number as written, [start, end) into the text, with what belongs to it. */
export interface NumberMatch {
  start: number;
  end: number;
  value: number;
  /** Its own unit: a measure ("hours", "km", "percent", "USD") or a hyphen compound's noun ("28-point" → "points"). */
  unit: string | null;
  /** The number and its unit modify the noun after them ("a 28-point plan", "a 10,000-strong force"). */
  compound: boolean;
  kind: NumberKind;
  /** Plain digits with no separator, decimal, scale, currency or unit: may be a year, a day or a label. */
  bare: boolean;
  /** Digits glued to letters that are no unit ("3A", "1990s"). */
  identifier: boolean;
  /** Written in words ("five", "tens of thousands"). */
  words: boolean;
}

const DIGITS = /(\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+)(?:\.(\d+))?/y;
const GLUED = /[A-Za-z%\u00B2]+/y;
const HYPHEN_WORD = /[-\u2010\u2011]([A-Za-z]+)/y;
const ORDINAL_SUFFIX = /^(st|nd|rd|th)$/;
const RANGE_JOIN = /\s*(?:[-\u2010\u2011\u2013\u2014]|to)\s*/y;
const HYPHENATED_NUMBER_WORD = /^([a-z]+)[-\u2010\u2011]([a-z][a-z-]*)$/;

interface Lexicons {
  numbers: NumberLexicon;
  units: UnitLexicon;
}

function lexicons(): Lexicons {
  return { numbers: loadNumberWords(), units: loadUnits() };
}

/** value × scale without binary noise: 564.9 × 1e9 = 564900000000 exactly. */
export function scaled(value: number, scale: number): number {
  return Number((value * scale).toPrecision(15));
}

function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** The unit a hyphen compound's noun names: a measure, a listed count noun, or the noun's plural. */
function compoundUnit(noun: string, lex: Lexicons): string | null {
  const lower = noun.toLowerCase();
  if (lex.numbers.hyphenModifiers.has(lower)) return null;
  return lex.units.measures.get(lower)?.unit ?? lex.units.counts.get(lower) ?? plural(lower);
}

interface Tail {
  end: number;
  unit: string | null;
  compound: boolean;
}

/** A hyphen compound right after a number: "-point", "-day", "-year-old", "-strong". */
function hyphenCompound(text: string, position: number, lex: Lexicons): Tail | null {
  HYPHEN_WORD.lastIndex = position;
  const match = HYPHEN_WORD.exec(text);
  if (match === null) return null;
  let end = position + match[0].length;
  const unit = compoundUnit(match[1], lex);
  // "a 15-year-old", "a 10-day-long": the modifier after the unit is not a second unit.
  HYPHEN_WORD.lastIndex = end;
  const modifier = HYPHEN_WORD.exec(text);
  if (modifier !== null && lex.numbers.hyphenModifiers.has(modifier[1].toLowerCase())) end += modifier[0].length;
  return { end, unit, compound: true };
}

/** A measure unit written as the next words ("hours", "per cent", "square km", "%"), longest first. */
function measureAfter(view: TokenView, position: number, lex: Lexicons): { end: number; unit: string } | null {
  const first = view.indexFrom(position);
  if (first >= view.tokens.length || !isBlank(view.text, position, view.tokens[first].start)) return null;
  // Only a word that opens a longer form is worth joining with the words after it.
  const longest = lex.units.measureFirstWords.has(view.word(first)) ? lex.units.longestMeasure : 1;
  for (let count = Math.min(longest, view.tokens.length - first); count >= 1; count--) {
    const parts: string[] = [];
    for (let index = first; index < first + count; index++) parts.push(view.word(index));
    const measure = lex.units.measures.get(parts.join(' '));
    if (measure !== undefined && view.kind(first) !== 'number') {
      return { end: view.tokens[first + count - 1].end, unit: measure.unit };
    }
  }
  return null;
}

/** A scale word after a number ("300 billion", "250 crore", "5 bn"). */
function scaleAfter(view: TokenView, position: number, lex: Lexicons): { end: number; scale: number } | null {
  const index = view.indexFrom(position);
  if (index >= view.tokens.length || !isBlank(view.text, position, view.tokens[index].start)) return null;
  const word = view.word(index);
  const scale =
    lex.numbers.scales.get(word) ??
    lex.numbers.regionalScales.get(word) ??
    (word.length > 1 ? lex.numbers.scaleSuffixes.get(word) : undefined);
  return scale === undefined ? null : { end: view.tokens[index].end, scale };
}

/** Adds the scale word and then the measure unit written after a number. */
function finish(view: TokenView, match: NumberMatch, lex: Lexicons, scaleKnown: boolean): NumberMatch {
  let result = match;
  if (!scaleKnown && result.unit === null) {
    const scale = scaleAfter(view, result.end, lex);
    if (scale !== null) result = { ...result, end: scale.end, value: scaled(result.value, scale.scale), bare: false };
  }
  if (result.unit === null && !result.compound) {
    const measure = measureAfter(view, result.end, lex);
    if (measure !== null) result = { ...result, end: measure.end, unit: measure.unit, bare: false };
  }
  return result;
}

/** A number in digits at `offset`: "600,000", "1.5km", "140bn", "28-point", "85%", "2.1 million", "20th". */
export function matchDigits(view: TokenView, offset: number): NumberMatch | null {
  const lex = lexicons();
  const { text } = view;
  DIGITS.lastIndex = offset;
  const digits = DIGITS.exec(text);
  if (digits === null) return null;
  let end = offset + digits[0].length;
  let value = Number(`${digits[1].replace(/,/g, '')}${digits[2] === undefined ? '' : `.${digits[2]}`}`);
  let match: NumberMatch = {
    start: offset, end, value, unit: null, compound: false, kind: 'cardinal',
    bare: !digits[1].includes(',') && digits[2] === undefined, identifier: false, words: false,
  };
  GLUED.lastIndex = end;
  const glued = GLUED.exec(text);
  let scaleKnown = false;
  if (glued !== null) {
    const letters = glued[0].toLowerCase();
    end += glued[0].length;
    const suffixScale = lex.numbers.scaleSuffixes.get(letters);
    const measure = lex.units.measures.get(letters);
    if (ORDINAL_SUFFIX.test(letters) && digits[2] === undefined) match = { ...match, end, kind: 'ordinal' };
    else if (suffixScale !== undefined) {
      value = scaled(value, suffixScale);
      match = { ...match, end, value, bare: false };
      scaleKnown = true;
    } else if (measure !== undefined) match = { ...match, end, unit: measure.unit, bare: false };
    else return { ...match, end, identifier: true };
  }
  const compound = hyphenCompound(text, match.end, lex);
  // "15km-wide": a modifier after a unit keeps the unit.
  if (compound !== null) return { ...match, ...compound, unit: compound.unit ?? match.unit, bare: false };
  return finish(view, match, lex, scaleKnown);
}

/** A number in words starting at token `index`: "five", "twenty-five", "a dozen", "a quarter of a million", "tens of thousands", "five-hour". */
export function matchWords(view: TokenView, index: number): NumberMatch | null {
  const lex = lexicons();
  const { numbers } = lex;
  const startToken = index;
  let at = index;
  let total = 0;
  let current = 0;
  let seen = false;
  let compound: Tail | null = null;
  const first = view.word(at);
  if (first === 'a' || first === 'an') {
    const next = view.word(at + 1);
    if (!numbers.multiples.has(next) && !numbers.scales.has(next) && !numbers.fractions.has(next)) return null;
    current = 1;
    at += 1;
  }
  const ordinal = numbers.ordinals.get(view.word(at));
  if (ordinal !== undefined && at === startToken) {
    const token = view.tokens[at];
    return { start: token.start, end: token.end, value: ordinal, unit: null, compound: false, kind: 'ordinal', bare: false, identifier: false, words: true };
  }
  const vague = numbers.vaguePlurals.get(view.word(at));
  if (vague !== undefined && at === startToken) {
    // "tens of thousands" = 10 × 1,000: the lower order of magnitude the words name.
    let value = vague;
    let last = at;
    const inner = numbers.vaguePlurals.get(view.word(at + 2));
    if (view.word(at + 1) === 'of' && inner !== undefined && inner > vague) {
      value = vague * inner;
      last = at + 2;
    }
    return {
      start: view.tokens[at].start, end: view.tokens[last].end, value, unit: null, compound: false,
      kind: 'vague', bare: false, identifier: false, words: true,
    };
  }
  while (at < view.tokens.length) {
    const word = view.word(at);
    const small = smallNumberValue(word, numbers);
    const scale = numbers.scales.get(word);
    const fraction = numbers.fractions.get(word);
    const multiple = numbers.multiples.get(word);
    const hyphenated = small === null ? HYPHENATED_NUMBER_WORD.exec(word) : null;
    const hyphenHead = hyphenated === null ? null : smallNumberValue(hyphenated[1], numbers);
    // A small number follows nothing, a hundred ("one hundred five") or a ten ("twenty five"); "one two" is two numbers.
    const fits = current % 100 === 0 || (current >= 20 && current < 100 && current % 10 === 0);
    if (small !== null && fits && (current % 100 === 0 || small < 10)) {
      current += small;
    } else if (hyphenHead !== null && hyphenated !== null && fits) {
      // "five-hour", "three-year-old": the number word carries its unit; "zero-sum", "two-thirds", "one-sided" do not.
      const tail = hyphenated[2].split(/[-\u2010\u2011]/)[0];
      if (!lex.units.measures.has(tail) && !lex.units.counts.has(tail)) break;
      current += hyphenHead;
      compound = hyphenCompound(view.text, view.tokens[at].start + hyphenated[1].length, lex);
      seen = true;
      at += 1;
      break;
    } else if (scale === 100 && (seen || current > 0)) {
      current = (current || 1) * 100;
    } else if (scale !== undefined && scale > 100 && (seen || current > 0)) {
      total += (current || 1) * scale;
      current = 0;
    } else if (word === 'and' && current >= 100 && smallNumberValue(view.word(at + 1), numbers) !== null) {
      at += 1;
      continue;
    } else if (multiple !== undefined) {
      current = (current || 1) * multiple;
    } else if (fraction !== undefined) {
      // "a quarter of a million", "half a million": a fraction only counts before a scale.
      let next = at + 1;
      if (view.word(next) === 'of') next += 1;
      if (view.word(next) === 'a' || view.word(next) === 'an') next += 1;
      const fractionScale = numbers.scales.get(view.word(next));
      if (fractionScale === undefined || fractionScale < 1000) break;
      total += scaled((current || 1) * fraction, fractionScale);
      current = 0;
      seen = true;
      at = next + 1;
      break;
    } else {
      break;
    }
    seen = true;
    at += 1;
  }
  if (!seen) return null;
  const value = total + current;
  const lastToken = view.tokens[at - 1];
  const match: NumberMatch = {
    start: view.tokens[startToken].start,
    end: compound?.end ?? lastToken.end,
    value,
    unit: compound?.unit ?? null,
    compound: compound !== null,
    kind: 'cardinal',
    bare: false,
    identifier: false,
    words: true,
  };
  return compound !== null ? match : finish(view, match, lex, total > 0);
}

/** The second number of a range ("0.6-0.9 miles", "70% to 80%", "between 1km and 1.5km"), read after `first`. */
export function matchRangeEnd(view: TokenView, first: NumberMatch, between: boolean): NumberMatch | null {
  const { text } = view;
  let position = first.end;
  if (between) {
    const joined = /\s+and\s+/y;
    joined.lastIndex = position;
    const and = joined.exec(text);
    if (and === null) return null;
    position += and[0].length;
  } else {
    RANGE_JOIN.lastIndex = position;
    const join = RANGE_JOIN.exec(text);
    if (join === null) return null;
    position += join[0].length;
  }
  if (first.words) {
    const index = view.indexFrom(position);
    return view.tokens[index]?.start === position ? matchWords(view, index) : null;
  }
  const symbol = currencyAt(text, position);
  if (symbol === null) return matchDigits(view, position);
  const match = matchDigits(view, position + symbol.length);
  return match === null ? null : { ...match, start: position, unit: match.unit ?? symbol.unit, bare: false };
}

/** The currency symbol written at `offset` ("$", "US$", "€"), or null. */
export function currencyAt(text: string, offset: number): { length: number; unit: string } | null {
  for (const [symbol, unit] of lexicons().units.currencySymbols) {
    if (text.startsWith(symbol, offset)) return { length: symbol.length, unit };
  }
  return null;
}
