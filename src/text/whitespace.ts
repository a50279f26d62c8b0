// Tidies whitespace as edits: one space between words, one line break between paragraphs, nothing at the edges.
import type { Edit } from './mapped-text.ts';

/** A run of two or more spaces/line breaks; a single one at an edge of the text is handled apart. */
const UNTIDY = /[ \n]{2,}/g;
const BLANK = /^[ \n]$/;

/** Edits that trim lines, drop blank lines and collapse space runs; the separator kept from each run stays mapped. */
export function whitespaceEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const last = text.length - 1;
  if (text.length > 0 && BLANK.test(text[0]) && !BLANK.test(text[1] ?? '')) edits.push({ start: 0, end: 1 });
  if (last > 0 && BLANK.test(text[last]) && !BLANK.test(text[last - 1])) edits.push({ start: last, end: text.length });
  UNTIDY.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = UNTIDY.exec(text)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    if (start === 0 || end === text.length) {
      edits.push({ start, end });
      continue;
    }
    // Keep the run's first line break if it has one (a paragraph ends), else its first space.
    const lineBreak = match[0].indexOf('\n');
    const kept = lineBreak >= 0 ? start + lineBreak : start;
    if (kept > start) edits.push({ start, end: kept });
    if (kept + 1 < end) edits.push({ start: kept + 1, end });
  }
  return edits;
}
