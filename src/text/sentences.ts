// Groups tokens into sentences: ends at terminal punctuation (not abbreviations or initials), after closing quotes, and at every line break.
import type { Sentence, Token } from '../doc/types.ts';
import { readDataFile } from '../knowledge/data-file.ts';
import { isInOrder } from './order.ts';

interface AbbreviationData {
  titles: string[];
  beforeNumber: string[];
  other: string[];
  sentenceStarters: string[];
}

export interface SplitOptions {
  /** Offsets where a sentence must end (a sentence never spans one). */
  breaks?: number[];
  /** Stretches (e.g. headings) that are never split inside; each ends a sentence at its end. */
  keepWhole?: ReadonlyArray<{ start: number; end: number }>;
}

interface Lexicon {
  titles: Set<string>;
  beforeNumber: Set<string>;
  other: Set<string>;
  sentenceStarters: Set<string>;
}

let lexicon: Lexicon | null = null;

function loadLexicon(): Lexicon {
  if (lexicon === null) {
    const data = readDataFile<AbbreviationData>('abbreviations.json');
    lexicon = {
      titles: new Set(data.titles),
      beforeNumber: new Set(data.beforeNumber),
      other: new Set(data.other),
      sentenceStarters: new Set(data.sentenceStarters),
    };
  }
  return lexicon;
}

/** Whether `word` (without its period) is a title such as "Mr" or "Gen" that stands before a name. */
export function isTitleAbbreviation(word: string): boolean {
  return loadLexicon().titles.has(word);
}

const CLOSING_MARK = /^["'\u201D\u2019\u00BB\u203A)\]}]$/;
const CONTINUATION_PUNCT = /^[,;:)\]}]$/;
const LOWERCASE_START = /^\p{Ll}/u;
const UPPERCASE_START = /^\p{Lu}/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;

/** Whether text[from..to) holds a line break. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

/** How a period-final token (or a word followed by a period) constrains a split after it. */
type AbbreviationRule = 'none' | 'never' | 'unless-number' | 'if-capitalised' | 'if-starter';

function abbreviationRule(text: string, tokens: Token[], periodIndex: number, lex: Lexicon): AbbreviationRule {
  const period = tokens[periodIndex];
  const periodText = text.slice(period.start, period.end);
  if (period.kind === 'word') {
    // A dotted form such as "U.S." or "a.m." is itself the token.
    return periodText.endsWith('.') ? 'if-starter' : 'none';
  }
  if (periodText !== '.' || periodIndex === 0) return 'none';
  const before = tokens[periodIndex - 1];
  if (before.kind !== 'word' || before.end !== period.start) return 'none';
  const word = text.slice(before.start, before.end);
  if (lex.titles.has(word)) return 'never';
  if (SINGLE_CAPITAL.test(word)) return 'if-starter';
  if (lex.beforeNumber.has(word)) return 'unless-number';
  if (lex.other.has(word)) return 'if-capitalised';
  return 'none';
}

function startsSentence(text: string, next: Token, rule: AbbreviationRule, lex: Lexicon): boolean {
  const nextText = text.slice(next.start, next.end);
  if (rule === 'never') return false;
  if (next.kind === 'word' && LOWERCASE_START.test(nextText)) return false;
  if (next.kind === 'punct' && CONTINUATION_PUNCT.test(nextText)) return false;
  switch (rule) {
    case 'unless-number':
      return next.kind !== 'number';
    case 'if-capitalised':
      return next.kind === 'word' && UPPERCASE_START.test(nextText);
    case 'if-starter':
      return next.kind === 'quote' || (next.kind === 'word' && lex.sentenceStarters.has(nextText.toLowerCase()));
    default:
      return true;
  }
}

/** Whether text[start..end) is one terminal mark (. ! ? … ‼ ⁇ ⁈ ⁉) or a run of two or more dots, read without cutting the token out. */
function isTerminalMark(text: string, start: number, end: number): boolean {
  if (end - start === 1) {
    const code = text.charCodeAt(start);
    return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x203c || (code >= 0x2047 && code <= 0x2049);
  }
  if (end - start < 2) return false;
  for (let at = start; at < end; at++) if (text.charCodeAt(at) !== 0x2e) return false;
  return true;
}

function isTerminal(text: string, token: Token): boolean {
  const last = text.charCodeAt(token.end - 1);
  if (token.kind === 'word') return last === 0x2e;
  return token.kind === 'punct' && isTerminalMark(text, token.start, token.end);
}

function isClosingMark(text: string, token: Token, previous: Token): boolean {
  return token.start === previous.end && (token.kind === 'quote' || token.kind === 'punct') && CLOSING_MARK.test(text.slice(token.start, token.end));
}

/** Index of the last token of a sentence ending at terminal token `i` (after its closing marks), or -1 when the sentence goes on. */
function terminalEnd(text: string, tokens: Token[], i: number, lex: Lexicon): number {
  let last = i;
  // Further terminal marks ("?!") and closing quotes/brackets that hug the punctuation belong to the sentence.
  while (last + 1 < tokens.length) {
    const following = tokens[last + 1];
    const hugs = following.start === tokens[last].end;
    if (!hugs || !(isClosingMark(text, following, tokens[last]) || (following.kind === 'punct' && isTerminal(text, following)))) break;
    last++;
  }
  const after = tokens[last + 1];
  if (after === undefined) return last;
  if (after.start === tokens[last].end) return -1;
  if (hasLineBreak(text, tokens[last].end, after.start)) return last;
  return startsSentence(text, after, abbreviationRule(text, tokens, i, lex), lex) ? last : -1;
}

/** The items in order: themselves when they already are (the usual case), else a sorted copy. */
function sortedIfNeeded<T>(items: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  return isInOrder(items, compare) ? items : [...items].sort(compare);
}

/**
 * The sentences of `text`, given its tokens. Every sentence starts at a token start and ends
 * at a token end, so it has no surrounding whitespace; every token lies in exactly one sentence.
 */
export function splitSentences(text: string, tokens: Token[], options?: SplitOptions): Sentence[] {
  const lex = loadLexicon();
  const breaks = sortedIfNeeded(options?.breaks ?? [], (a, b) => a - b);
  const keepWhole = sortedIfNeeded(options?.keepWhole ?? [], (a, b) => a.start - b.start);
  const sentences: Sentence[] = [];
  let breakIndex = 0;
  let wholeIndex = 0;
  let first = 0;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    let last = -1;
    if (next === undefined) {
      last = i;
    } else {
      while (wholeIndex < keepWhole.length && keepWhole[wholeIndex].end <= token.start) wholeIndex++;
      while (breakIndex < breaks.length && breaks[breakIndex] < token.end) breakIndex++;
      const whole = keepWhole[wholeIndex];
      const insideWhole = whole !== undefined && whole.start <= token.start;
      if (insideWhole ? next.start >= whole.end : whole !== undefined && next.start >= whole.start) {
        last = i;
      } else if (hasLineBreak(text, token.end, next.start)) {
        last = i;
      } else if (breakIndex < breaks.length && breaks[breakIndex] <= next.start) {
        last = i;
      } else if (!insideWhole && isTerminal(text, token)) {
        last = terminalEnd(text, tokens, i, lex);
      }
    }
    if (last >= 0) {
      sentences.push({ start: tokens[first].start, end: tokens[last].end });
      first = last + 1;
      i = last;
    }
  }
  return sentences;
}
