// Strips Markdown markup as edits (the kept text stays mapped): headings, bullets, tables into sentences, emphasis, links.
import { type Edit, type Line, deleteLine, linesOf } from './mapped-text.ts';
import { isInOrder } from './order.ts';

/** What a line was in the Markdown structure; `at` is a kept (mapped) offset inside the line. */
export interface LineMark {
  at: number;
  kind: 'heading' | 'list-item' | 'table-row';
}

export interface BlockResult {
  edits: Edit[];
  marks: LineMark[];
}

export interface MarkdownOptions {
  /** Full Markdown (single `*`/`_` emphasis, code, escapes, HTML tags, setext headings); plain text gets only the unambiguous forms. */
  full: boolean;
}

const ATX_HEADING = /^( {0,3}#{1,6}[ \t]+)(.*?)([ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const CODE_FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
const BLOCKQUOTE = /^ {0,3}(?:>[ \t]?)+/;
const BULLET = /^[ \t]*(?:[-*+\u2022\u25CF\u25AA\u25E6\u2023\u00B7]|\d{1,3}[.)])[ \t]+(?=\S)/;
const TABLE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;
const CELL_SPLIT = /(?<!\\)\|/g;

interface Cell {
  start: number;
  end: number;
}

function cellsOf(line: Line): Cell[] {
  const cells: Cell[] = [];
  let cellStart = line.start;
  const bounds: number[] = [];
  CELL_SPLIT.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CELL_SPLIT.exec(line.text)) !== null) bounds.push(line.start + match.index);
  bounds.push(line.end);
  for (const bound of bounds) {
    let start = cellStart;
    let end = bound;
    const raw = line.text.slice(start - line.start, end - line.start);
    start += raw.length - raw.trimStart().length;
    end -= raw.length - raw.trimEnd().length;
    cells.push({ start, end: Math.max(start, end) });
    cellStart = bound + 1;
  }
  // A leading or trailing pipe leaves an empty outer cell that is not a column.
  if (cells.length > 0 && line.text.trimStart().startsWith('|')) cells.shift();
  if (cells.length > 0 && line.text.trimEnd().endsWith('|')) cells.pop();
  return cells;
}

/** A table body row as one sentence: "first: second" for two columns, "first — Header: cell; Header: cell" for more. */
function rowEdit(line: Line, cells: Cell[], header: Cell[]): Edit {
  const filled = cells.filter((cell) => cell.end > cell.start);
  const first = filled[0];
  const rest = cells.filter((cell) => cell.end > cell.start && cell !== first);
  const insert: Edit['insert'] = first ? [{ from: first.start, to: first.end }] : [];
  if (rest.length > 0 && first) {
    if (cells.length <= 2) {
      insert.push(': ', { from: rest[0].start, to: rest[0].end });
    } else {
      insert.push(' \u2014 ');
      rest.forEach((cell, index) => {
        const label = header[cells.indexOf(cell)];
        if (index > 0) insert.push('; ');
        if (label && label.end > label.start) insert.push({ from: label.start, to: label.end }, ': ');
        insert.push({ from: cell.start, to: cell.end });
      });
    }
  }
  return { start: line.start, end: line.end, insert };
}

/** Block-level markup: headings, bullets, quotes, fences, rules and tables. */
export function markdownBlockEdits(text: string, options: MarkdownOptions): BlockResult {
  const edits: Edit[] = [];
  const marks: LineMark[] = [];
  const lines = linesOf(text);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const next = lines[index + 1];
    if (line.text.includes('|') && next !== undefined && TABLE_SEPARATOR.test(next.text) && next.text.includes('-')) {
      const header = cellsOf(line);
      edits.push(deleteLine(text, line, 'markup'), deleteLine(text, next, 'markup'));
      index += 2;
      while (index < lines.length && lines[index].text.includes('|')) {
        const row = lines[index];
        const cells = cellsOf(row);
        const edit = rowEdit(row, cells, header);
        edits.push(edit);
        const firstPiece = edit.insert?.[0];
        if (firstPiece !== undefined && typeof firstPiece !== 'string') marks.push({ at: firstPiece.from, kind: 'table-row' });
        index++;
      }
      index--;
      continue;
    }
    if (THEMATIC_BREAK.test(line.text) || CODE_FENCE.test(line.text)) {
      edits.push(deleteLine(text, line, 'markup'));
      continue;
    }
    if (options.full && next !== undefined && SETEXT_UNDERLINE.test(next.text) && line.text.trim().length > 0 && !BULLET.test(line.text)) {
      marks.push({ at: line.start + (line.text.length - line.text.trimStart().length), kind: 'heading' });
      edits.push(deleteLine(text, next, 'markup'));
      index++;
      continue;
    }
    const heading = ATX_HEADING.exec(line.text);
    if (heading) {
      const prefixEnd = line.start + heading[1].length;
      edits.push({ start: line.start, end: prefixEnd, removed: 'markup' });
      if (heading[3]) edits.push({ start: prefixEnd + heading[2].length, end: line.end, removed: 'markup' });
      if (heading[2].length > 0) marks.push({ at: prefixEnd, kind: 'heading' });
      continue;
    }
    let contentStart = line.start;
    const quote = BLOCKQUOTE.exec(line.text);
    if (quote) {
      edits.push({ start: line.start, end: line.start + quote[0].length, removed: 'markup' });
      contentStart += quote[0].length;
    }
    const bullet = BULLET.exec(text.slice(contentStart, line.end));
    if (bullet) {
      edits.push({ start: contentStart, end: contentStart + bullet[0].length, removed: 'markup' });
      marks.push({ at: contentStart + bullet[0].length, kind: 'list-item' });
    }
  }
  return { edits, marks };
}

/*
 * Inline markup. Every match deletes only its markers, so nested markup ("[**text**](url)")
 * yields separate, non-overlapping deletions. Plain text gets the forms that cannot be
 * ordinary prose: **strong**, __strong__, [links](url) and ![images](url).
 */
const IMAGE = /!\[[^\]\n]*\]\([^)\n]*\)/g;
const LINK = /\[([^\]\n]+)\](\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+"[^"\n]*")?\)|\[[^\]\n]*\])/g;
const STRONG = /(\*\*|__)(?=[^\s*_])([^\n]*?[^\s*_])\1/g;
const EMPHASIS_STAR = /(?<![\p{L}\p{N}*\\])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\p{L}\p{N}*])/gu;
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}_\\])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\p{L}\p{N}_])/gu;
const INLINE_CODE = /`([^`\n]+)`/g;
const ESCAPE = /\\(?=[\\`*_{}[\]()#+\-.!|>~])/g;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;

/** Deletes the opening marker (`openLength` characters) and whatever follows the kept group `innerGroup`. */
function markersOf(pattern: RegExp, text: string, edits: Edit[], openLength: number, innerGroup = 1): void {
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    const inner = match[innerGroup] ?? '';
    edits.push({ start, end: start + openLength, removed: 'markup' });
    edits.push({ start: start + openLength + inner.length, end, removed: 'markup' });
  }
}

/** Inline markup deletions. */
export function markdownInlineEdits(text: string, options: MarkdownOptions): Edit[] {
  const edits: Edit[] = [];
  IMAGE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = IMAGE.exec(text)) !== null) edits.push({ start: match.index, end: match.index + match[0].length, removed: 'markup' });
  markersOf(LINK, text, edits, 1);
  markersOf(STRONG, text, edits, 2, 2);
  if (options.full) {
    markersOf(EMPHASIS_STAR, text, edits, 1);
    markersOf(EMPHASIS_UNDERSCORE, text, edits, 1);
    markersOf(INLINE_CODE, text, edits, 1);
    markersOf(AUTOLINK, text, edits, 1);
    for (const pattern of [ESCAPE, HTML_TAG]) {
      pattern.lastIndex = 0;
      while ((match = pattern.exec(text)) !== null) edits.push({ start: match.index, end: match.index + match[0].length, removed: 'markup' });
    }
  }
  return dropOverlaps(edits);
}

function byStartLongestFirst(a: Edit, b: Edit): number {
  return a.start - b.start || b.end - a.end;
}

/** Keeps the earliest of overlapping edits (an image's "[…](…)" is not also a link). */
function dropOverlaps(edits: Edit[]): Edit[] {
  const sorted = isInOrder(edits, byStartLongestFirst) ? edits : [...edits].sort(byStartLongestFirst);
  const kept: Edit[] = [];
  let reach = -1;
  for (const edit of sorted) {
    if (edit.start < reach || (edit.start === reach && edit.start === edit.end)) continue;
    kept.push(edit);
    reach = edit.end;
  }
  return kept;
}
