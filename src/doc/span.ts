// Spans are always cut from the text they point into, so the offset invariant holds by construction.
import type { Span } from './types.ts';

/** The span of `text` from `start` to `end` (half-open). */
export function spanOf(text: string, start: number, end: number): Span {
  if (start < 0 || end > text.length || start > end) {
    throw new RangeError(`span ${start}..${end} is outside a text of length ${text.length}`);
  }
  return { start, end, text: text.slice(start, end) };
}

/** Index of the first span ending after `offset` in spans sorted by position (binary search); `spans.length` when none does. */
export function spanIndexAt(spans: readonly { end: number }[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle].end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The span of sorted, non-overlapping `spans` (e.g. sentences) that holds `offset`, or null. */
export function spanAt<T extends { start: number; end: number }>(spans: readonly T[], offset: number): T | null {
  const span = spans[spanIndexAt(spans, offset)];
  return span !== undefined && span.start <= offset ? span : null;
}

/** Index of the first span starting at or after `offset` in spans sorted by start (binary search); `spans.length` when none does. */
export function spanIndexFrom(spans: readonly { start: number }[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
