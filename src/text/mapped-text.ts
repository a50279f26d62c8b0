// Text that remembers where each character came from: cleaning passes edit it and the map to the source composes.
import type { RemovedText, SourceSegment } from '../doc/types.ts';
import { isInOrder } from './order.ts';

/** A text with segments mapping every run of it back to the original source (or to nothing, for generated text). */
export interface MappedText {
  text: string;
  /** Contiguous, sorted, covering [0, text.length) exactly. */
  segments: SourceSegment[];
}

/** A piece of replacement text: a generated string, or a copy of a range of the text being edited (keeps its mapping). */
export type Piece = string | { from: number; to: number };

/** Replace text[start..end) with `insert` (nothing: delete). `start === end` inserts. */
export interface Edit {
  start: number;
  end: number;
  insert?: Piece[];
  /** Record the (whitespace-trimmed) deleted stretch in `removed` under this kind. */
  removed?: RemovedText['kind'];
}

/** A text that is its own source. */
export function identityText(text: string): MappedText {
  return { text, segments: text.length > 0 ? [{ textStart: 0, sourceStart: 0, length: text.length }] : [] };
}

/** Index of the segment containing text offset `offset` (segments must be non-empty and offset < text length). */
function segmentIndexAt(segments: SourceSegment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[middle].textStart <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Source offset of the character at text offset `offset`, or null when that character was generated. */
export function sourceOffsetAt(mapped: MappedText, offset: number): number | null {
  if (offset < 0 || offset >= mapped.text.length) return null;
  const segment = mapped.segments[segmentIndexAt(mapped.segments, offset)];
  return segment.sourceStart === null ? null : segment.sourceStart + (offset - segment.textStart);
}

/** The source range covered by the mapped characters of text[start..end), or null when all of them were generated. */
export function sourceRangeOf(mapped: MappedText, start: number, end: number): { start: number; end: number } | null {
  if (start >= end) return null;
  const segments = mapped.segments;
  let first: number | null = null;
  let last: number | null = null;
  for (let index = segmentIndexAt(segments, start); index < segments.length; index++) {
    const segment = segments[index];
    if (segment.textStart >= end) break;
    if (segment.sourceStart === null) continue;
    const from = Math.max(start, segment.textStart);
    const to = Math.min(end, segment.textStart + segment.length);
    if (from >= to) continue;
    if (first === null) first = segment.sourceStart + (from - segment.textStart);
    last = segment.sourceStart + (to - segment.textStart);
  }
  return first === null || last === null ? null : { start: first, end: last };
}

class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly segments: SourceSegment[] = [];
  private length = 0;

  constructor(private readonly from: MappedText) {}

  copy(start: number, end: number): void {
    if (start >= end) return;
    this.parts.push(this.from.text.slice(start, end));
    const segments = this.from.segments;
    for (let index = segmentIndexAt(segments, start); index < segments.length; index++) {
      const segment = segments[index];
      if (segment.textStart >= end) break;
      const runStart = Math.max(start, segment.textStart);
      const runEnd = Math.min(end, segment.textStart + segment.length);
      if (runStart >= runEnd) continue;
      const sourceStart = segment.sourceStart === null ? null : segment.sourceStart + (runStart - segment.textStart);
      this.push(sourceStart, runEnd - runStart);
    }
  }

  generate(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.push(null, text.length);
  }

  private push(sourceStart: number | null, length: number): void {
    const previous = this.segments[this.segments.length - 1];
    if (previous !== undefined) {
      const continues =
        previous.sourceStart === null ? sourceStart === null : sourceStart === previous.sourceStart + previous.length;
      if (continues) {
        previous.length += length;
        this.length += length;
        return;
      }
    }
    this.segments.push({ textStart: this.length, sourceStart, length });
    this.length += length;
  }

  build(): MappedText {
    return { text: this.parts.join(''), segments: this.segments };
  }
}

const EDGE_SPACE = /^\s+|\s+$/g;

/** Edits by start; at the same start, shorter first (an insertion before the deletion that follows it). */
function compareEdits(a: Edit, b: Edit): number {
  return a.start - b.start || a.end - a.start - (b.end - b.start);
}

/**
 * Applies `edits` (any order; overlapping deletions merge, any other edit overlapping an
 * earlier-starting one is dropped) and returns
 * the new text, whose map still points into the original source. Deleted stretches with a
 * `removed` kind are appended to `removedOut` with their source range.
 */
export function applyEdits(mapped: MappedText, edits: Edit[], source: string, removedOut: RemovedText[]): MappedText {
  if (edits.length === 0) return mapped;
  // Passes mostly produce their edits in order already; sorting a copy allocates, so it is done only when needed.
  const ordered = isInOrder(edits, compareEdits) ? edits : [...edits].sort(compareEdits);
  const builder = new MappedTextBuilder(mapped);
  let position = 0;
  let lastWasDeletion = false;
  for (const edit of ordered) {
    const isDeletion = edit.insert === undefined || edit.insert.length === 0;
    if (edit.start < position) {
      // Overlapping deletions merge into their union; any other overlapping edit is dropped.
      if (isDeletion && lastWasDeletion && edit.end > position) {
        if (edit.removed !== undefined) recordRemoval(mapped, edit, source, removedOut);
        position = edit.end;
      }
      continue;
    }
    lastWasDeletion = isDeletion;
    builder.copy(position, edit.start);
    if (edit.removed !== undefined) recordRemoval(mapped, edit, source, removedOut);
    for (const piece of edit.insert ?? []) {
      if (typeof piece === 'string') builder.generate(piece);
      else builder.copy(piece.from, piece.to);
    }
    position = edit.end;
  }
  builder.copy(position, mapped.text.length);
  return builder.build();
}

function recordRemoval(mapped: MappedText, edit: Edit, source: string, removedOut: RemovedText[]): void {
  const deleted = mapped.text.slice(edit.start, edit.end);
  const trimmed = deleted.replace(EDGE_SPACE, '');
  if (trimmed.length === 0 || edit.removed === undefined) return;
  const leading = deleted.length - deleted.trimStart().length;
  const range = sourceRangeOf(mapped, edit.start + leading, edit.start + leading + trimmed.length);
  if (range === null) return;
  removedOut.push({ kind: edit.removed, sourceStart: range.start, sourceEnd: range.end, text: source.slice(range.start, range.end) });
}

/** One line of a text: [start, end) without its line break. */
export interface Line {
  start: number;
  end: number;
  text: string;
}

// Consecutive passes often read the lines of the same text (the passes between them changed nothing).
let lastLines: { text: string; lines: readonly Line[] } | null = null;

/** The lines of `text` (split on '\n'), with offsets. */
export function linesOf(text: string): readonly Line[] {
  if (lastLines !== null && lastLines.text === text) return lastLines.lines;
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lines.push({ start, end, text: text.slice(start, end) });
    start = end + 1;
  }
  lastLines = { text, lines };
  return lines;
}

/** An edit deleting a whole line together with its line break. */
export function deleteLine(text: string, line: Line, kind: RemovedText['kind']): Edit {
  return { start: line.start, end: line.end < text.length ? line.end + 1 : line.end, removed: kind };
}
