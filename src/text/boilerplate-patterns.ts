// Loads the boilerplate knowledge (src/knowledge/data/boilerplate.json) once and compiles its patterns.
import { readDataFile } from '../knowledge/data-file.ts';

/** What a removed credit sentence was. */
export type CreditKind = 'byline' | 'share-widget';

interface PatternGroup {
  patterns: string[];
}

interface BoilerplateData {
  sectionHeadings: { openings: string[] };
  bylines: PatternGroup & { publicationLines: string[] };
  datelines: { pattern: string };
  referenceFooter: { pattern: string; maxFollowingLines: number; maxFollowingChars: number };
  shareLines: PatternGroup;
  captionLines: PatternGroup;
  captionCredits: PatternGroup;
  gluedCaptions: { start: string; credit: string; maxCaptionChars: number; maxCreditChars: number };
  carousel: { pattern: string; maxChars: number; maxLabelChars: number };
  creditSentences: { cue: string; patterns: { kind: CreditKind; pattern: string }[] };
  separators: { pattern: string };
  functionWords: { words: string[] };
}

/** The compiled boilerplate patterns; global (`g`) ones must have `lastIndex` reset before use. */
export interface BoilerplatePatterns {
  sectionHeadingOpenings: string[];
  bylines: RegExp[];
  /** Matches a line that any of the publication-line patterns matches. */
  publicationLine: RegExp;
  dateline: RegExp;
  referenceFooter: RegExp;
  maxFooterLines: number;
  maxFooterChars: number;
  /** Matches a line that any of the share-line patterns matches. */
  shareLine: RegExp;
  /** Matches a line that any of the caption-line patterns matches. */
  captionLine: RegExp;
  captionCredits: RegExp[];
  gluedCaptionStart: RegExp;
  gluedCaptionCredit: RegExp;
  maxCaptionChars: number;
  maxCreditChars: number;
  carousel: RegExp;
  maxCarouselChars: number;
  maxCarouselLabelChars: number;
  creditCue: RegExp;
  creditSentences: { kind: CreditKind; pattern: RegExp }[];
  separators: RegExp;
  functionWords: Set<string>;
}

let compiled: BoilerplatePatterns | null = null;

function compileAll(sources: string[], flags: string): RegExp[] {
  return sources.map((source) => new RegExp(source, flags));
}

/** A backreference or a named group: joining patterns into one would renumber or duplicate it. */
const GROUP_REFERENCE = /\\[1-9]|\\k<|\(\?<(?![=!])/;

/**
 * One pattern that matches where any of `sources` does. A line is then tested once, not once
 * per pattern: every pattern is its own compiled code, gone cold by the time the next document
 * arrives, so the number of patterns run matters more than their length.
 */
function compileAny(sources: string[], flags: string, listName: string): RegExp {
  const referencing = sources.find((source) => GROUP_REFERENCE.test(source));
  if (referencing !== undefined) throw new Error(`boilerplate.json ${listName}: a line pattern may not use backreferences or named groups: ${referencing}`);
  return new RegExp(sources.map((source) => `(?:${source})`).join('|'), flags);
}

/** The boilerplate patterns, compiled on first use. */
export function boilerplatePatterns(): BoilerplatePatterns {
  if (compiled !== null) return compiled;
  const data = readDataFile<BoilerplateData>('boilerplate.json');
  compiled = {
    sectionHeadingOpenings: data.sectionHeadings.openings,
    bylines: compileAll(data.bylines.patterns, 'iu'),
    publicationLine: compileAny(data.bylines.publicationLines, 'iu', 'bylines.publicationLines'),
    dateline: new RegExp(data.datelines.pattern, 'u'),
    referenceFooter: new RegExp(data.referenceFooter.pattern, 'iu'),
    maxFooterLines: data.referenceFooter.maxFollowingLines,
    maxFooterChars: data.referenceFooter.maxFollowingChars,
    shareLine: compileAny(data.shareLines.patterns, 'iu', 'shareLines'),
    captionLine: compileAny(data.captionLines.patterns, 'iu', 'captionLines'),
    captionCredits: compileAll(data.captionCredits.patterns, 'gu'),
    gluedCaptionStart: new RegExp(data.gluedCaptions.start, 'gu'),
    gluedCaptionCredit: new RegExp(data.gluedCaptions.credit, 'u'),
    maxCaptionChars: data.gluedCaptions.maxCaptionChars,
    maxCreditChars: data.gluedCaptions.maxCreditChars,
    carousel: new RegExp(data.carousel.pattern, 'gu'),
    maxCarouselChars: data.carousel.maxChars,
    maxCarouselLabelChars: data.carousel.maxLabelChars,
    creditCue: new RegExp(data.creditSentences.cue, 'iu'),
    creditSentences: data.creditSentences.patterns.map(({ kind, pattern }) => ({ kind, pattern: new RegExp(pattern, 'u') })),
    separators: new RegExp(data.separators.pattern, 'gu'),
    functionWords: new Set(data.functionWords.words),
  };
  return compiled;
}
