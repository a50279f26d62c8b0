// Unicode normalisation as edits: NFC, one kind of space and line break, no invisible characters; the map stays exact.
import type { Edit } from './mapped-text.ts';

/*
 * Characters that change: odd spaces become a plain space; CR/LS/PS/NEL become '\n' (a CR
 * before LF just goes); soft hyphens, zero-width spaces, word joiners and BOMs go; a zero-width
 * joiner survives only inside an emoji sequence (the emoji pass removes those).
 */
const ODD_CHARACTER =
  /\r\n?|[\u2028\u2029\u0085]|[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]|[\u00AD\u200B\u200C\u200E\u200F\u2060\uFEFF]|(?<![\p{Extended_Pictographic}\p{EMod}\uFE0F])\u200D/gu;
/**
 * Anything that NFC could change: combining marks and the few precomposed characters that have
 * singleton decompositions. Matched on UTF-16 code units (no `u` flag), which is several times
 * faster and finds the same texts: an astral character's high surrogate is outside the kept ranges.
 */
const MAYBE_NOT_NFC = /[\u0300-\u036F\u0340-\u0344\u0374\u037E\u0387\u1DC0-\u1DFF\u20D0-\u20FF\u2126\u212A\u212B\u3099\u309A\uF900-\uFAFF\uFE20-\uFE2F]|[^\u0000-\u02FF\u2000-\u27FF]/;
/** A cheap first look for any character the pattern above could change. */
const MAYBE_ODD = /[\r\u2028\u2029\u0085\t\v\f\u00A0\u1680\u2000-\u200F\u202F\u205F\u3000\u00AD\u2060\uFEFF]/;
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
const SPACE_LIKE = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;

/** Edits that normalise `text` (see above); unchanged text keeps its mapping. */
export function normalizationEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  if (MAYBE_ODD.test(text)) {
    ODD_CHARACTER.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = ODD_CHARACTER.exec(text)) !== null) {
      const value = match[0];
      const start = match.index;
      if (value === '\r\n') edits.push({ start, end: start + 1 });
      else if (value === '\r' || value === '\u2028' || value === '\u2029' || value === '\u0085') edits.push({ start, end: start + 1, insert: ['\n'] });
      else if (SPACE_LIKE.test(value)) edits.push({ start, end: start + value.length, insert: [' '] });
      else edits.push({ start, end: start + value.length });
    }
  }
  if (MAYBE_NOT_NFC.test(text) && text.normalize('NFC') !== text) edits.push(...compositionEdits(text));
  return edits;
}

/** Replaces each base-plus-marks cluster that NFC changes with its composed form (as generated text). */
function compositionEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  CLUSTER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CLUSTER.exec(text)) !== null) {
    const cluster = match[0];
    const composed = cluster.normalize('NFC');
    if (composed !== cluster) edits.push({ start: match.index, end: match.index + cluster.length, insert: [composed] });
  }
  return edits;
}
