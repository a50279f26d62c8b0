// Role phrases around a name — a title before it, an apposition after or before it — and what they say: the title, the party, whether the person is an analyst.
import { partyOn, readTitle, type TitleReading } from '../knowledge/index.ts';
import { chunkCovering, chunkEndingAt, entryOf, isMark, isWord, sameSentence, type Chunk, type EntityContext } from './entities-context.ts';

/** Kinds of people who are never a negotiating party. */
const NON_PARTY_KINDS = new Set(['analyst', 'journalist', 'business', 'citizen']);
const DETERMINERS = new Set(['the', 'a', 'an']);
const PHRASE_BOUNDARIES = new Set([',', ';', ':', '(', ')', '[', ']', '—', '–', '--', '|']);

/** What one role phrase says about the person it describes. */
export interface RoleReading {
  /** Tokens of the phrase (determiners dropped at the start). */
  start: number;
  end: number;
  reading: TitleReading | null;
  /** Party named in the phrase (a demonym, a party, a metonym, the party of a person or organisation named in it). */
  party: string | null;
  /** Country of a place named in the phrase (for local officials). */
  placeCountry: string | null;
  /** Set when the phrase puts the person outside the parties: analyst, journalist, business person, citizen. */
  nonParty: 'analyst' | 'journalist' | 'business' | 'citizen' | null;
  former: boolean;
}

/** Title phrase directly before a name, as found by `titleBefore`. */
export interface TitleBefore extends RoleReading {
  /** The word right before the name is an honorific (Mr, Dr, Sir) rather than a role. */
  honorificOnly: boolean;
  /** The title word next to the name may introduce it ("Deputy Foreign Minister X", not "head X"). */
  introducesName: boolean;
}

function titleChunk(chunk: Chunk | null): boolean {
  return entryOf(chunk, 'title') !== null;
}

/** Whether the chunk is a word of a title phrase: a title, a modifier ("former", "deputy") or a field ("foreign"). */
export function hasTitleWord(chunk: Chunk): boolean {
  for (const entry of chunk.entries) {
    if (entry.type === 'title' || entry.type === 'modifier' || entry.type === 'domain') return true;
  }
  return false;
}

/** Reads party, place and organisation hints from the chunks in tokens `start`..`end`. */
function readPhraseContext(ctx: EntityContext, start: number, end: number, reading: TitleReading | null): Pick<RoleReading, 'party' | 'placeCountry' | 'nonParty'> {
  let party: string | null = null;
  let placeCountry: string | null = null;
  let nonParty: RoleReading['nonParty'] = reading !== null && NON_PARTY_KINDS.has(reading.kind) ? (reading.kind as RoleReading['nonParty']) : null;
  const generic = reading === null || ['official', 'relative'].includes(reading.kind);
  const { analystOrgWords, businessOrgWords, mediaOrgWords } = ctx.kb.cues;
  let i = start;
  while (i < end) {
    const chunk = chunkCovering(ctx, i);
    if (chunk === null) {
      const key = ctx.view.bases[i];
      if (generic && nonParty === null) {
        if (analystOrgWords.has(key)) nonParty = 'analyst';
        else if (businessOrgWords.has(key)) nonParty = 'business';
        else if (mediaOrgWords.has(key) && ctx.view.capitalized[i]) nonParty = 'journalist';
      }
      i++;
      continue;
    }
    const partyEntry = entryOf(chunk, 'party');
    const personEntry = entryOf(chunk, 'person');
    const organization = entryOf(chunk, 'organization');
    const place = entryOf(chunk, 'place');
    const title = entryOf(chunk, 'title');
    // "a think tank in Kyiv": a capital after a locative is where the person works, not whom they serve.
    const located = partyEntry?.form === 'capital' && i > 0 && ctx.kb.cues.locatives.has(ctx.view.keys[i - 1]);
    if (title !== null && NON_PARTY_KINDS.has(title.title.kind)) nonParty ??= title.title.kind as RoleReading['nonParty'];
    else if (located) placeCountry ??= partyEntry.party.name;
    else if (partyEntry !== null && !partyEntry.ambiguous && party === null) party = partyEntry.party.name;
    else if (personEntry !== null && party === null) party = partyOn(personEntry.person, ctx.day);
    else if (organization !== null) {
      const kind = organization.organization.kind;
      if (kind === 'think-tank' || kind === 'university') nonParty ??= 'analyst';
      else if (kind === 'media') nonParty ??= 'journalist';
      else if (kind === 'company') nonParty ??= 'business';
      else if (party === null) party = organization.organization.party;
    } else if (place !== null && placeCountry === null) placeCountry = place.place.country;
    i = chunk.end;
  }
  return { party, placeCountry, nonParty };
}

/** The title words (title, modifier and field chunks) of tokens `start`..`end`, read as one title. */
function readTitleIn(ctx: EntityContext, start: number, end: number): TitleReading | null {
  const words: string[] = [];
  let i = start;
  while (i < end) {
    const chunk = chunkCovering(ctx, i);
    if (chunk !== null && hasTitleWord(chunk)) {
      for (let k = Math.max(chunk.start, start); k < Math.min(chunk.end, end); k++) words.push(ctx.view.bases[k]);
      i = chunk.end;
    } else {
      i++;
    }
  }
  return words.length === 0 ? null : readTitle(ctx.kb, words);
}

/**
 * The title phrase written directly before a name: title, modifier and field words, with
 * the parties, organisations and possessive people that qualify them ("US special envoy",
 * "Putin's senior aide", "Kremlin aide", "ABC News senior correspondent"). It stops at a
 * determiner, a person who is not a possessive, or any other word.
 */
export function titleBefore(ctx: EntityContext, nameStart: number): TitleBefore | null {
  const adjacent = chunkEndingAt(ctx, nameStart);
  if (!titleChunk(adjacent) || !sameSentence(ctx, nameStart, nameStart - 1)) return null;
  let start = nameStart;
  let titleStart = nameStart;
  let i = nameStart - 1;
  while (i >= 0 && sameSentence(ctx, i, nameStart)) {
    const chunk = chunkEndingAt(ctx, i + 1);
    if (chunk === null) break;
    if (hasTitleWord(chunk)) {
      start = chunk.start;
      titleStart = chunk.start;
    } else if (entryOf(chunk, 'person') !== null) {
      // "Putin's senior aide": the possessor gives the party; its own titles are not this person's.
      if (chunk.possessive) start = chunk.start;
      break;
    } else if (entryOf(chunk, 'party') !== null || entryOf(chunk, 'organization') !== null || entryOf(chunk, 'body') !== null || entryOf(chunk, 'place') !== null) {
      start = chunk.start;
    } else {
      break;
    }
    i = chunk.start - 1;
  }
  const honorific = entryOf(adjacent, 'title');
  const reading = readTitleIn(ctx, titleStart, nameStart);
  const context = readPhraseContext(ctx, start, nameStart, reading);
  const honorificOnly = honorific?.title.kind === 'honorific';
  return {
    start,
    end: nameStart,
    reading: honorificOnly ? null : reading,
    ...context,
    former: reading?.former ?? false,
    honorificOnly,
    introducesName: honorific?.title.beforeName ?? false,
  };
}

function isBoundary(ctx: EntityContext, i: number): boolean {
  const token = ctx.view.tokens[i];
  if (token.kind === 'quote') return true;
  return token.kind === 'punct' && PHRASE_BOUNDARIES.has(ctx.view.keys[i]);
}

/** Whether token `i` can open a role phrase: a determiner, a title word, a party, a possessive person or organisation. */
function opensRolePhrase(ctx: EntityContext, i: number): boolean {
  if (!isWord(ctx, i)) return false;
  if (DETERMINERS.has(ctx.view.keys[i]) || ctx.view.keys[i] === 'who') return true;
  const chunk = chunkCovering(ctx, i);
  if (chunk === null) return false;
  return chunk.entries.some((entry) => entry.type === 'title' || entry.type === 'modifier' || entry.type === 'domain' || entry.type === 'party' || ((entry.type === 'person' || entry.type === 'organization' || entry.type === 'place') && chunk.possessive));
}

/** Splits tokens `start`..`end` at "and", reading each part as a role. */
function readRoleSegments(ctx: EntityContext, start: number, end: number): RoleReading[] {
  const segments: RoleReading[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !(ctx.view.keys[i] === 'and' && i > from)) continue;
    let segmentStart = from;
    while (segmentStart < i && DETERMINERS.has(ctx.view.keys[segmentStart])) segmentStart++;
    // The title sits before the first link word ("an aide to Putin", "director at the institute").
    let headEnd = segmentStart;
    while (headEnd < i && !(ctx.kb.cues.roleLinks.has(ctx.view.keys[headEnd]) && chunkCovering(ctx, headEnd) === null)) headEnd++;
    const reading = headEnd - segmentStart <= 8 ? readTitleIn(ctx, segmentStart, headEnd) : null;
    if (reading !== null) {
      const context = readPhraseContext(ctx, segmentStart, i, reading);
      segments.push({ start: segmentStart, end: i, reading, ...context, former: reading.former });
    }
    from = i + 1;
  }
  return segments;
}

/** The token after a name, past emoji and an age (", 52,"), where what is said about the name continues. */
function afterName(ctx: EntityContext, nameEnd: number): number {
  let i = nameEnd;
  while (i < ctx.view.tokens.length && ctx.view.tokens[i].kind === 'symbol') i++;
  if (isMark(ctx, i, ',') && ctx.view.tokens[i + 1]?.kind === 'number' && isMark(ctx, i + 2, ',')) i += 2;
  return i;
}

/** The role apposition after a name: ", an aide to Putin," / ", deputy director at the institute,". */
export function appositionAfter(ctx: EntityContext, nameEnd: number): RoleReading[] {
  const i = afterName(ctx, nameEnd);
  if (!isMark(ctx, i, ',') || !opensRolePhrase(ctx, i + 1) || !sameSentence(ctx, i, i + 1)) return [];
  const start = i + 1;
  let end = start;
  while (end < ctx.view.tokens.length && end - start < 30 && sameSentence(ctx, start, end) && !isBoundary(ctx, end)) end++;
  if (isMark(ctx, end - 1, '.')) end--;
  if (ctx.view.keys[start] === 'who') {
    // ", who teaches law at the Lakeside Institute": no title, but where the person works can make them an analyst.
    const context = readPhraseContext(ctx, start + 1, end, null);
    return context.nonParty === null ? [] : [{ start: start + 1, end, reading: null, ...context, former: false }];
  }
  return readRoleSegments(ctx, start, end);
}

/** The role apposition before a name: "the regional head, X" / "Ukraine's energy minister, X, said". */
export function appositionBefore(ctx: EntityContext, nameStart: number, nameEnd: number): RoleReading[] {
  const comma = nameStart - 1;
  if (!isMark(ctx, comma, ',') || !sameSentence(ctx, comma, nameStart)) return [];
  let after = nameEnd;
  while (after < ctx.view.tokens.length && ctx.view.tokens[after].kind === 'symbol') after++;
  const closes = after >= ctx.view.tokens.length || !sameSentence(ctx, after, nameStart) || [',', '.', ';', ')'].includes(ctx.view.keys[after]) || ctx.kb.cues.speechVerbs.has(ctx.view.keys[after]);
  if (!closes) return [];
  let start = comma;
  while (start > 0 && comma - start < 12 && sameSentence(ctx, start - 1, comma) && !isBoundary(ctx, start - 1)) start--;
  // "according to the regional head, X": the role phrase opens at its determiner, a few words in at most.
  const limit = Math.min(comma, start + 4);
  while (start < limit && !opensRolePhrase(ctx, start)) start++;
  if (start >= comma || !opensRolePhrase(ctx, start)) return [];
  return readRoleSegments(ctx, start, comma);
}

/** Whether the name is the subject or source of reported speech: "X said", "X, told", "said X.", "according to X". */
export function speechAround(ctx: EntityContext, nameStart: number, nameEnd: number): boolean {
  const { speechVerbs, addresseeVerbs, speechGapWords, sourcePhrases } = ctx.kb.cues;
  let i = afterName(ctx, nameEnd);
  if (isMark(ctx, i, ',')) i++;
  for (let gap = 0; gap <= 2 && i < ctx.view.tokens.length && sameSentence(ctx, i, nameStart); gap++) {
    const key = ctx.view.keys[i];
    // A capitalised verb is headline case ("Kremlin Welcomes Trump Call"), too loose to make a name a speaker.
    if (speechVerbs.has(key)) return !ctx.view.capitalized[i];
    if (!isWord(ctx, i) || ctx.view.capitalized[i] || !(speechGapWords.has(key) || key.endsWith('ly'))) break;
    i++;
  }
  const before = nameStart - 1;
  if (before >= 0 && sameSentence(ctx, before, nameStart)) {
    const verb = ctx.view.keys[before];
    const next = nameEnd < ctx.view.tokens.length ? ctx.view.tokens[nameEnd] : null;
    const closes = next === null || !sameSentence(ctx, nameEnd, nameStart) || next.kind === 'punct' || next.kind === 'quote';
    if (speechVerbs.has(verb) && !addresseeVerbs.has(verb) && closes) return true;
  }
  for (const phrase of sourcePhrases) {
    if (phraseEndsAt(ctx, phrase, nameStart)) return true;
  }
  return false;
}

/** Whether the token keys right before token `end` are `phrase` ("according to"). */
function phraseEndsAt(ctx: EntityContext, phrase: readonly string[], end: number): boolean {
  const at = end - phrase.length;
  if (at < 0) return false;
  for (let k = 0; k < phrase.length; k++) {
    if (ctx.view.keys[at + k] !== phrase[k]) return false;
  }
  return true;
}

/** Whether a photo or reporting credit is written next to the name ("Credit...X", "AP Photo/X", "X contributed"). */
export function inCredit(ctx: EntityContext, nameStart: number, nameEnd: number): boolean {
  const { creditCues } = ctx.kb.cues;
  for (let i = Math.max(0, nameStart - 3); i < nameStart; i++) {
    if (creditCues.has(ctx.view.keys[i])) return true;
  }
  return nameEnd < ctx.view.keys.length && (ctx.view.keys[nameEnd] === 'contributed' || ctx.view.keys[nameEnd] === 'contributing');
}

/** "X of Turkey": a party named right after the name with "of". */
export function partyAfterOf(ctx: EntityContext, nameEnd: number): string | null {
  if (ctx.view.keys[nameEnd] !== 'of') return null;
  const chunk = chunkCovering(ctx, nameEnd + 1);
  const entry = chunk !== null && chunk.start === nameEnd + 1 ? entryOf(chunk, 'party') : null;
  return entry !== null && !entry.ambiguous && entry.form !== 'demonym' ? entry.party.name : null;
}

/** The country of the place named nearest to token `at`, within two sentences either side. */
export function nearbyPlaceCountry(ctx: EntityContext, at: number): string | null {
  const sentence = ctx.sentenceOf[at];
  let best: { distance: number; country: string } | null = null;
  for (const chunk of ctx.chunks) {
    const place = entryOf(chunk, 'place');
    if (place === null || place.place.country === null) continue;
    const other = ctx.sentenceOf[chunk.start];
    if (sentence === -1 || other === -1 || Math.abs(other - sentence) > 2) continue;
    const distance = Math.abs(other - sentence) * 1000 + Math.abs(chunk.start - at);
    if (best === null || distance < best.distance) best = { distance, country: place.place.country };
  }
  return best?.country ?? null;
}

/** Whether the role readings place the person outside the parties (an analyst, journalist, business person or citizen now). */
export function nonPartyOf(readings: readonly RoleReading[]): RoleReading['nonParty'] {
  for (const reading of readings) {
    if (!reading.former && reading.nonParty !== null) return reading.nonParty;
  }
  return null;
}
