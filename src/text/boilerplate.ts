// Finds page furniture in article text: bylines, datelines, footers, share widgets, captions and credits, as edits.
import type { Edit, Line } from './mapped-text.ts';
import { deleteLine, linesOf } from './mapped-text.ts';
import { boilerplatePatterns } from './boilerplate-patterns.ts';
import { isTitleAbbreviation, splitSentences } from './sentences.ts';
import { tokenize } from './tokens.ts';

export interface FurnitureResult {
  edits: Edit[];
  byline: string | null;
  source: string | null;
}

/** How many non-empty lines at the top may hold a byline or publication date (title, byline, date, standfirst). */
const TOP_MATTER_LINES = 4;
/** A line this long is body text, so top matter has ended. */
const TOP_MATTER_MAX_CHARS = 200;
const SHARE_LINE_MAX_CHARS = 160;
const CAPTION_LINE_MAX_CHARS = 300;
const FOOTER_REST_MAX_CHARS = 150;
/** Sentences between two photo credits that are all caption (a gallery), rather than body text. */
const GALLERY_MAX_SENTENCES = 3;

const NAME_WORD = /^(?:\p{Lu}[\p{L}'\u2019.-]*|and|&|de|da|di|del|della|van|von|der|den|bin|ibn|al|el|la|le)$/u;
const NAME_AFFILIATION = /\s*(?:,|\||\s[-\u2013\u2014]\s|\bfor\b)\s*/u;
const DOMAIN = /(?<![\p{L}\p{N}@.-])(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?![\p{L}\p{N}-])/iu;
const SHORT_NAME = /^\p{Lu}[\p{L}\p{N}&'\u2019.-]*(?:\s+[\p{L}\p{N}&'\u2019.-]+){0,3}$/u;
const LEADING_FURNITURE = /^[_*=#~\-\u2013\u2014\u2022\u00B7\s]+/u;
const TRAILING_SPACE = /^[ \t]*/;

/** The author named in a byline, or null when the text does not look like a name. */
export function bylineName(candidate: string): string | null {
  const name = candidate.split(NAME_AFFILIATION)[0].trim().replace(/[.:;]+$/, '');
  if (name.length === 0 || name.length > 80) return null;
  const words = name.split(/\s+/);
  if (words.length > 7) return null;
  if (!words.every((word) => NAME_WORD.test(word))) return null;
  if (!/^\p{Lu}/u.test(words[0]) || !/^\p{Lu}/u.test(words[words.length - 1])) return null;
  return name;
}

function trimmedBounds(line: Line): { start: number; end: number; text: string } {
  const leading = line.text.length - line.text.trimStart().length;
  const text = line.text.trim();
  return { start: line.start + leading, end: line.start + leading + text.length, text };
}

/** Byline and publication-date lines among the first lines; the first byline's name. */
function topMatterEdits(text: string, lines: readonly Line[], edits: Edit[]): string | null {
  const patterns = boilerplatePatterns();
  let byline: string | null = null;
  let seen = 0;
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (trimmed.length === 0) continue;
    if (++seen > TOP_MATTER_LINES || trimmed.length > TOP_MATTER_MAX_CHARS) break;
    const author = patterns.bylines.map((pattern) => pattern.exec(trimmed)?.groups?.name).find((name) => name !== undefined && bylineName(name) !== null);
    if (author !== undefined) {
      byline ??= bylineName(author);
      edits.push(deleteLine(text, line, 'byline'));
    } else if (patterns.publicationLine.test(trimmed)) {
      edits.push(deleteLine(text, line, 'byline'));
    }
  }
  return byline;
}

/** A "Reference(s):"/"Source:" footer near the end, removed with everything after it; the site it names. */
function referenceFooterEdits(text: string, lines: readonly Line[], edits: Edit[]): string | null {
  const patterns = boilerplatePatterns();
  const filled = lines.filter((line) => line.text.trim().length > 0);
  const first = Math.max(1, filled.length - patterns.maxFooterLines - 1);
  for (let index = first; index < filled.length; index++) {
    const line = filled[index];
    const match = patterns.referenceFooter.exec(line.text.trim());
    if (!match) continue;
    const rest = (match.groups?.rest ?? '').trim();
    const following = filled.slice(index + 1);
    const followingChars = following.reduce((sum, next) => sum + next.text.trim().length, 0);
    if (rest.length > FOOTER_REST_MAX_CHARS || followingChars > patterns.maxFooterChars) continue;
    edits.push({ start: line.start, end: text.length, removed: 'reference-footer' });
    return footerSource(rest, following.map((next) => next.text.trim()));
  }
  return null;
}

function footerSource(rest: string, following: string[]): string | null {
  for (const candidate of [rest, ...following]) {
    const domain = DOMAIN.exec(candidate);
    if (domain) return domain[1].toLowerCase().replace(/^www\./, '');
  }
  return rest.length > 0 && SHORT_NAME.test(rest) ? rest : null;
}

/** Whole share/follow/caption/credit lines anywhere. */
function furnitureLineEdits(text: string, lines: readonly Line[], edits: Edit[]): void {
  const patterns = boilerplatePatterns();
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (trimmed.length === 0) continue;
    if (trimmed.length <= SHARE_LINE_MAX_CHARS && patterns.shareLine.test(trimmed)) {
      edits.push(deleteLine(text, line, 'share-widget'));
    } else if (trimmed.length <= CAPTION_LINE_MAX_CHARS && patterns.captionLine.test(trimmed)) {
      edits.push(deleteLine(text, line, 'photo-caption'));
    }
  }
}

/** A "CITY, Date (Agency) —" dateline opening one of the first two lines. */
function datelineEdits(lines: readonly Line[], edits: Edit[]): void {
  const patterns = boilerplatePatterns();
  let seen = 0;
  for (const line of lines) {
    const bounds = trimmedBounds(line);
    if (bounds.text.length === 0) continue;
    if (++seen > 2) break;
    const match = patterns.dateline.exec(bounds.text);
    if (match) {
      edits.push({ start: bounds.start, end: bounds.start + match[0].length, removed: 'byline' });
      return;
    }
  }
}

/** Index of the sentence that contains offset `at` or ends last before it. */
function sentenceBefore(sentences: { start: number; end: number }[], at: number): number {
  let found = -1;
  for (let index = 0; index < sentences.length && sentences[index].start < at; index++) found = index;
  return found;
}

/** End of `end` extended over the spaces that follow it on the line. */
function withFollowingSpace(line: Line, end: number): number {
  const rest = line.text.slice(end - line.start);
  return end + (TRAILING_SPACE.exec(rest)?.[0].length ?? 0);
}

/**
 * Inside a line: photo captions closed by a credit ("… 2022. (AP Photo/Name)"), reporter
 * credits and follow-our-coverage sentences, and "___" separators.
 */
function inlineFurnitureEdits(lines: readonly Line[], edits: Edit[]): void {
  const patterns = boilerplatePatterns();
  for (const line of lines) {
    patterns.separators.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = patterns.separators.exec(line.text)) !== null) {
      if (match.index > 0 && line.text[match.index - 1] !== ' ') continue;
      const start = line.start + match.index;
      edits.push({ start, end: withFollowingSpace(line, start + match[0].length), removed: 'markup' });
    }
    if (!patterns.creditCue.test(line.text)) continue;
    const sentences = splitSentences(line.text, tokenize(line.text));
    captionCreditEdits(line, sentences, edits);
    for (const sentence of sentences) {
      const raw = line.text.slice(sentence.start, sentence.end);
      const body = raw.replace(LEADING_FURNITURE, '');
      const credit = patterns.creditSentences.find(({ pattern }) => pattern.test(body));
      if (credit) {
        const start = line.start + sentence.start + (raw.length - body.length);
        edits.push({ start, end: withFollowingSpace(line, line.start + sentence.end), removed: credit.kind });
      }
    }
  }
}

function captionCreditEdits(line: Line, sentences: { start: number; end: number }[], edits: Edit[]): void {
  const credits: { start: number; end: number }[] = [];
  for (const pattern of boilerplatePatterns().captionCredits) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(line.text)) !== null) credits.push({ start: match.index, end: match.index + match[0].length });
  }
  credits.sort((a, b) => a.start - b.start);
  let previousEnd = -1;
  for (const credit of credits) {
    if (credit.start < previousEnd) continue;
    const captionSentence = sentenceBefore(sentences, credit.start);
    let captionStart = captionSentence >= 0 ? sentences[captionSentence].start : credit.start;
    if (previousEnd >= 0) {
      // Between two credits: a gallery of captions, unless so much text lies between that it is the article.
      const between = sentences.filter((sentence) => sentence.start >= previousEnd && sentence.start < credit.start).length;
      if (between <= GALLERY_MAX_SENTENCES) captionStart = previousEnd;
    }
    captionStart = Math.max(captionStart, previousEnd);
    const end = withFollowingSpace(line, line.start + credit.end);
    edits.push({ start: line.start + captionStart, end, removed: 'photo-caption' });
    previousEnd = end - line.start;
  }
}

/** All line-level furniture of `text`, with the byline and source they name. */
export function furnitureEdits(text: string): FurnitureResult {
  const lines = linesOf(text);
  const edits: Edit[] = [];
  const byline = topMatterEdits(text, lines, edits);
  const source = referenceFooterEdits(text, lines, edits);
  furnitureLineEdits(text, lines, edits);
  datelineEdits(lines, edits);
  inlineFurnitureEdits(lines, edits);
  return { edits, byline, source };
}

/*
 * Pages whose paragraphs were glued together ("talks.After three hours"): a paragraph ends at
 * terminal punctuation (after a lowercase word, not a title like "Mr.") directly followed by a
 * capitalised word or an opening quote, or at a closing curly quote directly followed by one.
 * The regex finds the punctuation; the character before it is checked in code, which is faster
 * than a lookbehind tried at every position.
 */
const PARAGRAPH_GLUE = /[.!?][\u201D\u2019]?(?=\p{Lu}[\p{Ll}'\u2019]|[\u201C\u2018]\p{L})/gu;
const GLUE_BEFORE = /[\p{Ll}\p{N}%)]/u;
const WORD_BEFORE = /\p{L}+$/u;

function glueOffsets(text: string, from: number, to: number): number[] {
  const offsets: number[] = [];
  PARAGRAPH_GLUE.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = PARAGRAPH_GLUE.exec(text)) !== null && match.index < to) {
    const at = match.index + match[0].length;
    const closesQuote = match[0].length === 2;
    if (!closesQuote && (match.index === 0 || !GLUE_BEFORE.test(text[match.index - 1]))) continue;
    const word = WORD_BEFORE.exec(text.slice(Math.max(0, match.index - 12), match.index))?.[0] ?? '';
    if (match[0] === '.' && isTitleAbbreviation(word)) continue;
    offsets.push(at);
  }
  return offsets;
}

/** Line breaks (generated) where glued paragraphs meet. */
export function paragraphGlueEdits(text: string): Edit[] {
  return glueOffsets(text, 0, text.length).map((at) => ({ start: at, end: at, insert: ['\n'] }));
}

const CREDIT_END = /(?<=[\p{Ll}.)])(?=\p{Lu}\p{Ll}|[\u201C"\u2018])|$/gmu;
/** What may stand right before a glued caption or a carousel label: the end of a sentence or of a line. */
const SENTENCE_END_BEFORE = /(?:^|[.!?\u201D"\u2019)\n])\s*$/u;
const LABEL_START = /(?:^|[.!?\u201D"\u2019]\s+|\n)(?=[^.!?\n]*$)/u;

/** Widgets of glued pages: "Image…Credit…" captions and "Card 1 of N" carousels. */
export function gluedWidgetEdits(text: string): Edit[] {
  const patterns = boilerplatePatterns();
  const edits: Edit[] = [];
  patterns.gluedCaptionStart.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = patterns.gluedCaptionStart.exec(text)) !== null) {
    const start = match.index;
    if (!SENTENCE_END_BEFORE.test(text.slice(Math.max(0, start - 3), start))) continue;
    const lineEnd = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
    const window = text.slice(start, Math.min(lineEnd, start + patterns.maxCaptionChars));
    const credit = patterns.gluedCaptionCredit.exec(window);
    if (!credit) continue;
    const creditStart = start + credit.index + credit[0].length;
    CREDIT_END.lastIndex = creditStart + 1;
    const creditEnd = CREDIT_END.exec(text);
    const end = creditEnd && creditEnd.index - creditStart <= patterns.maxCreditChars ? creditEnd.index : Math.min(lineEnd, creditStart + patterns.maxCreditChars);
    edits.push({ start, end, removed: 'photo-caption' });
    patterns.gluedCaptionStart.lastIndex = end;
  }
  patterns.carousel.lastIndex = 0;
  while ((match = patterns.carousel.exec(text)) !== null) {
    const cards = Number(match[1]);
    const from = match.index + match[0].length;
    const glue = glueOffsets(text, from, Math.min(text.length, from + patterns.maxCarouselChars));
    if (glue.length < cards) continue;
    // The carousel's label ("… War: Key Developments") runs back to the end of the previous sentence.
    const lookBack = Math.max(0, match.index - patterns.maxCarouselLabelChars);
    const before = text.slice(lookBack, match.index);
    const label = LABEL_START.exec(before);
    const start = label ? lookBack + label.index + label[0].length : match.index;
    edits.push({ start, end: glue[cards - 1], removed: 'share-widget' });
  }
  return edits;
}
