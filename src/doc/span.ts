// Spans are always cut from the text they point into, so the offset invariant holds by construction.
import type { Span } from './types.ts';

/** The span of `text` from `start` to `end` (half-open). */
export function spanOf(text: string, start: number, end: number): Span {
  if (start < 0 || end > text.length || start > end) {
    throw new RangeError(`span ${start}..${end} is outside a text of length ${text.length}`);
  }
  return { start, end, text: text.slice(start, end) };
}
