// Cleans a raw document's content into the text every stage reads, keeping an exact map back to the source.
import type { DocMeta, Heading, Message, RawDocument, RemovedText, SourceSegment } from '../doc/types.ts';
import { appendedHeadlineEdits } from './appended-headlines.ts';
import { furnitureEdits, gluedWidgetEdits, paragraphGlueEdits } from './boilerplate.ts';
import { emojiEdits } from './emoji.ts';
import { findHeadings, type LineKind } from './headings.ts';
import { type Line, type MappedText, applyEdits, identityText, sourceOffsetAt, sourceRangeOf } from './mapped-text.ts';
import { markdownBlockEdits, markdownInlineEdits } from './markdown.ts';
import { normalizationEdits } from './normalize.ts';
import { softWrapEdits } from './line-wraps.ts';
import { whitespaceEdits } from './whitespace.ts';
import { isInOrder } from './order.ts';

export interface CleanResult {
  text: string;
  /** Maps `text` back to `raw.content`; generated text has sourceStart null. */
  sourceMap: SourceSegment[];
  removed: RemovedText[];
  headings: Heading[];
  /** What the text itself says about the article: byline, source, title. */
  meta: Partial<DocMeta>;
  messages: Message[];
}

/** Warn when cleaning removed more than this share of a long text: the rules may have misfired. */
const HEAVY_REMOVAL_SHARE = 0.6;
const HEAVY_REMOVAL_MIN_CHARS = 500;
const SOURCE_LINE_BREAK = /\r\n?|\n/g;

/** Offsets where each line of `source` starts. */
function lineStartsOf(source: string): number[] {
  const starts = [0];
  SOURCE_LINE_BREAK.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SOURCE_LINE_BREAK.exec(source)) !== null) starts.push(match.index + match[0].length);
  return starts;
}

function lineIndexOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** What the source said the line of cleaned text was, from the source line its first mapped character is on. */
function sourceLineKind(mapped: MappedText, line: Line, lineStarts: number[], kindBySourceLine: Map<number, LineKind>): LineKind {
  const range = sourceRangeOf(mapped, line.start, line.end);
  return range === null ? null : (kindBySourceLine.get(lineIndexOf(lineStarts, range.start)) ?? null);
}

function bySourceStart(a: RemovedText, b: RemovedText): number {
  return a.sourceStart - b.sourceStart;
}

/**
 * The cleaned text of `raw.content`: Unicode normalised, hard-wrapped lines joined, Markdown
 * markup stripped (tables become one sentence per row), emoji and page furniture removed
 * (bylines, datelines, reference footers, share widgets, captions, credits, appended headlines),
 * one paragraph per line. Also returns the source map, what was removed, the headings, and the
 * byline/source/title the text names.
 *
 * Pass order matters: glued-page widgets are found before the glued paragraphs are split apart;
 * line furniture is judged on tidy lines; appended headlines last, once footers are gone.
 */
export function cleanText(raw: RawDocument): CleanResult {
  const source = raw.content;
  const removed: RemovedText[] = [];
  const full = raw.format !== 'text';
  let mapped: MappedText = identityText(source);
  mapped = applyEdits(mapped, normalizationEdits(mapped.text), source, removed);
  mapped = applyEdits(mapped, softWrapEdits(mapped.text), source, removed);

  const block = markdownBlockEdits(mapped.text, { full });
  const lineStarts = lineStartsOf(source);
  const kindBySourceLine = new Map<number, LineKind>();
  for (const mark of block.marks) {
    const at = sourceOffsetAt(mapped, mark.at);
    if (at !== null) kindBySourceLine.set(lineIndexOf(lineStarts, at), mark.kind);
  }
  mapped = applyEdits(mapped, block.edits, source, removed);
  mapped = applyEdits(mapped, markdownInlineEdits(mapped.text, { full }), source, removed);
  mapped = applyEdits(mapped, emojiEdits(mapped.text), source, removed);
  mapped = applyEdits(mapped, gluedWidgetEdits(mapped.text), source, removed);
  mapped = applyEdits(mapped, paragraphGlueEdits(mapped.text), source, removed);
  mapped = applyEdits(mapped, whitespaceEdits(mapped.text), source, removed);

  // Tidying whitespace again is needed only after a pass that changed the text: tidy text stays tidy.
  const furniture = furnitureEdits(mapped.text);
  if (furniture.edits.length > 0) {
    mapped = applyEdits(mapped, furniture.edits, source, removed);
    mapped = applyEdits(mapped, whitespaceEdits(mapped.text), source, removed);
  }
  const appended = appendedHeadlineEdits(mapped.text);
  if (appended.length > 0) {
    mapped = applyEdits(mapped, appended, source, removed);
    mapped = applyEdits(mapped, whitespaceEdits(mapped.text), source, removed);
  }

  const final = mapped;
  const { headings, title } = findHeadings(final.text, (line) => sourceLineKind(final, line, lineStarts, kindBySourceLine));

  const meta: Partial<DocMeta> = {};
  if (furniture.byline !== null) meta.byline = furniture.byline;
  if (furniture.source !== null) meta.source = furniture.source;
  if (title !== null) meta.title = title;

  const messages: Message[] = [];
  if (source.length >= HEAVY_REMOVAL_MIN_CHARS && final.text.length < source.length * (1 - HEAVY_REMOVAL_SHARE)) {
    messages.push({
      rule: 'text:heavy-cleaning',
      reason: `cleaning kept only ${Math.round((100 * final.text.length) / source.length)}% of the text`,
      severity: 'warning',
    });
  }
  if (!isInOrder(removed, bySourceStart)) removed.sort(bySourceStart);
  return { text: final.text, sourceMap: final.segments, removed, headings, meta, messages };
}
