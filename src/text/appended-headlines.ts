// Cuts the unrelated "more news" headlines and teasers that scraped pages append after an article.
import type { Edit, Line } from './mapped-text.ts';
import { linesOf } from './mapped-text.ts';
import { boilerplatePatterns } from './boilerplate-patterns.ts';

/*
 * Decided by shape and by vocabulary, never by wording. From the end of the text, a run of
 * lines that mostly lack sentence-final punctuation (headlines; teasers cut off mid-word) is a
 * candidate; it is cut when each of its lines shares little vocabulary with the article above
 * it, so a closing list of key points about the article itself stays.
 */
const SENTENCE_END = /[.!?\u2026]["'\u201D\u2019)\]]*$/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
/** A headline above a teaser is short. */
const HEADLINE_MAX_WORDS = 18;
/** Headlines and teasers are cut short; a longer line is a paragraph. */
const RUN_LINE_MAX_CHARS = 300;
/**
 * Above this share of its words found in the article, a line belongs to the article. Measured on
 * real pages: appended headlines share 0–15% of their content words with the article above them;
 * article paragraphs share about 35% (median) with the text before them.
 */
const LINE_MAX_OVERLAP = 0.25;
/** The run as a whole must be this unlike the article. */
const RUN_MAX_MEAN_OVERLAP = 0.15;
/** At least this share of the run has no final punctuation (headlines, truncated teasers). */
const MIN_UNPUNCTUATED_SHARE = 0.5;
const MIN_RUN_LINES = 2;
/** Too little article to compare with: leave the text alone. */
const MIN_BODY_WORDS = 25;

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** The word lowercased, without a possessive ending ('s, ’s, s') and, when long, without a plural s. */
function stem(word: string): string {
  let lower = word.toLowerCase();
  const last = lower.charCodeAt(lower.length - 1);
  if (isApostrophe(last)) lower = lower.slice(0, -1);
  else if (last === 0x73 && isApostrophe(lower.charCodeAt(lower.length - 2))) lower = lower.slice(0, -2);
  if (lower.length > 4 && lower.endsWith('s') && !lower.endsWith('ss')) lower = lower.slice(0, -1);
  return lower;
}

const WORD_START = 1;
const WORD_PART = 2;
const OTHER = 0;
const wordClassCache = new Map<number, number>();

/** Whether a code point starts a word (a letter), continues one (a mark, an apostrophe, a hyphen) or neither. */
function wordClass(point: number): number {
  if (point < 0x80) {
    if ((point >= 0x61 && point <= 0x7a) || (point >= 0x41 && point <= 0x5a)) return WORD_START;
    return point === 0x27 || point === 0x2d ? WORD_PART : OTHER;
  }
  let cls = wordClassCache.get(point);
  if (cls === undefined) {
    const char = String.fromCodePoint(point);
    cls = LETTER.test(char) ? WORD_START : point === 0x2019 || MARK.test(char) ? WORD_PART : OTHER;
    wordClassCache.set(point, cls);
  }
  return cls;
}

/**
 * The distinct content words of a line, lowercased and lightly stemmed. A word is a letter
 * followed by letters, marks, apostrophes and hyphens; a hand-written scan, since this reads
 * every line of every article.
 */
export function contentWords(text: string, functionWords: Set<string>): Set<string> {
  const words = new Set<string>();
  let at = 0;
  while (at < text.length) {
    const point = text.codePointAt(at) as number;
    const width = point > 0xffff ? 2 : 1;
    if (wordClass(point) !== WORD_START) {
      at += width;
      continue;
    }
    let end = at + width;
    while (end < text.length) {
      const next = text.codePointAt(end) as number;
      if (wordClass(next) === OTHER) break;
      end += next > 0xffff ? 2 : 1;
    }
    const word = stem(text.slice(at, end));
    if (word.length >= 3 && !functionWords.has(word)) words.add(word);
    at = end;
  }
  return words;
}

function endsSentence(line: Line): boolean {
  return SENTENCE_END.test(line.text);
}

function wordCount(line: Line): number {
  return line.text.split(/\s+/).length;
}

/** Share of a line's words that some line before `bodyEnd` has (`firstLineOf`: the first line with each word); null without words. */
function overlap(words: Set<string>, firstLineOf: Map<string, number>, bodyEnd: number): number | null {
  if (words.size === 0) return null;
  let shared = 0;
  for (const word of words) if ((firstLineOf.get(word) ?? Infinity) < bodyEnd) shared++;
  return shared / words.size;
}

/** Edits deleting the appended-headline run at the end of `text` (tidy text: one line per paragraph), if there is one. */
export function appendedHeadlineEdits(text: string): Edit[] {
  const lines = linesOf(text).filter((line) => line.text.length > 0);
  if (lines.length < MIN_RUN_LINES + 1) return [];

  // The candidate run: lines without final punctuation, and teasers that end in one right below such a line.
  let runStart = lines.length;
  while (runStart > 1) {
    const line = lines[runStart - 1];
    const above = lines[runStart - 2];
    const isTeaserBelowHeadline = !endsSentence(above) && wordCount(above) <= HEADLINE_MAX_WORDS;
    if (line.text.length > RUN_LINE_MAX_CHARS || (endsSentence(line) && !isTeaserBelowHeadline)) break;
    runStart--;
  }
  if (lines.length - runStart < MIN_RUN_LINES) return [];

  const functionWords = boilerplatePatterns().functionWords;
  const words = lines.map((line) => contentWords(line.text, functionWords));
  const firstLineOf = new Map<string, number>();
  words.forEach((set, index) => {
    for (const word of set) if (!firstLineOf.has(word)) firstLineOf.set(word, index);
  });

  // A line like the article cannot be appended, nor can anything above it: the run starts after it.
  let changed = true;
  while (changed && runStart < lines.length) {
    changed = false;
    for (let index = lines.length - 1; index >= runStart; index--) {
      if ((overlap(words[index], firstLineOf, runStart) ?? 0) > LINE_MAX_OVERLAP) {
        runStart = index + 1;
        changed = true;
        break;
      }
    }
  }
  const run = lines.slice(runStart);
  const unpunctuated = run.filter((line) => !endsSentence(line)).length;
  if (run.length < MIN_RUN_LINES || unpunctuated < run.length * MIN_UNPUNCTUATED_SHARE) return [];
  // One heading over a closing paragraph is the article's own ending; a teaser list has more, or ends cut off.
  if (unpunctuated < 2 && endsSentence(run[run.length - 1])) return [];

  let bodyWords = 0;
  for (let index = 0; index < runStart; index++) bodyWords += words[index].size;
  if (bodyWords < MIN_BODY_WORDS) return [];
  const overlaps = run.map((_, offset) => overlap(words[runStart + offset], firstLineOf, runStart)).filter((value): value is number => value !== null);
  const mean = overlaps.length === 0 ? 0 : overlaps.reduce((sum, value) => sum + value, 0) / overlaps.length;
  if (mean > RUN_MAX_MEAN_OVERLAP) return [];

  return [{ start: lines[runStart].start, end: text.length, removed: 'appended-headlines' }];
}
