// Finds section headings and the title line in cleaned text by their shape, so sentences never run through them.
import type { Heading } from '../doc/types.ts';
import type { Line } from './mapped-text.ts';
import { linesOf } from './mapped-text.ts';
import { boilerplatePatterns } from './boilerplate-patterns.ts';

/** What the source said a line was (Markdown heading, list item, table row), if anything. */
export type LineKind = 'heading' | 'list-item' | 'table-row' | null;

export interface HeadingResult {
  headings: Heading[];
  title: string | null;
}

const TITLE_MAX_WORDS = 25;
const TITLE_MAX_CHARS = 200;
const HEADING_MAX_WORDS = 12;
const HEADING_MAX_CHARS = 100;
/** A line this short needs no title case to be a heading ("Lazy bag", "Background"). */
const BARE_HEADING_MAX_WORDS = 3;
const TITLE_CASE_MIN_SHARE = 0.6;
const SECTION_HEADING_MAX_WORDS = 5;

/** Lines ending like a sentence or a clause are not headings; a question may be. */
const CLAUSE_END = /[.,;:!\u2026]["'\u201D\u2019)\]]*$/u;
const QUESTION_END = /\?["'\u201D\u2019)\]]*$/u;
const HAS_LETTER = /\p{L}/u;
const CAPITALISED = /^["'\u201C\u2018(]*[\p{Lu}\p{N}]/u;
const WORD = /[^\s]+/g;

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Share of the non-function words that are capitalised. */
function titleCaseShare(words: string[]): number {
  const functionWords = boilerplatePatterns().functionWords;
  const significant = words.filter((word) => HAS_LETTER.test(word) && !functionWords.has(word.toLowerCase()));
  if (significant.length === 0) return 0;
  return significant.filter((word) => CAPITALISED.test(word)).length / significant.length;
}

function opensSection(text: string): boolean {
  const lower = text.toLowerCase();
  return boilerplatePatterns().sectionHeadingOpenings.some(
    (opening) => lower.startsWith(opening) && (lower.length === opening.length || !/\p{L}/u.test(lower[opening.length])),
  );
}

function looksLikeTitle(line: Line): boolean {
  if (line.text.length > TITLE_MAX_CHARS) return false;
  const words = wordsOf(line.text);
  return words.length <= TITLE_MAX_WORDS && line.text.length <= TITLE_MAX_CHARS && HAS_LETTER.test(line.text) && !CLAUSE_END.test(line.text);
}

function looksLikeHeading(line: Line): boolean {
  if (line.text.length > HEADING_MAX_CHARS) return false;
  const words = wordsOf(line.text);
  if (words.length > HEADING_MAX_WORDS || line.text.length > HEADING_MAX_CHARS || !HAS_LETTER.test(line.text)) return false;
  if (CLAUSE_END.test(line.text)) return false;
  const titleCase = titleCaseShare(words) >= TITLE_CASE_MIN_SHARE;
  if (QUESTION_END.test(line.text)) return titleCase;
  return opensSection(line.text) || titleCase || words.length <= BARE_HEADING_MAX_WORDS;
}

/**
 * Headings of tidy `text` (one line per paragraph): lines the source marked as headings, the
 * first line when it reads as a title (also returned as `title`), and short title-case or
 * template-section lines without final punctuation that have text after them.
 */
export function findHeadings(text: string, kindOf: (line: Line) => LineKind): HeadingResult {
  const lines = linesOf(text).filter((line) => line.text.length > 0);
  const headings: Heading[] = [];
  let title: string | null = null;
  lines.forEach((line, index) => {
    const kind = kindOf(line);
    if (kind === 'list-item' || kind === 'table-row') return;
    const isLast = index === lines.length - 1;
    let isHeading = kind === 'heading';
    if (index === 0 && !isLast && (isHeading || looksLikeTitle(line))) {
      isHeading = true;
      // "Key Takeaways" opens a template; "Introduction to the Conflict" too. A longer line is a real title.
      if (!(opensSection(line.text) && wordsOf(line.text).length <= SECTION_HEADING_MAX_WORDS)) title = line.text;
    } else if (!isHeading && !isLast) {
      isHeading = looksLikeHeading(line);
    }
    if (isHeading) headings.push({ start: line.start, end: line.end, text: line.text });
  });
  return { headings, title };
}
