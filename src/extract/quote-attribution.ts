// Finds who said each quoted passage: "…," X said / said X / X said: "…" / according to X / the sentence before / pronouns and descriptions.
import {
  candidateEndingAt,
  candidatesIn,
  isSubjectLike,
  nameEndingAt,
  nameStartingAt,
  prepositionBefore,
  resolveCandidate,
  type Candidate,
} from './quote-candidates.ts';
import { isCapitalised, isLowercase, isPossessiveToken, recordSpeaker, tokenText, wordAt, type QuoteContext, type Speaker } from './quote-context.ts';

/** How a speaker was found; the first five read the quote's own sentence. */
export type AttributionRule = 'after' | 'before' | 'according-to' | 'same-sentence' | 'colon' | 'previous-sentence' | 'none';

export interface Attribution {
  /** null when the quote is unattributed or its speaker names nobody we can point to ("a source said"). */
  speaker: Speaker | null;
  rule: AttributionRule;
}

/** Attributions found in the quote's own sentence, as opposed to the one before. */
export const IN_SENTENCE_RULES: ReadonlySet<AttributionRule> = new Set(['after', 'before', 'according-to', 'same-sentence', 'colon']);

/** How far an attribution may trail a quote: "…," President X of Y, who …, told reporters. */
const MAX_TRAILING_TOKENS = 32;
/** How far before a quote its attribution may start; also keeps run-on "sentences" (tables, caption dumps) linear. */
const MAX_LEADING_TOKENS = 80;
/** How far an apposition may reach back: "X, the head of Y's delegation, said". */
const MAX_APPOSITION_TOKENS = 30;

/** A subject standing alone before its verb: "Ms Okafor", "the Kremlin aide", "he". */
const MAX_SHORT_SUBJECT_TOKENS = 4;

const APPOSITION_MARKS = new Set([',', '\u2014', '\u2013', '--']);

function isWord(ctx: QuoteContext, index: number): boolean {
  return ctx.tokens[index].kind === 'word';
}

function isAdverbOrAuxiliary(ctx: QuoteContext, index: number): boolean {
  if (!isWord(ctx, index) || isCapitalised(ctx, index)) return false;
  const word = wordAt(ctx, index);
  return ctx.lexicon.subjectSkipWords.has(word) || (word.length > 4 && word.endsWith('ly'));
}

/** A lowercase speech verb used as a verb: not "a post", "his call", "was described". */
function isSpeechVerb(ctx: QuoteContext, index: number): boolean {
  if (!isWord(ctx, index) || ctx.passageOfToken[index] !== -1) return false;
  if (!isLowercase(ctx, index)) return false;
  const word = wordAt(ctx, index);
  if (!ctx.lexicon.verbs.has(word)) return false;
  let before = index - 1;
  if (before < 0 || !isWord(ctx, before)) return true;
  const previous = wordAt(ctx, before);
  if (ctx.lexicon.nounMarkers.has(previous) || isPossessiveToken(ctx, before)) return false;
  if (previous !== 'to' && ctx.lexicon.prepositions.has(previous)) return false;
  if (previous.endsWith('ly') && before > 0 && isWord(ctx, before - 1)) before--;
  const auxiliary = wordAt(ctx, before);
  return word.endsWith('ing') || !ctx.lexicon.passiveAuxiliaries.has(auxiliary);
}

/** Length of a speaker-introducing phrase ("according to") starting at `index`, or 0. */
function phraseStartingAt(ctx: QuoteContext, index: number, ceiling: number): number {
  if (ctx.passageOfToken[index] !== -1) return 0;
  const first = wordAt(ctx, index);
  for (const phrase of ctx.lexicon.speakerAfterPhrases) {
    if (phrase[0] !== first || index + phrase.length > ceiling) continue;
    let matched = 1;
    while (matched < phrase.length && ctx.passageOfToken[index + matched] === -1 && wordAt(ctx, index + matched) === phrase[matched]) matched++;
    if (matched === phrase.length) return phrase.length;
  }
  return 0;
}

/** How likely a candidate is to be the speaker: people first, then pronouns, descriptions, organisations, bare names. */
function speakerRank(candidate: Candidate): number {
  if (candidate.kind === 'mention') return candidate.mention?.entity.kind === 'person' ? 0 : 3;
  if (candidate.kind === 'pronoun') return 1;
  if (candidate.kind === 'description') return 2;
  return 4;
}

function personFirst(candidates: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const candidate of candidates) {
    if (candidate.possessive || candidate.prepositional) continue;
    if (best === null || speakerRank(candidate) < speakerRank(best)) best = candidate;
  }
  return best;
}

/** The speaker named after "said"/"according to": "said Samuel Okafor, an analyst at …". */
function speakerAfter(ctx: QuoteContext, first: number, ceiling: number): Candidate | null {
  const end = Math.min(ceiling, first + 12);
  let stop = end;
  for (let t = first; t < end; t++) {
    if (ctx.passageOfToken[t] !== -1 || (ctx.tokens[t].kind === 'punct' && tokenText(ctx, t) !== '.')) {
      stop = t;
      break;
    }
  }
  return personFirst(candidatesIn(ctx, first, stop)) ?? nameStartingAt(ctx, first, stop);
}

function resolved(ctx: QuoteContext, candidate: Candidate, rule: AttributionRule): Attribution {
  return { speaker: resolveCandidate(ctx, candidate), rule };
}

/** "…," X said / "…," said X / "…," according to X. */
function attributeAfter(ctx: QuoteContext, index: number): Attribution | null {
  const passage = ctx.passages[index];
  const close = passage.closeToken;
  if (close < 0) return null;
  let sentence = ctx.sentenceOfToken[close];
  let last = ctx.sentenceLast[sentence];
  let t = close + 1;
  if (t <= last && APPOSITION_MARKS.has(tokenText(ctx, t))) t++;
  if (t > last) {
    // "…?" Ms Okafor asked. — the splitter ends the sentence at "?" or "!" before a capitalised name;
    // the next sentence is the attribution only if it opens with a short subject and a speech verb.
    const endsAsking = close > 0 && (tokenText(ctx, close - 1) === '?' || tokenText(ctx, close - 1) === '!');
    if (!endsAsking || sentence + 1 >= ctx.sentenceFirst.length) return null;
    sentence++;
    t = ctx.sentenceFirst[sentence];
    if (t === -1) return null;
    last = Math.min(ctx.sentenceLast[sentence], t + MAX_SHORT_SUBJECT_TOKENS);
    let verb = t;
    while (verb <= last && isWord(ctx, verb) && !isSpeechVerb(ctx, verb)) verb++;
    if (verb > last || !isSpeechVerb(ctx, verb)) return null;
    last = ctx.sentenceLast[sentence];
  }
  if (ctx.passageOfToken[t] !== -1 || ctx.lexicon.clauseStarters.has(wordAt(ctx, t))) return null;
  const signed = signatureAfter(ctx, close, last);
  if (signed !== null) return resolved(ctx, signed, 'after');
  for (let i = t; i <= last && i < t + MAX_TRAILING_TOKENS; i++) {
    if (ctx.passageOfToken[i] !== -1) break;
    const phrase = phraseStartingAt(ctx, i, last + 1);
    if (phrase > 0) {
      if (i !== t) return null;
      const candidate = speakerAfter(ctx, i + phrase, last + 1);
      return candidate ? resolved(ctx, candidate, 'according-to') : null;
    }
    if (!isSpeechVerb(ctx, i)) continue;
    if (i === t) {
      const candidate = speakerAfter(ctx, i + 1, last + 1);
      return candidate ? resolved(ctx, candidate, 'after') : null;
    }
    const candidate = personFirst(candidatesIn(ctx, t, i)) ?? nameEndingAt(ctx, skipBackOverAdverbs(ctx, i - 1, t), t);
    return candidate ? resolved(ctx, candidate, 'after') : null;
  }
  return null;
}

/** "…" — Anna Berg: a dash and a bare name closing the sentence sign the quote. */
function signatureAfter(ctx: QuoteContext, close: number, last: number): Candidate | null {
  const dash = close + 1;
  if (dash > last || (tokenText(ctx, dash) !== '\u2014' && tokenText(ctx, dash) !== '\u2013' && tokenText(ctx, dash) !== '--')) return null;
  let end = last;
  if (ctx.tokens[end].kind === 'punct' && tokenText(ctx, end) === '.') end--;
  if (end <= dash || end - dash > MAX_SHORT_SUBJECT_TOKENS) return null;
  const signer = candidateEndingAt(ctx, end, dash + 1);
  return signer !== null && signer.first === dash + 1 && signer.kind !== 'pronoun' ? signer : null;
}

function skipBackOverAdverbs(ctx: QuoteContext, index: number, floor: number): number {
  let j = index;
  while (j >= floor && isAdverbOrAuxiliary(ctx, j)) j--;
  return j;
}

/**
 * The subject right before a speech verb: "X said", "X, the head of …, said",
 * "Ukraine's operator, Acme, said", "with X stating". null when the words before the
 * verb are not a subject ("…, but noted").
 */
function subjectNextToVerb(ctx: QuoteContext, verb: number, floor: number): Candidate | null {
  const participle = wordAt(ctx, verb).endsWith('ing');
  const j = participle ? verb - 1 : skipBackOverAdverbs(ctx, verb - 1, floor);
  if (j < floor || ctx.passageOfToken[j] !== -1) return null;
  const mark = tokenText(ctx, j);
  // "with X stating": the object of "with" is the participle's subject.
  if (participle) return candidateEndingAt(ctx, j, floor);
  if (!APPOSITION_MARKS.has(mark)) return headOfPhraseEndingAt(ctx, j, floor);
  // The apposition opens with the same mark it closes with: "X, the head of Y, said", "X—speaking in Z—said".
  let k = j - 1;
  while (k >= floor && j - k < MAX_APPOSITION_TOKENS && ctx.passageOfToken[k] === -1 && tokenText(ctx, k) !== mark) k--;
  if (k < floor || ctx.passageOfToken[k] !== -1 || j - k >= MAX_APPOSITION_TOKENS) return null;
  const inside = k + 1;
  const startsWithName = inside < j && (isCapitalised(ctx, inside) || ctx.mentionOfToken[inside] !== -1) && !ctx.lexicon.clauseStarters.has(wordAt(ctx, inside));
  if (startsWithName) {
    const named = candidateEndingAt(ctx, j - 1, inside);
    if (named !== null && named.kind !== 'description') return named;
  }
  return headOfPhraseEndingAt(ctx, k - 1, floor);
}

/**
 * The candidate ending at `last`, or, when that sits in a prepositional phrase ("an aide
 * to Mr. Zelensky"), the phrase's head before it. Words that also open clauses ("after X
 * told") are conjunctions here, not prepositions.
 */
function headOfPhraseEndingAt(ctx: QuoteContext, last: number, floor: number): Candidate | null {
  const candidate = candidateEndingAt(ctx, last, floor);
  if (candidate === null) return null;
  const preposition = prepositionBefore(ctx, candidate.first, floor);
  if (preposition === -1 || ctx.lexicon.clauseStarters.has(wordAt(ctx, preposition))) return candidate;
  return candidateEndingAt(ctx, preposition - 1, floor);
}

/** The first subject-like candidate of tokens [from, to), as a resolved speaker; undefined when there is none. */
function sentenceSubject(ctx: QuoteContext, from: number, to: number): Speaker | null | undefined {
  for (const candidate of candidatesIn(ctx, from, to)) {
    if (isSubjectLike(candidate)) return resolveCandidate(ctx, candidate);
  }
  return undefined;
}

/**
 * Before a bare colon, whose words these are: the first person named, even as an owner
 * ("another of X's red lines was: …"), else the sentence's subject.
 */
function ownerOfStatement(ctx: QuoteContext, from: number, to: number): Speaker | null {
  const candidates = candidatesIn(ctx, from, to);
  for (const candidate of candidates) {
    const isPerson = candidate.kind === 'mention' && candidate.mention?.entity.kind === 'person';
    if (isPerson && !candidate.subordinate && (candidate.possessive || !candidate.prepositional)) return resolveCandidate(ctx, candidate);
  }
  for (const candidate of candidates) {
    if (isSubjectLike(candidate)) return resolveCandidate(ctx, candidate);
  }
  return null;
}

/** Speaker of the last attributed passage in tokens [from, to). */
function lastSpeakerIn(ctx: QuoteContext, from: number, to: number): Speaker | null {
  for (let t = to - 1; t >= from; t--) {
    const passage = ctx.passageOfToken[t];
    if (passage === -1) continue;
    const speaker = ctx.speakers[passage];
    if (speaker !== null) return speaker;
    t = ctx.passages[passage].openToken;
  }
  return null;
}

/** The speaker of a speech verb at `verb` in a sentence starting at `floor`. */
function speakerOfVerb(ctx: QuoteContext, verb: number, floor: number): Attribution | null {
  const next = subjectNextToVerb(ctx, verb, floor);
  if (next !== null) return resolved(ctx, next, 'before');
  const earlier = lastSpeakerIn(ctx, floor, verb);
  if (earlier !== null) return { speaker: earlier, rule: 'same-sentence' };
  const subject = sentenceSubject(ctx, floor, verb);
  return subject === undefined ? null : { speaker: subject, rule: 'before' };
}

/** X said: "…" / X said that "…" / according to X, "…" / X: "…" — and later quotes of a sentence that already has a speaker. */
function attributeBefore(ctx: QuoteContext, index: number): Attribution | null {
  const passage = ctx.passages[index];
  const sentence = ctx.sentenceOfToken[passage.openToken];
  const floor = Math.max(ctx.sentenceFirst[sentence], passage.openToken - MAX_LEADING_TOKENS);
  let between = -1;
  for (let t = passage.openToken - 1; t >= floor; t--) {
    const inside = ctx.passageOfToken[t];
    if (inside !== -1) {
      if (between === -1) between = inside;
      t = ctx.passages[inside].openToken;
      continue;
    }
    const phrase = phraseStartingAt(ctx, t, passage.openToken);
    if (phrase > 0) {
      const candidate = speakerAfter(ctx, t + phrase, passage.openToken);
      if (candidate !== null) return resolved(ctx, candidate, 'according-to');
    }
    if (!isSpeechVerb(ctx, t)) continue;
    if (between !== -1 && ctx.speakers[between] !== null) return { speaker: ctx.speakers[between], rule: 'same-sentence' };
    return speakerOfVerb(ctx, t, floor);
  }
  if (between !== -1 && ctx.speakers[between] !== null) return { speaker: ctx.speakers[between], rule: 'same-sentence' };
  const colon = passage.openToken - 1;
  if (colon >= floor && tokenText(ctx, colon) === ':') {
    const named = candidateEndingAt(ctx, colon - 1, floor);
    if (named !== null) return resolved(ctx, named, 'colon');
    const owner = ownerOfStatement(ctx, floor, colon);
    if (owner !== null) return { speaker: owner, rule: 'colon' };
  }
  return null;
}

function hasSpeechVerb(ctx: QuoteContext, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (isSpeechVerb(ctx, t)) return true;
  return false;
}

/** A quote that opens its sentence with no attribution of its own: the previous quote's speaker, or whoever the sentence before names. */
function attributeFromPreviousSentence(ctx: QuoteContext, index: number): Attribution | null {
  const passage = ctx.passages[index];
  const sentence = ctx.sentenceOfToken[passage.openToken];
  if (passage.openToken !== ctx.sentenceFirst[sentence] || sentence === 0) return null;
  if (index > 0) {
    const previous = ctx.passages[index - 1];
    if (ctx.sentenceOfToken[previous.lastToken] >= sentence - 1 && ctx.speakers[index - 1] !== null) {
      return { speaker: ctx.speakers[index - 1], rule: 'previous-sentence' };
    }
  }
  const before = sentence - 1;
  const from = ctx.sentenceFirst[before];
  if (from === -1) return null;
  const to = ctx.sentenceLast[before] + 1;
  const subject = sentenceSubject(ctx, from, to);
  if (!subject) return null;
  // "X spoke to reporters. '…'": a person leads into a quote; an organisation or country only when the sentence says it spoke.
  if (subject.entity?.kind === 'person' || hasSpeechVerb(ctx, from, to)) return { speaker: subject, rule: 'previous-sentence' };
  return null;
}

/**
 * The quote hands over to what follows it: it ends in punctuation (",” he said"), a comma
 * or dash follows it, or it opens its sentence. Words quoted mid-sentence ("called it
 * “dead” and Y agreed") belong to the words before them first.
 */
function handsOver(ctx: QuoteContext, index: number): boolean {
  const passage = ctx.passages[index];
  const close = passage.closeToken;
  if (close < 0) return false;
  if (passage.openToken === ctx.sentenceFirst[ctx.sentenceOfToken[passage.openToken]]) return true;
  if (ctx.tokens[close - 1].kind === 'punct') return true;
  return close + 1 < ctx.tokens.length && APPOSITION_MARKS.has(tokenText(ctx, close + 1));
}

/** Attributes every passage in document order (later passages lean on earlier speakers). */
export function attributePassages(ctx: QuoteContext): Attribution[] {
  const attributions: Attribution[] = [];
  for (let index = 0; index < ctx.passages.length; index++) {
    const inSentence = handsOver(ctx, index)
      ? (attributeAfter(ctx, index) ?? attributeBefore(ctx, index))
      : (attributeBefore(ctx, index) ?? attributeAfter(ctx, index));
    const attribution = inSentence ?? attributeFromPreviousSentence(ctx, index) ?? { speaker: null, rule: 'none' };
    recordSpeaker(ctx, index, attribution.speaker);
    attributions.push(attribution);
  }
  return attributions;
}
