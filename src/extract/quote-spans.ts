// Finds quoted passages by pairing quote-mark tokens per paragraph, continuing newspaper-style quotes across paragraphs.
import type { Token } from '../doc/types.ts';

/** A stretch of quoted words inside one paragraph, without the marks. */
export interface QuotePiece {
  start: number;
  end: number;
}

export interface QuotePassage {
  kind: 'double' | 'single';
  /** Token index of the opening mark. */
  openToken: number;
  /** Token index of the closing mark, or -1 when the quote runs unclosed to the end of its paragraph. */
  closeToken: number;
  /** Last token of the passage: the closing mark, or the paragraph's last token when unclosed. */
  lastToken: number;
  /** Offset of the opening mark. */
  start: number;
  /** Offset just past the passage's last token. */
  end: number;
  /** The quoted words, one piece per paragraph the quote runs through. */
  pieces: QuotePiece[];
}

type MarkRole = 'open' | 'close' | 'either' | 'none';

/** Single marks double as apostrophes, so a single-quoted passage is sought no further than a long sentence. */
const MAX_SINGLE_QUOTE_TOKENS = 120;

const LINE_BREAKS = new Set([0x0a, 0x0d, 0x2028, 0x2029]);
const BEFORE_OPENING = /[\s([{\u2014\u2013\-/]/u;
const AFTER_CLOSING = /[\s.,;:!?)\]}\u2014\u2013\-/]/u;

function straightRole(text: string, at: number): MarkRole {
  const before = at > 0 ? text[at - 1] : ' ';
  const after = at + 1 < text.length ? text[at + 1] : ' ';
  const boundaryBefore = BEFORE_OPENING.test(before);
  const boundaryAfter = AFTER_CLOSING.test(after);
  if (boundaryBefore && !boundaryAfter) return 'open';
  if (!boundaryBefore && boundaryAfter) return 'close';
  return 'either';
}

function doubleRole(text: string, token: Token): MarkRole {
  switch (text[token.start]) {
    case '\u201C':
    case '\u201E':
    case '\u00AB':
      return 'open';
    case '\u201D':
    case '\u00BB':
      return 'close';
    case '"':
      return straightRole(text, token.start);
    default:
      return 'none';
  }
}

/** Single marks double as apostrophes, so only marks whose surroundings say "quote" count. */
function singleRole(text: string, token: Token): MarkRole {
  const char = text[token.start];
  if (char !== '\u2018' && char !== '\u2019' && char !== "'" && char !== '\u2039' && char !== '\u203A') return 'none';
  const role = straightRole(text, token.start);
  if (role === 'either') return 'none';
  if ((char === '\u2018' || char === '\u2039') && role !== 'open') return 'none';
  if (char === '\u203A' && role !== 'close') return 'none';
  return role;
}

interface Line {
  first: number;
  last: number;
  marks: number[];
}

/** Paragraphs as token ranges with their quote-mark tokens, in one pass over the tokens. */
function linesOf(text: string, tokens: Token[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (let i = 0; i < tokens.length; i++) {
    let newLine = current === null;
    if (current !== null) {
      for (let c = tokens[i - 1].end; c < tokens[i].start; c++) {
        if (LINE_BREAKS.has(text.charCodeAt(c))) {
          newLine = true;
          break;
        }
      }
    }
    if (newLine) {
      current = { first: i, last: i, marks: [] };
      lines.push(current);
    }
    const line = current as Line;
    line.last = i;
    if (tokens[i].kind === 'quote') line.marks.push(i);
  }
  return lines;
}

interface OpenQuote {
  openToken: number;
  pieces: QuotePiece[];
  pieceStart: number;
}

function closedPassage(tokens: Token[], open: OpenQuote, closeToken: number, kind: QuotePassage['kind']): QuotePassage {
  return {
    kind,
    openToken: open.openToken,
    closeToken,
    lastToken: closeToken,
    start: tokens[open.openToken].start,
    end: tokens[closeToken].end,
    pieces: [...open.pieces, { start: open.pieceStart, end: tokens[closeToken].start }],
  };
}

function unclosedPassage(tokens: Token[], open: OpenQuote, lastToken: number): QuotePassage {
  return {
    kind: 'double',
    openToken: open.openToken,
    closeToken: -1,
    lastToken,
    start: tokens[open.openToken].start,
    end: tokens[lastToken].end,
    pieces: open.pieces,
  };
}

/** The line's quote marks that may be double quotes. */
function doubleMarks(text: string, tokens: Token[], line: Line): number[] {
  if (line.marks.length === 0) return line.marks;
  const marks: number[] = [];
  for (const mark of line.marks) if (doubleRole(text, tokens[mark]) !== 'none') marks.push(mark);
  return marks;
}

/**
 * Double-quoted passages: curly marks say which way they face, straight marks are read
 * from their surroundings and otherwise alternate. A quote still open at the end of a
 * paragraph continues when the next paragraph opens with a quote mark (the newspaper
 * convention for multi-paragraph quotes); otherwise it ends with its paragraph.
 */
function doublePassages(text: string, tokens: Token[], lines: Line[]): QuotePassage[] {
  const passages: QuotePassage[] = [];
  let carried: { open: OpenQuote; lastToken: number } | null = null;
  for (const line of lines) {
    const marks = doubleMarks(text, tokens, line);
    let open: OpenQuote | null = null;
    let from = 0;
    if (carried !== null) {
      const first = marks[0];
      if (first === line.first && doubleRole(text, tokens[first]) !== 'close') {
        open = carried.open;
        open.pieceStart = tokens[first].end;
        from = 1;
      } else {
        passages.push(unclosedPassage(tokens, carried.open, carried.lastToken));
      }
      carried = null;
    }
    for (let m = from; m < marks.length; m++) {
      const mark = marks[m];
      const role = doubleRole(text, tokens[mark]);
      if (open === null) {
        if (role !== 'close') open = { openToken: mark, pieces: [], pieceStart: tokens[mark].end };
      } else if (role === 'open' && text[tokens[mark].start] !== '"') {
        // A second curly opener: the first one was stray.
        open = { openToken: mark, pieces: [], pieceStart: tokens[mark].end };
      } else {
        passages.push(closedPassage(tokens, open, mark, 'double'));
        open = null;
      }
    }
    if (open !== null) {
      open.pieces.push({ start: open.pieceStart, end: tokens[line.last].end });
      carried = { open, lastToken: line.last };
    }
  }
  if (carried !== null) passages.push(unclosedPassage(tokens, carried.open, carried.lastToken));
  return passages;
}

/** Index of the first range in `ranges` (sorted, disjoint) that starts after `at`. */
function firstRangeAfter(ranges: readonly QuotePiece[], at: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid].start <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether `at` falls inside one of `ranges` (sorted, disjoint). */
function isInsideRange(ranges: readonly QuotePiece[], at: number): boolean {
  const before = firstRangeAfter(ranges, at) - 1;
  return before >= 0 && at < ranges[before].end;
}

/** Single-quoted passages within one paragraph, outside double-quoted ones, each at most a long sentence. */
function singlePassages(text: string, tokens: Token[], lines: Line[], doubles: QuotePassage[]): QuotePassage[] {
  const passages: QuotePassage[] = [];
  let doubleIndex = 0;
  for (const line of lines) {
    const lineStart = tokens[line.first].start;
    const lineEnd = tokens[line.last].end;
    while (doubleIndex < doubles.length && doubles[doubleIndex].end <= lineStart) doubleIndex++;
    // A single-quoted passage needs an opening and a closing mark.
    if (line.marks.length < 2) continue;
    const covered: QuotePiece[] = [];
    for (let d = doubleIndex; d < doubles.length && doubles[d].start < lineEnd; d++) covered.push({ start: doubles[d].start, end: doubles[d].end });
    const marks: number[] = [];
    for (const mark of line.marks) if (!isInsideRange(covered, tokens[mark].start)) marks.push(mark);
    for (let m = 0; m < marks.length; m++) {
      const openMark = marks[m];
      if (singleRole(text, tokens[openMark]) !== 'open') continue;
      const nextDouble = firstRangeAfter(covered, tokens[openMark].start);
      const limit = nextDouble < covered.length ? covered[nextDouble].start : lineEnd;
      for (let n = m + 1; n < marks.length && marks[n] - openMark <= MAX_SINGLE_QUOTE_TOKENS && tokens[marks[n]].start < limit; n++) {
        const closeMark = marks[n];
        const role = singleRole(text, tokens[closeMark]);
        if (role === 'open') break;
        if (role !== 'close') continue;
        if (closeMark > openMark + 1) {
          passages.push(closedPassage(tokens, { openToken: openMark, pieces: [], pieceStart: tokens[openMark].end }, closeMark, 'single'));
          m = n;
        }
        break;
      }
    }
  }
  return passages;
}

/** Every quoted passage of the text, in order of their opening marks. */
export function findQuotePassages(text: string, tokens: Token[]): QuotePassage[] {
  const lines = linesOf(text, tokens);
  const doubles = doublePassages(text, tokens, lines);
  const singles = singlePassages(text, tokens, lines, doubles);
  return [...doubles, ...singles].sort(byStart);
}

function byStart(a: QuotePassage, b: QuotePassage): number {
  return a.start - b.start;
}
