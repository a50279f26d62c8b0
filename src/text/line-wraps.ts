// Joins lines that were wrapped for width (hard-wrapped plain text or Markdown), so that a line is a paragraph.
import type { Edit, Line } from './mapped-text.ts';
import { linesOf } from './mapped-text.ts';

/** A line that opens its own block: bullet, numbered item, heading, table row, quote, fence or rule. */
const BLOCK_START = /^\s*(?:[-*+\u2022\u25CF\u25AA\u25E6\u2023\u00B7]\s|\d{1,3}[.)]\s|#{1,6}\s|\||>|`{3}|~{3}|(?:[-*_=]\s*){3,}$)/u;
/** A wrapped line may begin with a dash that continues the sentence ("- causing …"), unlike a bullet. */
const DASH_CONTINUATION = /^\s*[-\u2013\u2014]\s+\p{Ll}/u;
/** Lines that are never continued: headings, fences, rules. A list item may be. */
const OWN_LINE = /^\s*(?:#{1,6}\s|`{3}|~{3}|(?:[-*_=]\s*){3,}$)/u;
const SENTENCE_END = /[.!?:;\u2026]["'\u201D\u2019)\]]*$/u;

/*
 * Decided by shape for every format: many Markdown files in the wild separate paragraphs by a
 * single line break, so CommonMark's "a single break is a space" would merge them. Text counts
 * as hard-wrapped when its lines are all short (the 95th-percentile length is
 * at most WRAP_MAX_WIDTH), and most lines that run on into another line both reach near that
 * width and stop mid-sentence. One-paragraph-per-line articles have long lines and fail the
 * first test; lists of short complete sentences fail the last.
 */
const WRAP_MAX_WIDTH = 100;
const MIN_RUN_ON_LINES = 4;
const NEAR_WIDTH = 0.7;
const MIN_NEAR_WIDTH_SHARE = 0.6;
const MIN_MID_SENTENCE_SHARE = 0.5;

function isBlank(line: Line | undefined): boolean {
  return line === undefined || line.text.trim().length === 0;
}

function wrapWidth(lines: readonly Line[]): number | null {
  const lengths = lines.filter((line) => !isBlank(line)).map((line) => line.text.trimEnd().length).sort((a, b) => a - b);
  if (lengths.length === 0) return null;
  const width = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.95))];
  return width <= WRAP_MAX_WIDTH ? width : null;
}

function looksHardWrapped(lines: readonly Line[], width: number): boolean {
  const runOn = lines.filter((line, index) => !isBlank(line) && !isBlank(lines[index + 1]) && !BLOCK_START.test(lines[index + 1].text));
  if (runOn.length < MIN_RUN_ON_LINES) return false;
  const nearWidth = runOn.filter((line) => line.text.trimEnd().length >= width * NEAR_WIDTH).length;
  const midSentence = runOn.filter((line) => !SENTENCE_END.test(line.text.trimEnd())).length;
  return nearWidth >= runOn.length * MIN_NEAR_WIDTH_SHARE && midSentence >= runOn.length * MIN_MID_SENTENCE_SHARE;
}

/** Edits replacing the line breaks of hard-wrapped paragraphs with a (generated) space. */
export function softWrapEdits(text: string): Edit[] {
  const lines = linesOf(text);
  const width = wrapWidth(lines);
  if (width === null || !looksHardWrapped(lines, width)) return [];
  const edits: Edit[] = [];
  for (let index = 0; index + 1 < lines.length; index++) {
    const line = lines[index];
    const next = lines[index + 1];
    if (isBlank(line) || isBlank(next) || OWN_LINE.test(line.text)) continue;
    if (BLOCK_START.test(next.text) && !DASH_CONTINUATION.test(next.text)) continue;
    // Table rows (with or without outer pipes) are lines of their own.
    if (line.text.includes('|') || next.text.includes('|')) continue;
    const endsSentence = SENTENCE_END.test(line.text.trimEnd());
    // A wrapped line reaches near the width. After a full stop, a short unpunctuated line with text below it is a heading.
    if (line.text.trimEnd().length < width * NEAR_WIDTH || (endsSentence && isStandaloneShortLine(lines, index + 1, width))) continue;
    edits.push({ start: line.end, end: line.end + 1, insert: [' '] });
  }
  return edits;
}

/** A short line without final punctuation that another line follows: a heading, not the end of a paragraph. */
function isStandaloneShortLine(lines: readonly Line[], index: number, width: number): boolean {
  const text = lines[index].text.trimEnd();
  return text.length < width * NEAR_WIDTH && !SENTENCE_END.test(text) && !isBlank(lines[index + 1]);
}
