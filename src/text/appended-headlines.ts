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
const CONTENT_WORD = /\p{L}[\p{L}\p{M}'\u2019-]*/gu;
const POSSESSIVE = /['\u2019]s?$/u;
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

function stem(word: string): string {
  let lower = word.toLowerCase().replace(POSSESSIVE, '');
  if (lower.length > 4 && lower.endsWith('s') && !lower.endsWith('ss')) lower = lower.slice(0, -1);
  return lower;
}

/** The distinct content words of a line, lowercased and lightly stemmed. */
export function contentWords(text: string, functionWords: Set<string>): Set<string> {
  const words = new Set<string>();
  CONTENT_WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CONTENT_WORD.exec(text)) !== null) {
    const word = stem(match[0]);
    if (word.length >= 3 && !functionWords.has(word)) words.add(word);
  }
  return words;
}

function endsSentence(line: Line): boolean {
  return SENTENCE_END.test(line.text);
}

function wordCount(line: Line): number {
  return line.text.split(/\s+/).length;
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
  const overlap = (index: number, bodyEnd: number): number | null => {
    const set = words[index];
    if (set.size === 0) return null;
    let shared = 0;
    for (const word of set) if ((firstLineOf.get(word) ?? Infinity) < bodyEnd) shared++;
    return shared / set.size;
  };

  // A line like the article cannot be appended, nor can anything above it: the run starts after it.
  let changed = true;
  while (changed && runStart < lines.length) {
    changed = false;
    for (let index = lines.length - 1; index >= runStart; index--) {
      if ((overlap(index, runStart) ?? 0) > LINE_MAX_OVERLAP) {
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
  const overlaps = run.map((_, offset) => overlap(runStart + offset, runStart)).filter((value): value is number => value !== null);
  const mean = overlaps.length === 0 ? 0 : overlaps.reduce((sum, value) => sum + value, 0) / overlaps.length;
  if (mean > RUN_MAX_MEAN_OVERLAP) return [];

  return [{ start: lines[runStart].start, end: text.length, removed: 'appended-headlines' }];
}
