// Who could be speaking: entity mentions, pronouns, descriptions ("the Kremlin aide") and bare names in a token range, and what each refers to.
import type { Entity } from '../doc/types.ts';
import {
  isCapitalised,
  isPossessiveToken,
  tokenText,
  wordAt,
  type EntityMention,
  type QuoteContext,
  type Speaker,
} from './quote-context.ts';
import { spanIndexFrom } from '../doc/span.ts';

export type CandidateKind = 'mention' | 'pronoun' | 'description' | 'name';

export interface Candidate {
  kind: CandidateKind;
  /** First and last token (inclusive). */
  first: number;
  last: number;
  mention?: EntityMention;
  /** Lowercase pronoun or description head noun. */
  word?: string;
  /** A description with "the"/a possessive/no article (true) or with "a"/"one" (false: someone new). */
  definite?: boolean;
  /** An organisation or country named inside a description ("the Kremlin aide", "Ukraine's envoy"). */
  modifier?: EntityMention;
  /** Capitalised words inside a description that may name a party ("the Turkish president"). */
  adjectives?: string[];
  /** The head noun is capitalised: the description is itself a name ("the Defence Ministry"). */
  capitalisedHead?: boolean;
  possessive: boolean;
  /** Inside a prepositional phrase ("an aide to Mr. Zelensky"): not a subject. */
  prepositional: boolean;
  /** Inside a fronted or embedded clause ("Before he left, …"): not the sentence's subject. */
  subordinate: boolean;
}

/** How far back in its own sentence "he" or "she" looks for a name; keeps run-on sentences linear. */
const MAX_LEADING_TOKENS = 80;
/** How many sentences back "he" or "she" may reach for the person they stand for. */
const MAX_LOOKBACK_SENTENCES = 6;
/** Where the head of a role ends: "aide | to the President", "Foreign Minister | of Russia". */
const ROLE_HEAD_END = /\s(?:to|of|at|for|on|in|with|from)\s/u;

/** A description points to someone mentioned nearby; the bound keeps long documents linear. */
const MAX_LOOKBACK_MENTIONS = 400;

function mentionAt(ctx: QuoteContext, index: number): EntityMention | null {
  const held = ctx.mentionOfToken[index];
  return held === -1 ? null : ctx.mentions[held];
}

function isDescriptionNoun(ctx: QuoteContext, word: string): boolean {
  const lex = ctx.lexicon;
  return lex.personNouns.has(word) || lex.organizationNouns.has(word) || lex.groupNouns.has(word);
}

/** A person's mention starts at `index`, possibly after a comma ("the minister, Dmytro Kuleba"). */
function personFollows(ctx: QuoteContext, index: number): boolean {
  let at = index;
  if (at < ctx.tokens.length && tokenText(ctx, at) === ',') at++;
  const mention = at < ctx.tokens.length ? mentionAt(ctx, at) : null;
  return mention !== null && mention.entity.kind === 'person';
}

/**
 * Scans back from a candidate's first token over determiners, possessives and title
 * abbreviations ("to Mr. Zelensky") for a governing preposition. With `overNames`, other
 * capitalised words are crossed too ("in an NBC News interview").
 */
function isPrepositional(ctx: QuoteContext, first: number, floor: number, options?: { overNames?: boolean }): boolean {
  return prepositionBefore(ctx, first, floor, options) !== -1;
}

/** Token index of the preposition governing the phrase that starts at `first`, or -1. */
export function prepositionBefore(ctx: QuoteContext, first: number, floor: number, options?: { overNames?: boolean }): number {
  const lex = ctx.lexicon;
  for (let t = first - 1, steps = 0; t >= floor && steps < 5; t--, steps++) {
    const token = ctx.tokens[t];
    const word = wordAt(ctx, t);
    if (token.kind === 'punct') {
      // The period of a title abbreviation ("Mr.") belongs to the name.
      if (word === '.' && t > floor && ctx.tokens[t - 1].end === token.start && isCapitalised(ctx, t - 1)) continue;
      return -1;
    }
    if (token.kind !== 'word') return -1;
    if (lex.prepositions.has(word)) return t;
    if (lex.definiteDeterminers.has(word) || lex.indefiniteDeterminers.has(word) || isPossessiveToken(ctx, t)) continue;
    const abbreviation = ctx.tokens[t + 1] !== undefined && ctx.tokens[t + 1].start === token.end && wordAt(ctx, t + 1) === '.';
    if (isCapitalised(ctx, t) && (options?.overNames || abbreviation)) continue;
    return -1;
  }
  return -1;
}

interface Description extends Pick<Candidate, 'first' | 'definite' | 'modifier' | 'adjectives' | 'capitalisedHead'> {
  /** Has an article, a possessive, a named modifier or a capitalised word: a noun phrase, not a bare noun ("entered office"). */
  determined: boolean;
}

/** The description whose head noun is `head`: how definite it is and what names it carries. */
function describe(ctx: QuoteContext, head: number, floor: number): Description {
  const lex = ctx.lexicon;
  let first = head;
  let definite = true;
  let determined = false;
  let modifier: EntityMention | undefined;
  const adjectives: string[] = [];
  for (let t = head - 1; t >= floor && head - t <= 5; t--) {
    if (ctx.passageOfToken[t] !== -1 || ctx.tokens[t].kind !== 'word') break;
    const word = wordAt(ctx, t);
    const mention = mentionAt(ctx, t);
    if (mention !== null) {
      // "Berg's office", "Putin's aide": a person owning the description qualifies it; any other person ends it.
      if (mention.entity.kind === 'person' && !isPossessiveToken(ctx, t)) break;
      modifier ??= mention;
      first = t;
      determined = true;
      if (isPossessiveToken(ctx, t)) break;
      continue;
    }
    if (lex.indefiniteDeterminers.has(word)) {
      definite = false;
      determined = true;
      first = t;
      break;
    }
    if (lex.definiteDeterminers.has(word) || isPossessiveToken(ctx, t)) {
      determined = true;
      first = t;
      break;
    }
    if (lex.prepositions.has(word) || lex.verbs.has(word) || lex.clauseStarters.has(word)) break;
    if (isCapitalised(ctx, t)) adjectives.push(tokenText(ctx, t));
    first = t;
  }
  const capitalisedHead = isCapitalised(ctx, head);
  if (capitalisedHead || adjectives.length > 0 || lex.groupNouns.has(wordAt(ctx, head))) determined = true;
  return { first, definite, modifier, adjectives, capitalisedHead, determined };
}

/**
 * The speaker candidates in tokens [from, to), left to right, skipping quoted passages.
 * An organisation or country right before a description noun is that description's
 * modifier, and a description right before a person's name is that name's title.
 */
export function candidatesIn(ctx: QuoteContext, from: number, to: number): Candidate[] {
  const lex = ctx.lexicon;
  const candidates: Candidate[] = [];
  let subordinate = false;
  for (let t = from; t < to; t++) {
    if (ctx.passageOfToken[t] !== -1) continue;
    const token = ctx.tokens[t];
    const word = wordAt(ctx, t);
    if (token.kind === 'punct') {
      if (word === ',' || word === ';' || word === ':' || word === '\u2014' || word === '\u2013') subordinate = false;
      continue;
    }
    if (token.kind !== 'word') continue;
    const mention = mentionAt(ctx, t);
    if (mention !== null) {
      let last = t;
      while (last + 1 < to && ctx.mentionOfToken[last + 1] === ctx.mentionOfToken[t]) last++;
      const possessive = isPossessiveToken(ctx, last);
      const next = last + 1 < ctx.tokens.length ? wordAt(ctx, last + 1) : '';
      // "Russia's envoy", "the Kremlin aide", "the British Defence Ministry": the organisation or country only qualifies what follows.
      const nextIsMention = last + 1 < to && ctx.mentionOfToken[last + 1] !== -1 && ctx.tokens[last + 1].start - ctx.tokens[last].end <= 1;
      const modifiesNoun = mention.entity.kind !== 'person' && (possessive || isDescriptionNoun(ctx, next) || nextIsMention);
      if (!modifiesNoun) {
        candidates.push({ kind: 'mention', first: t, last, mention, possessive, prepositional: isPrepositional(ctx, t, from, { overNames: true }), subordinate });
      }
      t = last;
      continue;
    }
    if (lex.clauseStarters.has(word)) {
      subordinate = true;
      continue;
    }
    if (lex.resolvablePronouns.has(word) || lex.unresolvablePronouns.has(word)) {
      candidates.push({ kind: 'pronoun', first: t, last: t, word, possessive: false, prepositional: isPrepositional(ctx, t, from, { overNames: true }), subordinate });
      continue;
    }
    if (isDescriptionNoun(ctx, word) && !personFollows(ctx, t + 1) && !isCapitalisedTitle(ctx, t)) {
      const { determined, ...description } = describe(ctx, t, from);
      if (!determined) continue;
      candidates.push({
        kind: 'description',
        last: t,
        word,
        ...description,
        possessive: isPossessiveToken(ctx, t),
        prepositional: isPrepositional(ctx, description.first, from, { overNames: true }),
        subordinate,
      });
    }
  }
  return candidates;
}

/** A capitalised noun before another capitalised word ("President Okafor") is a title of a name the entity stage did not catch. */
function isCapitalisedTitle(ctx: QuoteContext, index: number): boolean {
  return isCapitalised(ctx, index) && index + 1 < ctx.tokens.length && isCapitalised(ctx, index + 1);
}

/** A run of capitalised words ending at `last` that no entity covers ("Ukrenergo said"). */
export function nameEndingAt(ctx: QuoteContext, last: number, floor: number): Candidate | null {
  const lex = ctx.lexicon;
  let first = last + 1;
  for (let t = last; t >= floor && last - t < 5; t--) {
    if (ctx.passageOfToken[t] !== -1 || !isCapitalised(ctx, t) || ctx.mentionOfToken[t] !== -1) break;
    if (lex.nameStopWords.has(wordAt(ctx, t)) || isDescriptionNoun(ctx, wordAt(ctx, t))) break;
    first = t;
  }
  if (first > last) return null;
  return { kind: 'name', first, last, possessive: isPossessiveToken(ctx, last), prepositional: isPrepositional(ctx, first, floor, { overNames: true }), subordinate: false };
}

/** A run of capitalised words starting at `first` ("said Ukrenergo"). */
export function nameStartingAt(ctx: QuoteContext, first: number, ceiling: number): Candidate | null {
  const lex = ctx.lexicon;
  let last = first - 1;
  for (let t = first; t < ceiling && t - first < 5; t++) {
    if (ctx.passageOfToken[t] !== -1 || !isCapitalised(ctx, t) || ctx.mentionOfToken[t] !== -1) break;
    if (lex.nameStopWords.has(wordAt(ctx, t))) break;
    last = t;
  }
  if (last < first) return null;
  return { kind: 'name', first, last, possessive: false, prepositional: false, subordinate: false };
}

/** The candidate whose last token is `last`, if that token ends one. */
export function candidateEndingAt(ctx: QuoteContext, last: number, floor: number): Candidate | null {
  if (last < floor || ctx.passageOfToken[last] !== -1) return null;
  const mention = mentionAt(ctx, last);
  if (mention !== null) {
    let first = last;
    while (first - 1 >= floor && ctx.mentionOfToken[first - 1] === ctx.mentionOfToken[last]) first--;
    return { kind: 'mention', first, last, mention, possessive: isPossessiveToken(ctx, last), prepositional: false, subordinate: false };
  }
  const word = wordAt(ctx, last);
  const lex = ctx.lexicon;
  if (lex.resolvablePronouns.has(word) || lex.unresolvablePronouns.has(word)) {
    return { kind: 'pronoun', first: last, last, word, possessive: false, prepositional: false, subordinate: false };
  }
  if (isDescriptionNoun(ctx, word)) {
    const { determined, ...description } = describe(ctx, last, floor);
    return determined ? { kind: 'description', last, word, ...description, possessive: false, prepositional: false, subordinate: false } : null;
  }
  return nameEndingAt(ctx, last, floor);
}

function speakerOf(entity: Entity): Speaker {
  return { entity, name: entity.name };
}

/** Index of the first mention starting at or after `offset`. */
function firstMentionFrom(ctx: QuoteContext, offset: number): number {
  return spanIndexFrom(ctx.mentions, offset);
}

/** The last mention before `offset` of an entity that passes `accept`. */
function lastMentionBefore(ctx: QuoteContext, offset: number, accept: (entity: Entity) => boolean): EntityMention | null {
  const from = firstMentionFrom(ctx, offset);
  for (let m = from - 1; m >= 0 && from - m <= MAX_LOOKBACK_MENTIONS; m--) {
    if (accept(ctx.mentions[m].entity)) return ctx.mentions[m];
  }
  return null;
}

/** The first mention from `offset` on of an entity that passes `accept`. */
function firstMentionAfter(ctx: QuoteContext, offset: number, accept: (entity: Entity) => boolean): EntityMention | null {
  const from = firstMentionFrom(ctx, offset);
  for (let m = from; m < ctx.mentions.length && m - from < MAX_LOOKBACK_MENTIONS; m++) {
    if (accept(ctx.mentions[m].entity)) return ctx.mentions[m];
  }
  return null;
}

/**
 * A role fits a description when its head (the words before "of", "to", "at"…: "aide" in
 * "aide to the President of Russia") contains one of the description's role words and
 * every rank qualifier it carries ("deputy", "former") is in the description too.
 */
function roleFits(ctx: QuoteContext, role: string, roleWords: readonly string[], said: ReadonlySet<string>): boolean {
  const head = role.toLowerCase().split(ROLE_HEAD_END)[0];
  if (!roleWords.some((roleWord) => head.includes(roleWord))) return false;
  return head.split(/[\s-]+/u).every((word) => !ctx.lexicon.rankQualifiers.has(word) || said.has(word));
}

/** The parties capitalised words in a description stand for ("Turkish" → Turkey). */
function partiesOf(ctx: QuoteContext, candidate: Candidate): Set<string> {
  const parties = new Set<string>();
  for (const adjective of candidate.adjectives ?? []) {
    const party = ctx.lexicon.partyOfWord.get(adjective.toLowerCase());
    if (party !== undefined) parties.add(party);
  }
  return parties;
}

function descriptionText(ctx: QuoteContext, candidate: Candidate): string {
  let first = candidate.first;
  const lex = ctx.lexicon;
  while (first < candidate.last && (lex.definiteDeterminers.has(wordAt(ctx, first)) || lex.indefiniteDeterminers.has(wordAt(ctx, first)))) first++;
  return ctx.text.slice(ctx.tokens[first].start, ctx.tokens[candidate.last].end);
}

/**
 * "the Kremlin aide", "the Ukrainian leader", "the company": the entity the description
 * points back to. A person description matches the last-mentioned person whose roles fit
 * and whose party fits its named modifier or adjective; failing that, the organisation or
 * country it names speaks. "A Kremlin spokesman" (someone new) speaks for the Kremlin.
 * A capitalised body ("the Defence Ministry") keeps its own name.
 */
function resolveDescription(ctx: QuoteContext, candidate: Candidate): Speaker | null {
  const word = candidate.word ?? '';
  const lex = ctx.lexicon;
  const offset = ctx.tokens[candidate.first].start;
  const modifier = candidate.modifier;
  const parties = partiesOf(ctx, candidate);
  if (modifier?.entity.party) parties.add(modifier.entity.party);
  if (lex.personNouns.has(word)) {
    const roleWords = lex.personNouns.get(word) ?? [];
    if (candidate.definite !== false && roleWords.length > 0) {
      const said = new Set(descriptionText(ctx, candidate).toLowerCase().split(/[\s-]+/u));
      const fitting = new Set(
        ctx.entities.filter(
          (entity) =>
            entity.kind === 'person' &&
            entity.roles.some((role) => roleFits(ctx, role, roleWords, said)) &&
            (parties.size === 0 || (entity.party !== null && parties.has(entity.party))),
        ),
      );
      const fits = (entity: Entity): boolean => fitting.has(entity);
      // A lede may describe someone before naming them ("Russia's foreign minister said …" … "Foreign Minister X"): with a party to go by, look ahead too.
      const found = fitting.size === 0 ? null : (lastMentionBefore(ctx, offset, fits) ?? (parties.size > 0 ? firstMentionAfter(ctx, offset, fits) : null));
      if (found !== null) return speakerOf(found.entity);
    }
    // "A Kremlin spokesman" speaks for the Kremlin; "Putin's aide" is not Putin.
    return modifier && modifier.entity.kind !== 'person' ? speakerOf(modifier.entity) : null;
  }
  if (lex.organizationNouns.has(word)) {
    // "the British Defence Ministry" names a body of its own: keep its name, with the party entity it belongs to if one was found.
    if (candidate.capitalisedHead) return { entity: modifier?.entity ?? null, name: descriptionText(ctx, candidate) };
    if (modifier) return speakerOf(modifier.entity);
    if (parties.size > 0) {
      const party = lastMentionBefore(ctx, offset, (entity) => entity.kind !== 'person' && entity.party !== null && parties.has(entity.party));
      return party ? speakerOf(party.entity) : null;
    }
    if (candidate.definite === false) return null;
    const found = lastMentionBefore(ctx, offset, (entity) => entity.kind === 'organization' || entity.kind === 'group');
    return found ? speakerOf(found.entity) : null;
  }
  return null;
}

/** What a candidate refers to; null when it names nobody we can point to ("they", "a source"). */
export function resolveCandidate(ctx: QuoteContext, candidate: Candidate): Speaker | null {
  switch (candidate.kind) {
    case 'mention':
      return candidate.mention ? speakerOf(candidate.mention.entity) : null;
    case 'pronoun':
      return ctx.lexicon.resolvablePronouns.has(candidate.word ?? '') ? resolvePronoun(ctx, candidate.first) : null;
    case 'description':
      return resolveDescription(ctx, candidate);
    case 'name':
      return { entity: null, name: ctx.text.slice(ctx.tokens[candidate.first].start, ctx.tokens[candidate.last].end) };
  }
}

/** Can stand as the subject of a clause: not owned by something else, not inside a phrase or side clause. */
export function isSubjectLike(candidate: Candidate): boolean {
  return !candidate.possessive && !candidate.prepositional && !candidate.subordinate;
}

/** The first subject-like person (named, a pronoun, or a description) in tokens [from, to). */
function firstPersonIn(ctx: QuoteContext, from: number, to: number): Speaker | null {
  for (const candidate of candidatesIn(ctx, from, to)) {
    if (!isSubjectLike(candidate)) continue;
    if (candidate.kind === 'mention' && candidate.mention?.entity.kind !== 'person') continue;
    if (candidate.kind === 'pronoun' && !ctx.lexicon.resolvablePronouns.has(candidate.word ?? '')) continue;
    const speaker = resolveCandidate(ctx, candidate);
    if (speaker?.entity?.kind === 'person') return speaker;
  }
  return null;
}

/** The person a sentence is about: the speaker of its last quote, else its first subject-like person. */
export function salientPerson(ctx: QuoteContext, sentence: number): Speaker | null {
  const cache = ctx.salient;
  if (cache.has(sentence)) return cache.get(sentence) ?? null;
  // Guard against re-entry while this sentence is being worked out.
  cache.set(sentence, null);
  let found: Speaker | null = null;
  const ending = ctx.passagesEndingIn.get(sentence) ?? [];
  for (let i = ending.length - 1; i >= 0 && found === null; i--) {
    const speaker = ctx.speakers[ending[i]];
    if (speaker?.entity?.kind === 'person') found = speaker;
  }
  if (found === null && ctx.sentenceFirst[sentence] !== -1) {
    found = firstPersonIn(ctx, ctx.sentenceFirst[sentence], ctx.sentenceLast[sentence] + 1);
  }
  cache.set(sentence, found);
  return found;
}

/** "he"/"she" at token `index`: a person named earlier in its sentence, else the person the nearest earlier sentences are about. */
export function resolvePronoun(ctx: QuoteContext, index: number): Speaker | null {
  const cache = ctx.pronouns;
  if (cache.has(index)) return cache.get(index) ?? null;
  // Guard against re-entry; pronouns earlier in the sentence are resolved (and memoised) on the way.
  cache.set(index, null);
  const sentence = ctx.sentenceOfToken[index];
  let found = firstPersonIn(ctx, Math.max(ctx.sentenceFirst[sentence], index - MAX_LEADING_TOKENS), index);
  for (let s = sentence - 1; found === null && s >= 0 && sentence - s <= MAX_LOOKBACK_SENTENCES; s--) found = salientPerson(ctx, s);
  cache.set(index, found);
  return found;
}
