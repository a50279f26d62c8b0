// Finds emoji (with skin tones, joiners, variation selectors, flags, keycaps) so cleaning can keep them out of sentences.
import type { Edit } from './mapped-text.ts';

// ©, ® and ™ are pictographs to Unicode but ordinary text unless an emoji selector follows.
const EMOJI_UNIT = String.raw`(?:[#*0-9]\uFE0F?\u20E3|\p{RI}|(?![\u00A9\u00AE\u2122])\p{Extended_Pictographic}|[\u00A9\u00AE\u2122]\uFE0F|\p{EMod})`;
const EMOJI_RUN = String.raw`${EMOJI_UNIT}(?:[\uFE0E\uFE0F\u200D]*${EMOJI_UNIT})*[\uFE0E\uFE0F\u200D]*`;
const EMOJI = new RegExp(String.raw`${EMOJI_RUN}(?: *${EMOJI_RUN})*`, 'gu');
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** Blocks that hold every emoji (and some other symbols): a cheap first look before the exact pattern. */
const MAYBE_EMOJI = /[\u00A9\u00AE\u203C\u2049\u2122\u2139\u2194-\u21AA\u231A-\u23FF\u24C2\u25AA-\u27BF\u2934\u2935\u2B05-\u2B55\u3030\u303D\u3297\u3299\u20E3\uD83C-\uD83E]/g;
/**
 * One span covering all of MAYBE_EMOJI's blocks but the punctuation every article has (dashes,
 * curly quotes, ellipses at U+2000–U+203B): a single range is tested far faster than many, so
 * most texts are cleared by it alone.
 */
const MAYBE_EMOJI_SPAN = /[\u00A9\u00AE\u203C-\u3299\uD83C-\uD83E]/g;

/**
 * Edits removing every emoji run together with the space that would be left dangling:
 * "week 🛫, fresh" → "week, fresh"; "🔥 Big news" → "Big news"; "a 🔥 b" → "a b".
 */
export function emojiEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  MAYBE_EMOJI_SPAN.lastIndex = 0;
  const candidate = MAYBE_EMOJI_SPAN.exec(text);
  if (candidate === null) return edits;
  MAYBE_EMOJI.lastIndex = candidate.index;
  const first = MAYBE_EMOJI.exec(text);
  if (first === null) return edits;
  // A keycap's base character comes one or two code units before its U+20E3.
  EMOJI.lastIndex = Math.max(0, first.index - 2);
  let match: RegExpExecArray | null;
  while ((match = EMOJI.exec(text)) !== null) {
    let start = match.index;
    let end = start + match[0].length;
    const emojiStart = start;
    while (start > 0 && text[start - 1] === ' ') start--;
    while (end < text.length && text[end] === ' ') end++;
    const before = text.slice(start, emojiStart);
    const after = text.slice(emojiStart + match[0].length, end);
    const atLineStart = start === 0 || text[start - 1] === '\n';
    const atLineEnd = end === text.length || text[end] === '\n';
    const precededByWord = start > 0 && WORD_CHARACTER.test(text[start - 1]);
    const followedByWord = end < text.length && WORD_CHARACTER.test(text[end]);
    // Keep one space between two words that the emoji separated; otherwise the punctuation or line edge follows directly.
    const keepsSpace = !atLineStart && !atLineEnd && (before.length > 0 || after.length > 0) && followedByWord;
    const gluesWords = precededByWord && followedByWord && before.length === 0 && after.length === 0;
    if (keepsSpace && after.length > 0) {
      edits.push({ start, end: end - after.length, removed: 'emoji' });
    } else if (keepsSpace || gluesWords) {
      edits.push({ start, end, insert: [' '], removed: 'emoji' });
    } else {
      edits.push({ start, end, removed: 'emoji' });
    }
  }
  return edits;
}
